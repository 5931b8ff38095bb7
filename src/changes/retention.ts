import neo4j from 'neo4j-driver';
import type { Config } from '../config';
import type { GraphClient } from '../graph/graph-client';
import type { Logger } from '../logger';
import { settleFeed } from './sequencer';

/** Change sets (of up to 500 changes each) deleted per transaction while pruning. */
const PRUNE_BATCH = 1_000;
/** How often each API process prunes (any one of them doing it is enough; it is idempotent). */
export const PRUNE_INTERVAL_MS = 60_000;

/** Deletes the changes beyond retention (CHANGE_RETENTION_DAYS, CHANGE_RETENTION_COUNT), oldest first; returns how many. */
export async function pruneChanges(
  graph: GraphClient,
  retention: Pick<Config['changes'], 'retentionDays' | 'retentionCount'>,
  now = new Date(),
): Promise<number> {
  const olderThan = neo4j.types.DateTime.fromStandardDate(new Date(now.getTime() - retention.retentionDays * 86_400_000));
  // What writes left unnumbered (nobody read the feed since) is numbered first, and then kept or pruned like the rest.
  await settleFeed(graph);
  let total = 0;
  for (;;) {
    const [row] = await graph.write('changes/prune', { olderThan, maxCount: retention.retentionCount, batch: PRUNE_BATCH });
    total += Number(row?.pruned ?? 0);
    if (Number(row?.sets ?? 0) < PRUNE_BATCH) return total;
  }
}

/** Prunes now and every PRUNE_INTERVAL_MS until stopped. */
export function startRetention(graph: GraphClient, config: Config['changes'], logger: Logger): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    pruneChanges(graph, config)
      .then((pruned) => pruned && logger.info({ event: 'changes_pruned', pruned }, `Pruned ${pruned} changes past retention`))
      .catch((error: unknown) => logger.warn({ event: 'changes_prune_failed', err: error }, 'Pruning the change feed failed; the next round tries again'))
      .finally(() => (running = false));
  };
  const timer = setInterval(run, PRUNE_INTERVAL_MS);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
