import type { GraphClient } from '../graph/graph-client';
import type { Logger } from '../logger';
import { settleFeed } from './sequencer';

/**
 * Tells this process's subscribers when the feed has gone past the number they have read. One poll of
 * the feed per process (every CHANGE_POLL_MS, and only while someone waits) serves them all: it numbers
 * what writes committed unnumbered (settleFeed) and reads the head, so writes from any API process (or
 * an import) reach every subscriber within about one interval. A write committed by this process polls
 * at once (GraphClient's commit listeners), an economy, never the guarantee; writes that commit during
 * a poll are numbered together by the next one.
 */
export class FeedNotifier {
  private head = 0;
  private readonly waiters = new Set<{ after: number; wake: () => void }>();
  private timer?: NodeJS.Timeout;
  private polling = false;
  /** A write of this process committed since the running poll began: poll again at once after it. */
  private committed = false;
  private readonly unlisten: () => void;

  constructor(
    private readonly graph: GraphClient,
    private readonly pollMs: number,
    private readonly logger?: Logger,
  ) {
    this.unlisten = graph.onCommittedChanges(() => {
      this.committed = true;
      this.schedule(0);
    });
  }

  /** Resolves once the feed's newest number is above `after`, or when `signal` aborts. */
  waitBeyond(after: number, signal?: AbortSignal): Promise<void> {
    if (this.head > after || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter = {
        after,
        wake: () => {
          this.waiters.delete(waiter);
          signal?.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', waiter.wake, { once: true });
      this.schedule(0);
    });
  }

  private advance(head: number): void {
    if (head <= this.head) return;
    this.head = head;
    for (const waiter of [...this.waiters]) if (head > waiter.after) waiter.wake();
  }

  private schedule(delay: number): void {
    if (this.polling || !this.waiters.size) return;
    if (this.timer && delay > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    this.polling = true;
    this.committed = false;
    try {
      this.advance(await settleFeed(this.graph));
    } catch (error) {
      // Neo4j away for a moment: the waiters keep waiting, and the next poll tries again.
      this.logger?.warn({ event: 'change_poll_failed', err: error }, 'Could not read the change feed head');
    } finally {
      this.polling = false;
      this.schedule(this.committed ? 0 : this.pollMs);
    }
  }

  stop(): void {
    this.unlisten();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of [...this.waiters]) waiter.wake();
  }
}
