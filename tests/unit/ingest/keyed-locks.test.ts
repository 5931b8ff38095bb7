import { KeyedLocks } from '../../../src/ingest/keyed-locks';

describe('keyed locks', () => {
  it('run work on the same key one at a time, in arrival order, and work on other keys at once', async () => {
    const locks = new KeyedLocks();
    const log: string[] = [];
    const gate: Array<() => void> = [];
    const hold = (name: string, keys: string[]) =>
      locks.run(keys, async () => {
        log.push(`start ${name}`);
        await new Promise<void>((resolve) => gate.push(resolve));
        log.push(`end ${name}`);
      });
    const first = hold('first', ['a']);
    const second = hold('second', ['a']);
    const other = hold('other', ['b']);
    while (gate.length < 2) await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['start first', 'start other']);
    gate.shift()!();
    gate.shift()!();
    while (gate.length < 1) await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['start first', 'start other', 'end first', 'end other', 'start second']);
    gate.shift()!();
    await Promise.all([first, second, other]);
    expect(locks.size).toBe(0);
  });

  it('never deadlocks two holders of overlapping keys, and releases keys when the work fails', async () => {
    const locks = new KeyedLocks();
    const results = await Promise.all([
      locks.run(['x', 'y'], async () => 'xy'),
      locks.run(['y', 'x'], async () => 'yx'),
      locks
        .run(['x'], async () => {
          throw new Error('failed');
        })
        .catch((e: Error) => e.message),
    ]);
    expect(results).toEqual(['xy', 'yx', 'failed']);
    expect(locks.size).toBe(0);
  });
});
