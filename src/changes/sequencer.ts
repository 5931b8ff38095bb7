import type { GraphClient } from '../graph/graph-client';

/** Change sets numbered per statement while sequencing. */
const SEQUENCE_BATCH = 1000;

/**
 * Numbers the change sets that writes committed unnumbered (cypher/queries/changes/append.cypher), in
 * one transaction under the feed's lock, and returns the feed's newest number. Writers never wait on
 * one another for the feed: only sequencers share its lock, and one round numbers every write that
 * committed before it began. Any process may run it at any time; it is what a reader calls (through
 * settleFeed) before it reads the end of the feed.
 */
export async function sequenceChanges(graph: GraphClient): Promise<number> {
  return graph.writeTransaction(async (tx) => {
    const [{ head, now }] = await tx.run('changes/sequence-start');
    let newest = Number(head);
    for (;;) {
      const [row] = await tx.run('changes/sequence', { now, batch: SEQUENCE_BATCH });
      if (!row) return newest;
      newest = Number(row.head);
      if (Number(row.sets) < SEQUENCE_BATCH) return newest;
    }
  });
}

/** One sequencing round at a time per process and database (GraphClient.root), and at most one more queued behind it. */
const rounds = new WeakMap<GraphClient, { running?: Promise<number>; queued?: Promise<number> }>();

/**
 * The feed's newest number once every write committed before this call is numbered: one read when
 * nothing waits to be numbered, else a sequencing round. Callers in one process share rounds: a call
 * made while a round runs waits for the next one (the running round may have begun before the caller's
 * write committed), which serves every caller that queued behind it.
 */
export async function settleFeed(graph: GraphClient): Promise<number> {
  const [row] = await graph.read('changes/head');
  if (!Number(row?.pending ?? 0)) return Number(row?.head ?? 0);
  return nextRound(graph);
}

/** The next round to start; on the process's own client, which no request's cancellation stops. */
function nextRound(graph: GraphClient): Promise<number> {
  const root = graph.root;
  let state = rounds.get(root);
  if (!state) rounds.set(root, (state = {}));
  const own = state;
  if (!own.running) {
    own.running = sequenceChanges(root).finally(() => (own.running = undefined));
    return own.running;
  }
  own.queued ??= own.running
    .catch(() => undefined)
    .then(() => {
      own.queued = undefined;
      return nextRound(graph);
    });
  return own.queued;
}
