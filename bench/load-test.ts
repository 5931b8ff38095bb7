import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { startBenchNeo4j } from './bench-neo4j';
import { generate } from './generator';
import { percentile, startService } from './service';

/**
 * Load test (not part of npm test): 16 concurrent clients for 60 seconds over a mix of the example
 * operations, against the service run as `npm start` runs it, on the seed graph or on the benchmark
 * graph (100k organizations, loaded by `npm run bench:import`). Reports errors, latency percentiles
 * and the API process's memory over the run (with its trend, to show it stays flat).
 *
 *   npm run bench:load -- [--graph seed|bench] [--seconds 60] [--clients 16] [--warmup 15]
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const OPERATIONS = ['ownership-chain', 'corporate-family', 'family-layoffs-by-year', 'layoffs-in-a-month', 'path-between-people', 'timeline', 'search'];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

async function main(): Promise<void> {
  const graph = arg('graph', 'seed');
  const seconds = Number(arg('seconds', '60'));
  const clients = Number(arg('clients', '16'));
  const documents = OPERATIONS.map((name) => ({ name, query: fs.readFileSync(path.join(PROJECT_ROOT, 'examples', 'operations', `${name}.graphql`), 'utf8') }));
  const variables: Record<string, Record<string, unknown>> = {};
  let stopBench: (() => Promise<void>) | undefined;
  let env: Record<string, string>;
  if (graph === 'bench') {
    // The same deterministic graph the import benchmark loaded: its sample ids.
    const samples = generate(path.join(os.tmpdir(), 'corpgraph-load-ids.jsonl'), { organizations: 100000, seed: 7 }).samples;
    const bench = await startBenchNeo4j();
    stopBench = bench.stop;
    env = { NEO4J_URI: bench.uri, NEO4J_PASSWORD: bench.password, PORT: '4210' };
    Object.assign(variables, {
      'ownership-chain': { id: samples.deepCompany },
      'corporate-family': { id: samples.largeFamilyRoot, depth: 2 },
      'family-layoffs-by-year': { id: samples.largeFamilyRoot },
      'path-between-people': { from: samples.personA, to: samples.personB },
      timeline: { id: samples.largeFamilyRoot },
      search: { text: samples.searchName },
    });
  } else {
    env = {
      LOCAL_NEO4J_HOME: path.join(PROJECT_ROOT, 'var', 'neo4j', 'load'),
      LOCAL_NEO4J_BOLT_PORT: '7692',
      LOCAL_NEO4J_HEAP_MB: '1024',
      LOCAL_NEO4J_PAGECACHE_MB: '512',
      PORT: '4200',
    };
  }
  const { child, url } = await startService(env);
  // Warm-up, not measured: every operation once, then a short burst, so caches and JIT are warm.
  const warmUntil = Date.now() + Number(arg('warmup', '15')) * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      for (let i = w; Date.now() < warmUntil; i += 1) {
        const op = documents[i % documents.length];
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: op.query, variables: variables[op.name] ?? {} }),
        }).then(
          (r) => r.text(),
          () => '',
        );
      }
    }),
  );
  const latencies: number[] = [];
  const perOperation: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const memory: Array<[number, number]> = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const sampler = setInterval(() => memory.push([(Date.now() - started) / 1000, rssMb(child.pid!)]), 1000);
  const worker = async (w: number) => {
    for (let i = w; Date.now() < deadline; i += 1) {
      const op = documents[i % documents.length];
      const t0 = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: op.query, variables: variables[op.name] ?? {} }),
        });
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        const ms = performance.now() - t0;
        if (response.status !== 200 || body.errors) {
          const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
          errors[code] = (errors[code] ?? 0) + 1;
        } else {
          latencies.push(ms);
          (perOperation[op.name] ??= []).push(ms);
        }
      } catch (error) {
        errors[(error as Error).message] = (errors[(error as Error).message] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  clearInterval(sampler);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await stopBench?.();

  latencies.sort((a, b) => a - b);
  // The first third warms up (JIT, connection pool, V8 growing its heap to its working size); the trend is measured after it.
  const afterWarmUp = memory.filter(([t]) => t >= seconds / 3);
  const report = {
    when: new Date().toISOString(),
    graph,
    seconds,
    clients,
    requests: latencies.length,
    errors,
    errorCount: Object.values(errors).reduce((a, b) => a + b, 0),
    requestsPerSecond: latencies.length / seconds,
    p50ms: percentile(latencies, 50),
    p99ms: percentile(latencies, 99),
    perOperationP99ms: Object.fromEntries(
      Object.entries(perOperation).map(([k, v]) => [
        k,
        percentile(
          v.sort((a, b) => a - b),
          99,
        ),
      ]),
    ),
    rssMb: { first: memory[0]?.[1], peak: Math.max(...memory.map(([, m]) => m)), last: memory[memory.length - 1]?.[1] },
    rssTrendMbPerMinuteAfterWarmUp: slope(afterWarmUp) * 60,
    rssSamplesMb: memory.map(([t, m]) => [Math.round(t), Math.round(m)]),
    note: 'Neo4j, the API and the load generator share 2 cores.',
  };
  fs.mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', `load-${graph}.json`), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  if (report.errorCount) process.exitCode = 1;
}

void main();
