import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

const MAIN = path.join(PROJECT_ROOT, 'dist', 'src', 'main.js');

/** The compiled service run as `npm start` runs it, with its output captured for the test to read. */
export class ServiceProcess {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the tests with npm test, which builds first`);
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_') && !k.startsWith('LOCAL_NEO4J_'))) as Record<
      string,
      string
    >;
    this.child = spawn(process.execPath, [MAIN], { env: { ...base, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the GraphQL URL once the service says it listens; rejects if it exits first. */
  async ready(timeoutMs = 120000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /"event":"listening","url":"([^"]+)"/.exec(this.output);
      if (match) return match[1];
      if (this.child.exitCode !== null) throw new Error(`service exited (${this.child.exitCode}):\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`service not ready after ${timeoutMs} ms:\n${this.output}`);
  }
}

export async function graphql(url: string, query: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return response.json();
}

export { isAlive } from '../../src/local-neo4j/stale-process';

/** Polls a condition (sync or async) until it holds or the ceiling passes; tests wait for what they need, not for a time. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, pollMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return check();
}
