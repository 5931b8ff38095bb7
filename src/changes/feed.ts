import { BadUserInputError, ChangesExpiredError } from '../errors/errors';
import type { GraphClient, Row } from '../graph/graph-client';
import type { ChangeKind } from '../graph/change-outbox';
import { settleFeed } from './sequencer';

/** Reading the change feed: pages in number order, filtered, with gaps from retention told, never skipped. */

/** Changes one page read looks at, at most (a rare filter answers in bounded time and says how far it got). */
export const SCAN_WINDOW = 5000;

/** Which changes a reader wants; null: no condition. */
export interface ChangeFilter {
  /** Changes about these organizations; with family, also about any organization below one through parent links (the family as it stands). */
  roots: Array<{ id: string; family: boolean }> | null;
  factTypes: string[] | null;
  kinds: ChangeKind[] | null;
  sourceKinds: string[] | null;
}

export const NO_FILTER: ChangeFilter = { roots: null, factTypes: null, kinds: null, sourceKinds: null };

/** A change as the feed holds it. */
export interface StoredChange {
  sequence: number;
  at: string;
  by: string;
  kind: ChangeKind;
  factId: string;
  factType: string;
  organizations: string[];
  sourceKinds: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface FeedPage {
  changes: StoredChange[];
  /** The number this page read through: the next page starts after it. */
  scannedThrough: number;
  /** The newest number in the feed when the page was read. */
  head: number;
}

/** A change as cypher/fragments/change-of-set.cypher reads it out of its set. */
export function storedChangeOf(row: Row): StoredChange {
  return {
    sequence: Number(row.seq),
    at: String(row.at),
    by: String(row.by),
    kind: row.kind as ChangeKind,
    factId: String(row.factId),
    factType: String(row.factType),
    organizations: (row.organizations as string[] | null) ?? [],
    sourceKinds: (row.sourceKinds as string[] | null) ?? [],
    before: typeof row.before === 'string' ? (JSON.parse(row.before) as Record<string, unknown>) : null,
    after: typeof row.after === 'string' ? (JSON.parse(row.after) as Record<string, unknown>) : null,
  };
}

/**
 * A page of changes numbered above `after` (null: from the oldest kept), at most `limit`. Throws
 * ChangesExpiredError when changes right after `after` were pruned: read on, the reader would miss them.
 */
export async function readFeed(graph: GraphClient, after: number | null, filter: ChangeFilter, limit: number, maxDepth: number): Promise<FeedPage> {
  const from = after ?? 0;
  let [row] = await readPage(graph, from, filter, limit, maxDepth);
  // A page that reached the end of the feed while committed writes wait to be numbered: number them
  // and read again, so that a reader sees every write that committed before it asked.
  if (Number(row.pending) > 0 && Number(row.scannedThrough) >= Number(row.head)) {
    await settleFeed(graph);
    [row] = await readPage(graph, from, filter, limit, maxDepth);
  }
  const head = Number(row.head);
  if (after !== null && after > head) {
    throw new BadUserInputError(`after: this cursor (change ${after}) is ahead of the feed (newest ${head}); was it issued by another database?`, 'after');
  }
  const firstScanned = row.firstScanned === null ? null : Number(row.firstScanned);
  if (after !== null && firstScanned !== null && firstScanned > after + 1) throw new ChangesExpiredError(after, firstScanned);
  if (after !== null && firstScanned === null && head > after) {
    // Nothing found after the cursor although the feed went past it: pruned, unless those changes
    // committed between the page's read of the changes and of the head. Read the oldest kept after
    // that head (a later statement sees every change numbered up to it that was not pruned).
    const [{ oldest }] = await graph.read('changes/oldest');
    if (oldest === null || Number(oldest) > after + 1) throw new ChangesExpiredError(after, oldest === null ? null : Number(oldest));
  }
  return { changes: (row.changes as Row[]).map(storedChangeOf), scannedThrough: Number(row.scannedThrough), head };
}

function readPage(graph: GraphClient, after: number, filter: ChangeFilter, limit: number, maxDepth: number): Promise<Row[]> {
  return graph.read(
    'changes/page',
    { after, scan: SCAN_WINDOW, limit, roots: filter.roots, factTypes: filter.factTypes, kinds: filter.kinds, sourceKinds: filter.sourceKinds },
    { maxDepth },
  );
}
