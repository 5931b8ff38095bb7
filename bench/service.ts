import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';

/** What the load benchmarks share: the service run as `npm start` runs it, and percentiles. */

/** The compiled service in production mode with `env` (from the checkout at `root`), once /ready answers 200. */
export async function startService(env: Record<string, string>, root = PROJECT_ROOT): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const port = env.PORT;
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).status === 200) return { child, url: `http://127.0.0.1:${port}/graphql` };
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`service exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`service not ready:\n${output}`);
}

/** The value at percentile `p` of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
