import type { Row } from '../graph/graph-client';
import type { NormalizedRecord } from './records';
import type { ChangeInput } from '../graph/change-outbox';

/**
 * Turns what the importer's write steps report (each fact as it was before the write) and the records
 * written into change records: a new fact is CREATED, a fact whose properties, relations or sources
 * differ is UPDATED with only what differs, a fact written again unchanged is no change at all.
 *
 * The steps report separately (nodes, parent links, relations, citations), so that a bulk import that
 * commits each step in transactions of its own still records what each one changed.
 */

/** The state of a fact the write replaced, per aspect the write steps saw. */
interface Before {
  created?: boolean;
  props?: Record<string, unknown> | null;
  /** Its relations as "TYPE target" (the organizations among the targets in orgTargets). */
  relations?: string[];
  orgTargets?: string[];
  sources?: string[];
  /** A parent link's ends before the write. */
  linkEnds?: string[];
}

/** Properties a reader never sees as facts (derived bookkeeping): left out of before and after. */
const DERIVED = new Set(['attestedLatest', 'nameLower', 'createdByUpsert']);

const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (present(value) && !DERIVED.has(key)) out[key] = value;
  return out;
}

const relationsOf = (r: NormalizedRecord) => r.edges.map((e) => `${e.type} ${e.to}`).sort();
const sourcesOf = (r: NormalizedRecord) => [...new Set(r.citations.map((c) => c.source))].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The organizations a record is about: itself, the organizations it relates to, a link's two ends. */
export function organizationsOf(r: NormalizedRecord): string[] {
  const ids = new Set<string>();
  if (r.type === 'Organization') ids.add(r.id);
  for (const e of r.edges) if (e.toLabel === 'Organization') ids.add(e.to);
  if (r.link) ids.add(r.link.child).add(r.link.parent);
  return [...ids];
}

export class FactChanges {
  private readonly before = new Map<string, Before>();

  /**
   * @param by who writes (kept on every change)
   * @param createdEarlier ids a bulk import created in an earlier transaction of the same run: their
   *   later steps (relations, citations) complete the creation rather than change the fact.
   */
  constructor(
    private readonly by: string,
    private readonly createdEarlier: ReadonlySet<string> = new Set(),
  ) {}

  private entry(id: string): Before {
    let b = this.before.get(id);
    if (!b) this.before.set(id, (b = {}));
    return b;
  }

  /** What a write step's query returned, noted by the step's name (rows without `id` or with a conflict are ignored). */
  note(step: string, rows: Row[]): void {
    for (const row of rows) {
      if (typeof row.id !== 'string' || row.existing || row.identifier) continue;
      const b = this.entry(row.id);
      if (step === 'nodes' || step === 'links') {
        b.created = Boolean(row.created);
        b.props = row.created ? null : ((row.before as Record<string, unknown> | null) ?? {});
        // The nodes step reports sources too when asked (upsert-nodes' withSources).
        if (row.sources !== undefined) b.sources = [...new Set((row.sources as string[] | null) ?? [])].sort();
        if (step === 'links') b.linkEnds = (row.ends as string[] | null) ?? [];
      } else if (step === 'edges') {
        b.relations = ((row.relations as string[][] | null) ?? []).map(([type, to]) => `${type} ${to}`).sort();
        b.orgTargets = (row.orgTargets as string[] | null) ?? [];
      } else if (step === 'citations') {
        b.sources = [...new Set((row.sources as string[] | null) ?? [])].sort();
      }
    }
  }

  /** The changes of the records written, judged on the aspects the steps reported. */
  changesOf(records: NormalizedRecord[]): ChangeInput[] {
    const changes: ChangeInput[] = [];
    for (const r of records) {
      const b = this.before.get(r.id);
      if (!b) continue;
      if (b.created === undefined && this.createdEarlier.has(r.id)) continue;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const created = b.created === true;
      const organizations = new Set(organizationsOf(r));
      if (b.props !== undefined) {
        const old = created ? {} : plainProps(b.props ?? {});
        const now = plainProps(r.link ? { ...r.props, relType: r.link.relType, child: r.link.child, parent: r.link.parent } : r.props);
        for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
          if (!same(old[key], now[key])) {
            if (key in old) before[key] = old[key];
            if (key in now) after[key] = now[key];
          }
        }
      }
      if (b.relations !== undefined && !same(b.relations, relationsOf(r))) {
        before.relations = b.relations;
        after.relations = relationsOf(r);
      }
      if (b.sources !== undefined && !same(b.sources, sourcesOf(r))) {
        before.sources = b.sources;
        after.sources = sourcesOf(r);
      }
      for (const id of [...(b.orgTargets ?? []), ...(b.linkEnds ?? [])]) organizations.add(id);
      if (!created && !Object.keys(after).length && !Object.keys(before).length) continue;
      changes.push({
        kind: created ? 'CREATED' : 'UPDATED',
        factId: r.id,
        factType: r.type,
        by: this.by,
        organizations: [...organizations].sort(),
        sourceIds: r.type === 'Source' ? [r.id] : sourcesOf(r),
        before: created ? null : before,
        // A new fact's properties are the fact itself (`fact`), and each later change keeps the values it
        // replaced (`before`): the feed does not store a second copy of every fact an import creates.
        after: created ? { ...(r.edges.length ? { relations: relationsOf(r) } : {}), ...(r.citations.length ? { sources: sourcesOf(r) } : {}) } : after,
      });
    }
    return changes;
  }

  /** Ids these steps created (a bulk import carries them to its later transactions). */
  created(): string[] {
    return [...this.before].filter(([, b]) => b.created).map(([id]) => id);
  }
}

/** The change of sources added to a fact, from what ingest/add-citations returns. */
export function citedChange(fact: string, row: Row, by: string): ChangeInput {
  return {
    kind: 'CITED',
    factId: fact,
    factType: row.factType as ChangeInput['factType'],
    by,
    organizations: (row.organizations as string[] | null) ?? [],
    sourceIds: (row.sources as string[] | null) ?? [],
    before: { sources: row.sourcesBefore },
    after: { sources: row.sources },
  };
}
