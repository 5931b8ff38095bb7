import type { GraphClient } from '../graph/graph-client';
import { ChangeFilter, readFeed, StoredChange } from './feed';
import { settleFeed } from './sequencer';
import type { FeedNotifier } from './notifier';

/** Changes read per page while following. */
const FOLLOW_PAGE = 100;

export interface FollowOptions {
  graph: GraphClient;
  notifier: FeedNotifier;
  /** Follow from after this number; null: from now (the feed's newest number when following starts). */
  after: number | null;
  filter: ChangeFilter;
  maxDepth: number;
  /** Ends the following (the subscriber went away). */
  signal: AbortSignal;
}

/**
 * The changes after a number, in number order, each once, then each new one as it commits: what a
 * subscription sends. Each page is read from the feed in Neo4j (nothing is buffered per subscriber in
 * memory, so a slow subscriber only falls behind, and never holds a writer); between pages it waits for
 * the feed to pass what it has read. A cursor that retention overtook fails with CHANGES_EXPIRED.
 */
export async function* followChanges(options: FollowOptions): AsyncGenerator<StoredChange> {
  const { graph, notifier, filter, maxDepth, signal } = options;
  let cursor = options.after ?? (await settleFeed(graph));
  while (!signal.aborted) {
    const page = await readFeed(graph, cursor, filter, FOLLOW_PAGE, maxDepth);
    for (const change of page.changes) {
      if (signal.aborted) return;
      yield change;
    }
    cursor = page.scannedThrough;
    if (cursor >= page.head) await notifier.waitBeyond(cursor, signal);
  }
}
