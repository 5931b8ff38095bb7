/**
 * In-process locks by key (fact ids): writes of the same ids from this process queue here instead of
 * meeting in Neo4j, where concurrent MERGEs of one new id deadlock and are retried, which under load
 * can outlast the retry budget. Correctness does not rest on this (Neo4j's id index locks do that,
 * across processes too); it keeps one process's own concurrent writes of an id cheap and orderly.
 * Keys are taken in sorted order, so two writes sharing several ids never wait on each other in a circle.
 */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const releases: Array<() => void> = [];
    try {
      for (const key of [...new Set(keys)].sort()) {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release!: () => void;
        const mine = new Promise<void>((resolve) => (release = resolve));
        const tail = previous.then(() => mine);
        this.tails.set(key, tail);
        releases.push(() => {
          release();
          if (this.tails.get(key) === tail) this.tails.delete(key);
        });
        await previous;
      }
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Keys currently held or awaited (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
