import type { GraphClient } from '../graph/graph-client';
import { candidatesParams, prepareName, PreparedName, rankCandidates, type Reason } from './candidates';
import { applyNameDecisions, NameDecision, proposeMerge, proposeNameDecisions, verdictFor } from './decisions';
import { entitySubject } from './merge';
import { AUTO_RULE, WEIGHTS } from './rules';

/**
 * An automatic resolution run over the employer names of layoff events not linked to any organization
 * (WARN notices, tracker rows): the names a few hundred at a time, candidates for a batch in one query,
 * the rules' verdict for each (rules.ts), decisions above the threshold put into effect, the rest
 * proposed for review. A pair already decided (a reviewer's NOT_SAME_AS above all) is never touched.
 */
export interface ResolveOptions {
  /** Names per candidates query and per write transaction. */
  batch?: number;
  /** Stop after this many names (for trials). */
  limit?: number;
  /** Only the names it accepts. */
  filter?: (name: string) => boolean;
  /** Only report what would be decided. */
  dryRun?: boolean;
  /** Full-text hits weighed per name. */
  fulltextLimit?: number;
  onBatch?: (done: number, total: number) => void;
}

export interface ResolveSummary {
  names: number;
  notices: number;
  accepted: { SAME_AS: number; ESTABLISHMENT_OF: number };
  /** Notices linked by this run's accepted decisions. */
  linked: number;
  establishments: number;
  pending: number;
  unmatched: number;
  /** Names skipped because a decision already covers them. */
  alreadyDecided: number;
  ms: number;
  decisions: NameDecision[];
}

export async function resolveEmployerNames(graph: GraphClient, options: ResolveOptions = {}): Promise<ResolveSummary> {
  const started = Date.now();
  const batch = options.batch ?? 250;
  // The queue's order: what pending decisions cover now (notices linked since, jobs of older proposals).
  if (!options.dryRun) await graph.write('resolution/refresh-pending-impact');
  const all = await graph.read('resolution/employer-names');
  const open = all.filter((r) => !r.decided && (!options.filter || options.filter(String(r.name))));
  const names = open.slice(0, options.limit ?? Infinity);
  const summary: ResolveSummary = {
    names: names.length,
    notices: names.reduce((s, r) => s + Number(r.notices), 0),
    accepted: { SAME_AS: 0, ESTABLISHMENT_OF: 0 },
    linked: 0,
    establishments: 0,
    pending: 0,
    unmatched: 0,
    alreadyDecided: all.filter((r) => r.decided && (!options.filter || options.filter(String(r.name)))).length,
    ms: 0,
    decisions: [],
  };
  for (let start = 0; start < names.length; start += batch) {
    const slice = names.slice(start, start + batch);
    const prepared: PreparedName[] = [];
    slice.forEach((r, i) => {
      try {
        prepared.push(prepareName({ name: String(r.name).slice(0, 200), country: (r.country as string | null) ?? null }, start + i));
      } catch {
        summary.unmatched += 1; // a name of no words ("---") has no candidates
      }
    });
    const rows = await graph.read('resolution/candidates', candidatesParams(prepared, options.fulltextLimit ?? 25));
    const ranked = rankCandidates(rows, prepared, 5);
    const accepted: NameDecision[] = [];
    const pending: NameDecision[] = [];
    for (const name of prepared) {
      const source = names[name.ref];
      const verdict = verdictFor(name, ranked.get(name.ref) ?? [], new Set(source.refused as string[]));
      if (!verdict) {
        summary.unmatched += 1;
        continue;
      }
      const decision: NameDecision = {
        name: String(source.name),
        country: (source.country as string | null) ?? null,
        notices: Number(source.notices),
        jobs: Number(source.jobs ?? 0),
        region: (source.region as string | null) ?? null,
        candidateId: String(verdict.candidate.node.id),
        kind: verdict.kind,
        status: verdict.status,
        score: verdict.candidate.score,
        rule: AUTO_RULE,
        reasons: verdict.candidate.reasons,
        by: `rule:${AUTO_RULE}`,
      };
      (verdict.status === 'ACCEPTED' ? accepted : pending).push(decision);
      summary.decisions.push(decision);
    }
    for (const d of accepted) summary.accepted[d.kind as 'SAME_AS' | 'ESTABLISHMENT_OF'] += 1;
    summary.pending += pending.length;
    if (!options.dryRun) {
      const applied = await applyNameDecisions(graph, accepted, true);
      summary.linked += applied.linked;
      summary.establishments += applied.establishments;
      await proposeNameDecisions(graph, pending);
    }
    options.onBatch?.(Math.min(start + batch, names.length), names.length);
  }
  summary.ms = Date.now() - started;
  return summary;
}

export interface TwinsSummary {
  groups: number;
  proposed: number;
  /** Pairs left alone: decided already, in different countries, or linked by ownership. */
  skipped: number;
  ms: number;
}

/**
 * Proposes merges of organizations that share a name key (a seed company and its registry record,
 * an SEC filer and its GLEIF entity): names second, after identifiers, which already make one node.
 * Never decided automatically, since registered companies of one name are often distinct (a Delaware and a
 * Texas "Acme Holdings"): each pair waits for a reviewer. The survivor is the member with the
 * most identifiers; pairs in different countries, linked by ownership or decided before are skipped.
 */
export async function proposeOrganizationTwins(graph: GraphClient, options: { maxGroup?: number; by?: string } = {}): Promise<TwinsSummary> {
  const started = Date.now();
  const groups = await graph.read('resolution/organization-twins', { maxGroup: options.maxGroup ?? 5 });
  let proposed = 0;
  let skipped = 0;
  for (const group of groups) {
    const twins = (group.twins as Array<Record<string, unknown>>).sort(
      (a, b) => Number(b.identifiers) - Number(a.identifiers) || String(a.id).localeCompare(String(b.id)),
    );
    const [survivor, ...others] = twins;
    for (const other of others) {
      const pair = `${entitySubject(String(other.id))}>${String(survivor.id)}`;
      const decided = (other.decided as string[]).includes(pair);
      const countries = survivor.country && other.country && survivor.country !== other.country;
      const linked = (other.linked as string[]).includes(String(survivor.id));
      if (decided || countries || linked) {
        skipped += 1;
        continue;
      }
      const reasons: Reason[] = [{ kind: 'NAME_KEY_EQUAL', detail: `"${String(group.key)}"`, weight: WEIGHTS.NAME_KEY_EQUAL }];
      if (survivor.country && survivor.country === other.country)
        reasons.push({ kind: 'SAME_COUNTRY', detail: String(survivor.country), weight: WEIGHTS.SAME_COUNTRY });
      const score = Math.round(reasons.reduce((s, r) => s + r.weight, 0) * 1000) / 1000;
      await proposeMerge(graph, String(other.id), String(survivor.id), options.by ?? `rule:${AUTO_RULE}`, { node: other, ancestorIds: [], score, reasons });
      proposed += 1;
    }
  }
  return { groups: groups.length, proposed, skipped, ms: Date.now() - started };
}
