import type { GraphTransaction, Params, Row } from '../graph/graph-client';
import { identifierKey } from './identifiers';
import type { NormalizedRecord } from './records';

/**
 * One company, one node: a record that carries an identifier (LEI, CIK, ticker, QID) that another
 * organization already carries is the same company, whatever the order of the loads. It is written
 * without that identifier (which stays where it is) and merged with the other, as any reversible
 * merge, the decision recorded as `rule:identifier`. Names never decide this (resolution's twins wait
 * for a reviewer); two organizations whose identifiers differ are never merged here.
 */

export const IDENTIFIER_RULE = 'identifier';

/**
 * Merges twins in a write's transaction (resolution/identifier-merges.ts, a floor above the importer);
 * a load given none refuses a record whose identifier another organization carries.
 */
export type TwinMerger = (tx: GraphTransaction, twins: IdentifierTwin[]) => Promise<Array<{ survivorId: string; absorbedId: string }>>;

/** Two organizations found to be one because both carry `key`. */
export interface IdentifierTwin {
  id: string;
  other: string;
  key: string;
}

/** Registry ids, least preferred as a survivor last: a hand-made id (a seed's) is the one people use. */
const REGISTRY_RANK: Array<[RegExp, number]> = [
  [/^cik-/, 2],
  [/^lei-/, 1],
];
const rank = (id: string) => REGISTRY_RANK.find(([pattern]) => pattern.test(id))?.[1] ?? 0;

/**
 * Which of two twins survives their merge: decided by their ids alone, so that loads in any order end
 * in the same graph. A hand-made id over a registry's, an LEI entity over a CIK (as SEC's own link of
 * a CIK to its LEI does), then the smaller id.
 */
export function survivorOf(a: string, b: string): string {
  return rank(a) !== rank(b) ? (rank(a) < rank(b) ? a : b) : a < b ? a : b;
}

/** What a load does with its organizations' identifiers that the graph already has elsewhere. */
export interface IdentifierLanding<R extends NormalizedRecord = NormalizedRecord> {
  /** Records to write: those already merged into the company their identifiers name are not written again. */
  records: R[];
  twins: IdentifierTwin[];
  /** Ids of records already merged into the company their identifiers name (a data set loaded again). */
  landed: string[];
}

/**
 * Reads who carries the identifiers of the organizations among `records` (in the load's transaction,
 * after its locks, or before a batched import) and says where each record lands. `mergedInto` names
 * records whose id is already a redirect (merged): such a record lands when one of its identifiers
 * leads to the same company.
 */
export async function landByIdentifiers<R extends NormalizedRecord>(
  read: (name: string, params: Params) => Promise<Row[]>,
  records: R[],
  mergedInto: ReadonlyMap<string, string> = new Map(),
): Promise<IdentifierLanding<R> & { unlanded: string[] }> {
  const organizations = records.filter((r) => r.type === 'Organization' && r.identifiers.length);
  const keys = [...new Set(organizations.flatMap((r) => r.identifiers.map((i) => identifierKey(i.scheme, i.value))))];
  const holders = new Map<string, { end: string; isOrganization: boolean }>();
  if (keys.length) {
    for (const row of await read('ingest/identifier-holders', { keys })) {
      holders.set(row.key as string, { end: row.end as string, isOrganization: ((row.endLabels as string[] | null) ?? []).includes('Organization') });
    }
  }
  const twins: IdentifierTwin[] = [];
  const landed = new Set<string>();
  const unlanded: string[] = [];
  // Held by an earlier organization of this load: the same twins, found before anything is written.
  for (const r of organizations) {
    if (mergedInto.has(r.id)) continue;
    for (const i of r.identifiers) {
      const key = identifierKey(i.scheme, i.value);
      if (!holders.has(key)) holders.set(key, { end: r.id, isOrganization: true });
    }
  }
  for (const r of organizations) {
    const merged = mergedInto.get(r.id);
    const elsewhere = r.identifiers.filter((i) => {
      const holder = holders.get(identifierKey(i.scheme, i.value));
      return holder && holder.end !== r.id && holder.isOrganization;
    });
    if (merged) {
      if (elsewhere.some((i) => holders.get(identifierKey(i.scheme, i.value))!.end === merged)) landed.add(r.id);
      else unlanded.push(r.id);
      continue;
    }
    for (const i of elsewhere) {
      const key = identifierKey(i.scheme, i.value);
      if (!twins.some((t) => t.id === r.id && t.other === holders.get(key)!.end)) twins.push({ id: r.id, other: holders.get(key)!.end, key });
    }
    // Each identifier is carried by one node: those held elsewhere stay there (the merge unites them).
    if (elsewhere.length) r.identifiers = r.identifiers.filter((i) => !elsewhere.includes(i));
  }
  return { records: records.filter((r) => !landed.has(r.id)), twins, landed: [...landed], unlanded };
}
