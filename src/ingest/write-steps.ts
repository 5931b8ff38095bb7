import { ConflictError } from '../errors/errors';
import type { FactChanges } from '../ingest/fact-changes';
import type { GraphTransaction, Row } from '../graph/graph-client';
import type { Bounds } from '../graph/cypher-catalog';
import { toNeo4jDate } from '../graph/values';
import { identifierKey } from './identifiers';
import { OWNED_EDGE_TYPES, RECORD_SPECS } from './record-types';
import type { NormalizedRecord } from './records';

/** Writing checked records: the named statements, in dependency order, in batches, inside the caller's transaction. */

/** Records written per statement. */
const WRITE_BATCH = 1000;

/** Dates travel as Neo4j Date values, so that they compare and index as dates. */
export function storableProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    out[key] = /(Earliest|Latest)$/.test(key) && typeof value === 'string' ? toNeo4jDate(value) : value;
  }
  return out;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const batches = <T>(items: T[]) => chunks(items, WRITE_BATCH);

/** The statements that write records, in dependency order: nodes, their identifiers, edges and citations, parent links, then notices linked to their employer by exact name. */
export const WRITE_STEPS = ['nodes', 'identifiers', 'edges', 'citations', 'links', 'employers'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/**
 * The rows one write step sends for some records (empty when none of them has anything for it).
 * `nodesReportSources`: the nodes step reports what the nodes cited before, so that a write knows its
 * changes before the citations step (one transaction for every step); a write that commits each step
 * on its own (a bulk import) has the citations step report them.
 */
export function stepRows(
  step: WriteStep,
  records: NormalizedRecord[],
  nodesReportSources = false,
): { query: string; rows: Record<string, unknown>[]; bounds?: Bounds } {
  const nodes = records.filter((r) => !r.link);
  switch (step) {
    case 'nodes':
      return {
        query: 'ingest/upsert-nodes',
        rows: nodes.map((r) => ({ id: r.id, label: r.label, props: storableProps(r.props) })),
        bounds: { withSources: nodesReportSources },
      };
    case 'identifiers':
      return {
        query: 'ingest/replace-identifiers',
        rows: nodes
          .filter((r) => RECORD_SPECS[r.type].fields.some((f) => f.kind === 'identifiers'))
          .map((r) => ({ id: r.id, identifiers: r.identifiers.map((i) => ({ key: identifierKey(i.scheme, i.value), ...i })) })),
      };
    case 'edges':
      return {
        query: 'ingest/replace-edges',
        rows: nodes
          .filter((r) => OWNED_EDGE_TYPES[r.type].length)
          .map((r) => ({
            id: r.id,
            edgeTypes: OWNED_EDGE_TYPES[r.type],
            edges: r.edges.map((e) => ({ type: e.type, to: e.to, props: storableProps(e.props) })),
          })),
      };
    case 'citations':
      return { query: 'ingest/replace-citations', rows: nodes.filter((r) => r.citations.length).map((r) => ({ id: r.id, citations: r.citations })) };
    case 'employers':
      return {
        query: 'ingest/link-employers',
        rows: nodes
          .filter((r) => r.type === 'LayoffEvent' && r.props.employerName && !r.edges.some((e) => e.type === 'AT_ORGANIZATION'))
          .map((r) => ({ id: r.id, name: (r.props.employerName as string).toLowerCase() })),
      };
    case 'links':
      return {
        query: 'ingest/upsert-ownership',
        rows: records
          .filter((r) => r.link)
          .map((r) => ({ id: r.id, relType: r.link!.relType, child: r.link!.child, parent: r.link!.parent, props: storableProps(r.props) })),
      };
  }
}

/** The steps that report what a fact was before the write, when the nodes step reports its sources too. */
const REPORTING_STEPS: ReadonlySet<WriteStep> = new Set(['nodes', 'edges', 'links']);

/**
 * Writes records in the transaction `tx` and records their changes in it (for the change feed), as
 * soon as the steps that report what the facts were have run: the step after them carries the
 * changes (GraphClient), a round trip fewer than storing them on their own at the end.
 */
export async function writeRecords(tx: GraphTransaction, records: NormalizedRecord[], changes: FactChanges): Promise<void> {
  const steps = WRITE_STEPS.map((step) => ({ step, ...stepRows(step, records, true) }));
  const lastReporting = steps.reduce((last, s, i) => (REPORTING_STEPS.has(s.step) && s.rows.length ? i : last), -1);
  for (const [i, { step, query, rows, bounds }] of steps.entries()) {
    for (const batch of batches(rows)) changes.note(step, await writeBatch(tx, query, batch, bounds));
    if (i === lastReporting) tx.record(changes.changesOf(records));
  }
}

/** The kind of fact a node's labels (or ['Ownership'] for a parent link) say it is. */
export function kindOf(labels: string[]): string {
  return labels.filter((l) => l !== 'Entity').join('/') || 'fact';
}

export function idTakenReason(id: string, takenBy: string, wanted: string): string {
  return `id "${id}" already names ${/^[AEIOU]/.test(takenBy) ? 'an' : 'a'} ${takenBy}; ids are unique across every fact, so a ${wanted} cannot take it`;
}

/**
 * Runs one write step's batch and returns its rows (what each record replaced). Node and link upserts
 * mark with `existing` the rows whose id already named a fact of another kind when their write took
 * the id's lock (a concurrent write got there first), identifiers with `identifier` one that names
 * another entity: the transaction fails, so nothing of it lands.
 */
export async function writeBatch(tx: GraphTransaction, query: string, rows: Record<string, unknown>[], bounds: Bounds = {}): Promise<Row[]> {
  const written = await tx.run(query, { rows }, bounds);
  const conflict = written.find((row) => row.existing || row.identifier);
  if (conflict?.identifier) {
    throw new ConflictError(
      `identifier ${conflict.identifier as string} already identifies "${conflict.existing as string}"; an identifier names one entity, so "${conflict.id as string}" cannot have it`,
      conflict.id as string,
      'Identifier',
    );
  }
  if (conflict) {
    const takenBy = kindOf(conflict.existing as string[]);
    throw new ConflictError(idTakenReason(conflict.id as string, takenBy, conflict.wanted as string), conflict.id as string, takenBy);
  }
  return written;
}
