import crypto from 'node:crypto';
import { BadUserInputError, ConflictError } from '../errors/errors';
import type { GraphClient, GraphTransaction, Row } from '../graph/graph-client';
import type { ChangeInput } from '../graph/change-outbox';
import { loadRecords } from '../ingest/importer';
import { RawRecord } from '../ingest/record-files';
import { slugForId } from '../ingest/names';
import type { Candidate, PreparedName } from './candidates';
import { decisionId, entitySubject, mergeIn, nameSubject, splitIn } from './merge';
import { AUTO_REASONS, AUTO_RULE, DecisionKind, DecisionStatus, REVIEW_ALWAYS, THRESHOLDS } from './rules';

/**
 * Decisions are facts: that a name or an entity is the same as a candidate organization, an
 * establishment of it, or not the same, with who decided (an API key's name, the CLI's user, or the
 * automatic rule and its score), when and why. Proposals wait in the review queue; accepting one puts
 * it into effect (a merge, or the notices filed under a name linked to the organization or to an
 * establishment of it), undoing it takes the effect back, rejecting it records NOT_SAME_AS, which no
 * automatic run overrides. Every link a decision makes cites the resolution source, with the
 * decision's id as locator.
 */

/** The source every link made by entity resolution cites (the locator names the decision). */
export const RESOLUTION_SOURCE = {
  type: 'Source',
  id: 'src-corpgraph-resolution',
  kind: 'RESOLUTION',
  title: 'corpgraph entity-resolution decisions',
  publishers: ['corpgraph'],
  description:
    'Links made by entity resolution. Each citation locator names a decision, which records who decided (a reviewer or the automatic rule and its score), when and on what evidence.',
} as const;

export interface StoredDecision {
  id: string;
  kind: DecisionKind;
  status: DecisionStatus;
  subjectKey: string;
  subjectName: string | null;
  subjectCountry: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  candidateId: string;
  score: number | null;
  rule: string | null;
  reasonKinds: string[];
  reasonDetails: string[];
  reasonWeights: number[];
  notices: number | null;
  /** Jobs the notices filed under the name cut (lower bounds), when recorded. */
  jobs: number | null;
  /** Where the notices were filed (ISO 3166-2), when known. */
  subjectRegion: string | null;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  undoneBy: string | null;
  undoneAt: string | null;
  establishmentId: string | null;
}

export function decisionFromRow(row: Row): StoredDecision {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    ...(row as unknown as StoredDecision),
    proposedAt: String(row.proposedAt),
    decidedAt: text(row.decidedAt),
    undoneAt: text(row.undoneAt),
    reasonKinds: (row.reasonKinds as string[]) ?? [],
    reasonDetails: (row.reasonDetails as string[]) ?? [],
    reasonWeights: (row.reasonWeights as number[]) ?? [],
    score: row.score === null || row.score === undefined ? null : Number(row.score),
    notices: row.notices === null || row.notices === undefined ? null : Number(row.notices),
    jobs: row.jobs === null || row.jobs === undefined ? null : Number(row.jobs),
    subjectRegion: text(row.subjectRegion),
    subjectName: text(row.subjectName),
    subjectCountry: text(row.subjectCountry),
    subjectId: text(row.subjectId),
    subjectLabel: text(row.subjectLabel),
    decidedBy: text(row.decidedBy),
    note: text(row.note),
    undoneBy: text(row.undoneBy),
    establishmentId: text(row.establishmentId),
  };
}

/** What the rules make of a name's ranked candidates: decided, proposed for review, or nothing. */
export interface Verdict {
  candidate: Candidate;
  kind: Exclude<DecisionKind, 'NOT_SAME_AS'>;
  status: Extract<DecisionStatus, 'ACCEPTED' | 'PENDING'>;
}

export function verdictFor(name: PreparedName, candidates: Candidate[], refused: ReadonlySet<string> = new Set()): Verdict | null {
  const open = candidates.filter((c) => !refused.has(String(c.node.id)));
  const [best, second] = open;
  if (!best || best.score < THRESHOLDS.REVIEW_FLOOR) return null;
  const siteOf =
    best.reasons.some((r) => r.kind === 'SITE_OF' || r.kind === 'NAME_PREFIX') || (Boolean(name.siteKey) && !best.reasons.some((r) => r.kind === 'IDENTIFIER'));
  const kind = siteOf ? 'ESTABLISHMENT_OF' : 'SAME_AS';
  const strong = best.reasons.some((r) => AUTO_REASONS.includes(r.kind));
  const clear = !second || best.score - second.score >= THRESHOLDS.AUTO_MARGIN;
  const key = name.siteKey ?? name.keys[0] ?? '';
  const initials = !key.includes(' ') && key.length < THRESHOLDS.MIN_AUTO_ONE_WORD;
  const auto = strong && clear && best.score >= THRESHOLDS.AUTO_ACCEPT && !initials && !REVIEW_ALWAYS.test(name.name);
  return { candidate: best, kind, status: auto ? 'ACCEPTED' : 'PENDING' };
}

/** An establishment's id: readable, and unique per name as filed. */
export function establishmentId(name: string): string {
  const hash = crypto.createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `est-${slugForId(name, 60) || 'site'}-${hash}`;
}

/** A decision about a name as filed (the WARN notices filed under it), ready to record. */
export interface NameDecision {
  name: string;
  country: string | null;
  /** Where the notices were filed (ISO 3166-2, e.g. US-CA), when known. */
  region?: string | null;
  notices: number;
  /** Jobs the notices cut (their lower bounds): with the notices, the review queue's order. */
  jobs?: number;
  candidateId: string;
  kind: DecisionKind;
  status: DecisionStatus;
  score: number | null;
  rule: string | null;
  reasons: Candidate['reasons'];
  by: string;
  note?: string | null;
}

function decisionRow(d: NameDecision, extra: Record<string, unknown> = {}) {
  const subjectKey = nameSubject(d.name);
  return {
    candidateId: d.candidateId,
    subjectId: null,
    decision: {
      id: decisionId(subjectKey, d.candidateId),
      subjectKey,
      subjectName: d.name,
      subjectCountry: d.country,
      kind: d.kind,
      status: d.status,
      score: d.score,
      rule: d.rule,
      reasonKinds: d.reasons.map((r) => r.kind),
      reasonDetails: d.reasons.map((r) => r.detail),
      reasonWeights: d.reasons.map((r) => r.weight),
      notices: d.notices,
      jobs: d.jobs ?? null,
      subjectRegion: d.region ?? null,
      by: d.by,
      note: d.note ?? null,
      ...extra,
    },
  };
}

/** Records proposals (PENDING) where no decision exists for the pair; returns how many are new. */
export async function proposeNameDecisions(graph: GraphClient, decisions: NameDecision[]): Promise<number> {
  if (!decisions.length) return 0;
  const rows = await graph.write('resolution/record-decision', { onlyIfNew: true, rows: decisions.map((d) => decisionRow(d)) });
  return rows.filter((r) => r.created).length;
}

/**
 * Puts name decisions into effect (returns the notices filed under the names newly decided, and the establishments made) in one transaction: for ESTABLISHMENT_OF an establishment (an
 * organization of kind ESTABLISHMENT named as filed, citing a notice) with a division link to the
 * candidate (citing the resolution source and the decision), then the notices filed under the name
 * linked to the organization or establishment, and the decisions recorded ACCEPTED. `onlyIfNew`
 * (automatic runs) leaves alone any pair already decided.
 */
export async function applyNameDecisions(
  graph: GraphClient,
  decisions: NameDecision[],
  onlyIfNew: boolean,
  /** A check of what the decisions rest on, in the write's transaction before anything is written. */
  check?: (tx: GraphTransaction) => Promise<void>,
): Promise<{ linked: number; establishments: number }> {
  if (!decisions.length) return { linked: 0, establishments: 0 };
  const sites = decisions.filter((d) => d.kind === 'ESTABLISHMENT_OF');
  const citations = new Map((await graph.read('resolution/notice-citations', { names: sites.map((d) => d.name) })).map((r) => [r.name as string, r]));
  const records: RawRecord[] = [{ file: 'resolution', line: 1, value: { ...RESOLUTION_SOURCE } }];
  const rows = decisions.map((d) => {
    if (d.kind !== 'ESTABLISHMENT_OF') return { decision: d, row: decisionRow(d), target: d.candidateId };
    const id = establishmentId(d.name);
    const row = decisionRow(d, { establishmentId: id });
    const cite = citations.get(d.name);
    records.push({
      file: 'resolution',
      line: records.length + 1,
      value: {
        type: 'Organization',
        id,
        name: d.name.slice(0, 500),
        kind: 'ESTABLISHMENT',
        ...(d.country ? { country: d.country } : {}),
        sources: cite ? [{ source: cite.source, locator: cite.locator ?? null }] : [{ source: RESOLUTION_SOURCE.id, locator: row.decision.id }],
      },
    });
    records.push({
      file: 'resolution',
      line: records.length + 1,
      value: {
        type: 'Ownership',
        id: `${id}-of`,
        kind: 'DIVISION',
        child: id,
        parent: d.candidateId,
        // A site filing notices in the employer's name was the employer's by the first of them.
        ...(cite?.firstNotice ? { since: { latest: cite.firstNotice, text: 'by the first notice filed under this name' } } : {}),
        sources: [{ source: RESOLUTION_SOURCE.id, locator: row.decision.id }],
      },
    });
    return { decision: d, row, target: id };
  });
  let linked = 0;
  let establishments = 0;
  await loadRecords(graph, records, [], {
    by: decisions[0].by,
    lockIds: decisions.map((d) => d.candidateId),
    prepare: async (tx, raw) => {
      await check?.(tx);
      return raw;
    },
    afterWrite: async (tx) => {
      const recorded = await tx.run('resolution/record-decision', { onlyIfNew, rows: rows.map((r) => r.row) });
      const fresh = new Set(recorded.map((r) => r.id as string));
      const applied = rows.filter((r) => fresh.has(r.row.decision.id));
      const links = applied.map((r) => ({ name: r.decision.name, target: r.target, decision: r.row.decision.id }));
      if (links.length) {
        const byDecision = new Map(applied.map((r) => [r.row.decision.id, r.decision.by]));
        const linkedNotices = await tx.run('resolution/link-notices', { rows: links });
        tx.record(linkedNotices.map((n) => noticeChange('LINKED', n, byDecision.get(n.decision as string) ?? 'resolution')));
      }
      linked = applied.reduce((sum, r) => sum + r.decision.notices, 0);
      establishments = applied.filter((r) => r.decision.kind === 'ESTABLISHMENT_OF').length;
    },
  });
  return { linked, establishments };
}

async function decisionById(graph: GraphClient, id: string): Promise<StoredDecision> {
  const [row] = await graph.read('resolution/decisions-by-id', { ids: [id] });
  if (!row) throw new BadUserInputError(`no decision has the id "${id}"`, 'id');
  return decisionFromRow(row.decision as Row);
}

/**
 * The decision `id` locked in the write's transaction and read after the lock: accept, reject and
 * undo of one decision serialize in Neo4j (across API processes), each checking what is committed.
 */
async function lockedDecision(tx: GraphTransaction, id: string): Promise<StoredDecision> {
  const [row] = await tx.run('resolution/lock-decision', { id });
  if (!row) throw new BadUserInputError(`no decision has the id "${id}"`, 'id');
  return decisionFromRow(row.decision as Row);
}

function asNameDecision(d: StoredDecision, kind: DecisionKind, by: string, note: string | null): NameDecision {
  return {
    name: d.subjectName!,
    country: d.subjectCountry,
    notices: d.notices ?? 0,
    candidateId: d.candidateId,
    kind,
    status: 'ACCEPTED',
    score: d.score,
    rule: d.rule,
    reasons: d.reasonKinds.map((k, i) => ({ kind: k as Candidate['reasons'][number]['kind'], detail: d.reasonDetails[i], weight: d.reasonWeights[i] })),
    by,
    note,
  };
}

/** A decision in effect: accepted, and not a rejection (NOT_SAME_AS). */
const inEffect = (d: StoredDecision) => d.status === 'ACCEPTED' && d.kind !== 'NOT_SAME_AS';

/** Whether a decision can be accepted: a proposal or an undone one; one in effect or rejected is a conflict. */
function checkAcceptable(d: StoredDecision, kind: DecisionKind): void {
  if (inEffect(d)) throw new ConflictError(`decision "${d.id}" is already in effect`, d.id, 'Decision');
  // A rejection stands (no automatic run overrides it either): an accept racing a reject never undoes it silently.
  if (d.status === 'ACCEPTED') throw new ConflictError(`decision "${d.id}" was rejected (NOT_SAME_AS by ${d.decidedBy ?? 'a reviewer'})`, d.id, 'Decision');
  if (kind === 'NOT_SAME_AS') throw new BadUserInputError('to decide that they are not the same, reject the decision', 'kind');
}

/** Accepts a proposal (optionally as another kind) and puts it into effect, checked and written in one transaction. */
export async function acceptDecision(
  graph: GraphClient,
  id: string,
  by: string,
  options: { kind?: DecisionKind | null; note?: string | null } = {},
): Promise<StoredDecision> {
  const seen = await decisionById(graph, id);
  const kind = options.kind ?? seen.kind;
  checkAcceptable(seen, kind);
  if (seen.subjectId) {
    if (kind !== 'SAME_AS')
      throw new BadUserInputError('an entity can only be merged (SAME_AS) from the queue; link establishments with upsertOwnership', 'kind');
    await graph.writeTransaction(async (tx) => {
      const d = await lockedDecision(tx, id);
      checkAcceptable(d, kind);
      await mergeIn(tx, { survivorId: d.candidateId, absorbedId: d.subjectId!, by, note: options.note }, { score: d.score, rule: d.rule, notices: d.notices });
    });
  } else {
    await applyNameDecisions(graph, [asNameDecision(seen, kind, by, options.note ?? null)], false, async (tx) =>
      checkAcceptable(await lockedDecision(tx, id), kind),
    );
  }
  return decisionById(graph, id);
}

/** Takes back a decision in effect inside the caller's transaction: a merge is split, a name's links (and the establishment it made) removed. */
async function undoIn(tx: GraphTransaction, d: StoredDecision, by: string, note: string | null): Promise<void> {
  if (d.subjectId) await splitIn(tx, d.id, by, note);
  else {
    const [undone] = await tx.run('resolution/unlink-notices', { decision: d.id, by, note });
    tx.record(((undone?.notices as Row[] | undefined) ?? []).map((n) => noticeChange('UNLINKED', { ...n, decision: d.id }, by)));
  }
}

/** A notice linked to (or unlinked from) an organization by a decision, as the change feed records it. */
function noticeChange(kind: 'LINKED' | 'UNLINKED', notice: Row, by: string): ChangeInput {
  const link = { organization: notice.organization, decision: notice.decision };
  return {
    kind,
    factId: notice.id as string,
    factType: 'LayoffEvent',
    by,
    organizations: [notice.organization as string],
    sourceIds: (notice.sources as string[]) ?? [],
    before: kind === 'LINKED' ? null : link,
    after: kind === 'LINKED' ? link : null,
  };
}

/** Undoes a decision in effect: a merge is split, a name's links (and the establishment it made) removed. */
export async function undoDecision(graph: GraphClient, id: string, by: string, note: string | null = null): Promise<StoredDecision> {
  await graph.writeTransaction(async (tx) => {
    const d = await lockedDecision(tx, id);
    if (!inEffect(d)) throw new ConflictError(`decision "${id}" is not in effect (${d.status} ${d.kind})`, id, 'Decision');
    await undoIn(tx, d, by, note);
  });
  return decisionById(graph, id);
}

/** Rejects a proposal (or a decision in effect, which is undone first, in the same transaction): NOT_SAME_AS, which no automatic run overrides. */
export async function rejectDecision(graph: GraphClient, id: string, by: string, note: string | null = null): Promise<StoredDecision> {
  await graph.writeTransaction(async (tx) => {
    const d = await lockedDecision(tx, id);
    if (inEffect(d)) await undoIn(tx, d, by, note);
    await tx.run('resolution/record-decision', {
      onlyIfNew: false,
      rows: [
        {
          candidateId: d.candidateId,
          subjectId: d.subjectId,
          decision: { id, subjectKey: d.subjectKey, subjectName: d.subjectName, kind: 'NOT_SAME_AS', status: 'ACCEPTED', by, note },
        },
      ],
    });
  });
  return decisionById(graph, id);
}

/** Proposes that an entity is the same as a candidate (for a reviewer to accept), unless the pair is decided. */
export async function proposeMerge(graph: GraphClient, subjectId: string, candidateId: string, by: string, candidate?: Candidate): Promise<string> {
  const subjectKey = entitySubject(subjectId);
  const id = decisionId(subjectKey, candidateId);
  await graph.write('resolution/record-decision', {
    onlyIfNew: true,
    rows: [
      {
        candidateId,
        subjectId,
        decision: {
          id,
          subjectKey,
          subjectName: null,
          kind: 'SAME_AS',
          status: 'PENDING',
          score: candidate?.score ?? null,
          rule: candidate ? AUTO_RULE : null,
          reasonKinds: candidate?.reasons.map((r) => r.kind) ?? [],
          reasonDetails: candidate?.reasons.map((r) => r.detail) ?? [],
          reasonWeights: candidate?.reasons.map((r) => r.weight) ?? [],
          by,
        },
      },
    ],
  });
  return id;
}
