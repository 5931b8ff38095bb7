/**
 * What a committed write changed, as the change feed keeps it: one record per fact changed, stored
 * in the write's own transaction (GraphClient), so a change is in the feed if and only if its write
 * committed, and numbered once committed (src/changes/sequencer.ts). Reading the feed is src/changes/'s.
 */

/** The kinds of change, with what each means (the schema's ChangeKind takes its descriptions from here). */
export const CHANGE_KINDS = {
  CREATED:
    'A fact that did not exist was written (a mutation, an import, an accepted extraction, an establishment resolution made); after lists its relations and sources, its properties are the fact itself.',
  UPDATED: 'A stored fact was written again with other properties, relations or sources; before and after hold only what differs.',
  CITED: 'Sources were added to a fact (cite, or an accepted extraction of a fact the graph holds); after.sources lists the sources it now cites.',
  MERGED: 'Two entities were found to be one: the fact (the absorbed entity) now redirects to after.redirectsTo.',
  SPLIT: 'A merge was undone: the absorbed entity is back with its own facts; before.redirectsTo names the survivor it left.',
  LINKED: 'A layoff notice was linked to an organization by an entity-resolution decision (after.organization, after.decision).',
  UNLINKED: 'A decision that linked a layoff notice was undone; before.organization names the organization it left.',
} as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

/** A change as a write states it; the feed adds its sequence number, time and the kinds of the sources cited. */
export interface ChangeInput {
  kind: ChangeKind;
  factId: string;
  /** The fact's type as the import format names it (Organization, LayoffEvent, Ownership, ...). */
  factType: string;
  /** Who wrote it: an API key's name, "seed", "import", a reviewer, "auto-resolve". */
  by: string;
  /** The organizations the fact is about, before and after the write (a moved fact tells both). */
  organizations: string[];
  /** The sources the fact cites (their kinds are what sourceKinds filters on). */
  sourceIds: string[];
  /** The changed properties as they were (null for a new fact) and as they are. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Where a transaction's work puts its changes, once it holds the locks of every fact they are about
 * (it wrote them, or locked them to write them): the transaction stores them with its next statement
 * (or on their own at the end), and that statement's time orders them (cypher/queries/changes/append.cypher).
 */
export interface ChangeSink {
  record(changes: ChangeInput[]): void;
}
