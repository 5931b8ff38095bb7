import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import type { BenchNeo4j } from '../bench-neo4j';
import type { Contender } from './requests';

/** One contender's API process: where to send requests, and its memory. */
export interface RunningContender {
  name: Contender;
  pid: number;
  /** Where a request goes: the GraphQL endpoint, or the raw server's base URL (POST /<request>). */
  url(request: string): string;
  rssMb(): number;
  /** The process's peak resident memory since it started (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

const PORTS: Record<Contender, number> = { corpgraph: 4310, 'neo4j-graphql': 4320, 'raw-cypher': 4330 };

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
}

async function waitReady(child: ChildProcess, name: string, ready: () => Promise<boolean>): Promise<void> {
  let output = '';
  // Everything a contender prints goes to var/bench/<name>.log, for the errors a run reports.
  const log = fs.createWriteStream(path.join(PROJECT_ROOT, 'var', 'bench', `${name}.log`));
  child.stdout!.on('data', (c: Buffer) => {
    output += c.toString();
    log.write(c);
  });
  child.stderr!.on('data', (c: Buffer) => {
    output += c.toString();
    log.write(c);
  });
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready:\n${output}`);
    if (output.includes('PEER_READY') || (await ready().catch(() => false))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not ready after 150 s:\n${output}`);
}

/**
 * Starts the three API processes against the same Neo4j with the same driver settings (each reads
 * them from the same environment through corpgraph's config): corpgraph as `npm start` runs it in
 * production, the Neo4j GraphQL Library behind Apollo Server, and the raw Cypher endpoint.
 */
export async function startContenders(neo4j: BenchNeo4j): Promise<RunningContender[]> {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    // A benchmark measures throughput, not abuse: the per-client limit on expensive requests is off,
    // and corpgraph's transaction timeout is as loose as the peers' (they set none).
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0',
    NEO4J_TX_TIMEOUT_MS: '120000',
  };
  const scripts: Record<Contender, string> = {
    corpgraph: path.join(PROJECT_ROOT, 'dist', 'src', 'main.js'),
    'neo4j-graphql': path.join(PROJECT_ROOT, 'dist', 'bench', 'suite', 'peers', 'neo4j-graphql-server.js'),
    'raw-cypher': path.join(PROJECT_ROOT, 'dist', 'bench', 'suite', 'peers', 'raw-cypher-server.js'),
  };
  fs.mkdirSync(path.join(PROJECT_ROOT, 'var', 'bench'), { recursive: true });
  const started: RunningContender[] = [];
  for (const name of Object.keys(scripts) as Contender[]) {
    const port = PORTS[name];
    const child = spawn(process.execPath, [scripts[name]], { env: { ...env, PORT: String(port) }, stdio: ['pipe', 'pipe', 'pipe'] });
    const base = `http://127.0.0.1:${port}`;
    await waitReady(child, name, async () => name === 'corpgraph' && (await fetch(`${base}/ready`)).status === 200);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    started.push({
      name,
      pid: child.pid!,
      url: (request) => (name === 'raw-cypher' ? `${base}/${request}` : `${base}/graphql`),
      rssMb: () => memoryMb(child.pid!, 'VmRSS'),
      peakRssMb: () => memoryMb(child.pid!, 'VmHWM'),
      async stop() {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      },
    });
  }
  return started;
}
