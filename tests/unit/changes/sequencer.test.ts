import type { GraphClient, GraphTransaction, Params, Row } from '../../../src/graph/graph-client';
import { settleFeed } from '../../../src/changes/sequencer';

/**
 * How one process shares sequencing rounds, without a database: the client here answers the head
 * query with what is pending and runs each round's transaction when the test lets it finish. What the
 * rounds number, and in which order, is the integration tests' job (tests/integration/change-feed.test.ts).
 */
class FakeFeed {
  pending = 0;
  head = 0;
  rounds = 0;
  /** Rounds started and not finished yet: finish(i) lets round i commit. */
  private readonly waiting: Array<() => void> = [];
  root = this as unknown as GraphClient;

  async read(name: string): Promise<Row[]> {
    expect(name).toBe('changes/head');
    return [{ head: this.head, pending: this.pending }];
  }

  async writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    this.rounds += 1;
    // What this round will number: what committed before it began.
    const numbering = this.pending;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return work({
      run: async (name: string, params?: Params) => {
        if (name === 'changes/sequence-start') return [{ head: this.head, now: 'now' }];
        expect(params).toMatchObject({ now: 'now' });
        this.pending -= numbering;
        this.head += numbering;
        return numbering ? [{ head: this.head, sets: numbering }] : [];
      },
      record: () => undefined,
    });
  }

  finishNext(): void {
    this.waiting.shift()?.();
  }

  async settled(): Promise<void> {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  }
}

describe('settling the change feed in one process', () => {
  it('reads the head and runs no round when nothing waits to be numbered', async () => {
    const feed = new FakeFeed();
    feed.head = 7;
    expect(await settleFeed(feed as unknown as GraphClient)).toBe(7);
    expect(feed.rounds).toBe(0);
  });

  it('numbers what committed before the call, in a round that began after it, shared by the calls that queued behind', async () => {
    const feed = new FakeFeed();
    feed.pending = 2;
    const first = settleFeed(feed as unknown as GraphClient);
    await feed.settled();
    expect(feed.rounds).toBe(1);
    // Two more writes commit while the first round runs: the round began before them.
    feed.pending += 3;
    const second = settleFeed(feed as unknown as GraphClient);
    const third = settleFeed(feed as unknown as GraphClient);
    await feed.settled();
    feed.finishNext();
    expect(await first).toBe(2);
    await feed.settled();
    // One queued round serves both later callers, and it numbers the writes they may have made.
    expect(feed.rounds).toBe(2);
    feed.finishNext();
    expect(await second).toBe(5);
    expect(await third).toBe(5);
    expect(feed.rounds).toBe(2);
  });
});
