import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { CypherCatalog } from '../src/graph/cypher-catalog';
import { GraphClient } from '../src/graph/graph-client';
import { applySchema } from '../src/graph/migrate';
import { importFiles } from '../src/ingest/bulk-import';
import { loadRecords } from '../src/ingest/importer';
import { createLogger } from '../src/logger';
import { createApp } from '../src/server';
import { changeCursor } from '../src/graphql/change/change-cursor';
import { settleFeed } from '../src/changes/sequencer';
import { startBenchNeo4j, wipe } from './bench-neo4j';
import { startService } from './service';
import { generate } from './generator';

/**
 * What the change feed costs and how fast it delivers, measured in one run on one Neo4j:
 * - import: the same generated records through `corpgraph import` with the feed and without it (the
 *   baseline appends nothing: GraphClient.withoutChangeFeed, a lever for this benchmark only);
 * - writes: mutations from 8 concurrent clients over HTTP, with and without the feed;
 * - delivery: three subscribers over WebSocket while the writes run, from commit (the change's time,
 *   Neo4j's clock) to the subscriber's hands (this machine's clock: the same machine).
 * Each contender runs in pairs of rounds with the other, back to back, after warm-up rounds; the
 * median of the pairs' ratios counts (this machine's noise moves single rounds by tens of percent).
 *
 * With --baseline <git ref> (a release before the feed), also this service against that one's, both
 * as processes on the same graph: the feed's cost net of what was saved to pay for it.
 *
 *   npm run bench:changes -- [--organizations 5000] [--rounds 4] [--writes 400] [--pairs 8] [--baseline f05d110]
 */
const argNumber = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const TOKEN = 'bench-change-feed-token-0123456789';
const CONCURRENCY = 8;
const UPSERT = 'mutation($i: LayoffEventInput!) { upsertLayoffEvent(input: $i) { id } }';
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** CPU seconds a process has used (user + system), from /proc; 0 where /proc is not there. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs
      .readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * The processes whose CPU a write costs: this one (clients and in-process services), Neo4j, and
 * services run as children. CPU per write is what bounds writes/s on a machine whose cores are all
 * busy, and it moves far less than a round's rate when the machine's neighbours do.
 */
const cpuPids: number[] = [process.pid];

interface WriteRound {
  perSecond: number;
  p50Ms: number;
  failed: number;
  /** CPU milliseconds per write across cpuPids. */
  cpuMsPerWrite: number;
}

async function writeRound(url: string, writes: number, round: string): Promise<WriteRound> {
  const cpuBefore = cpuPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < writes) {
        const i = next++;
        const t0 = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({
            query: UPSERT,
            // New notices and updates of earlier ones (a third of the writes), at 50 employers.
            variables: {
              i: {
                id: `bench-${round}-${i % 3 === 2 ? i - 2 : i}`,
                organizations: [`bench-org-${i % 50}`],
                announced: { on: '2024-03-01' },
                headcount: { min: i, max: i },
                sources: [{ source: 'bench-src' }],
              },
            },
          }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) failed += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const cpuMsPerWrite = ((cpuPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - cpuBefore) * 1000) / writes;
  return { perSecond: writes / seconds, p50Ms: percentile(latencies, 0.5), failed, cpuMsPerWrite };
}

/** Three subscribers of everything: how many changes they got, and how to stop them and read their delivery latencies. */
async function subscribe(url: string, after: string): Promise<{ received(): number; stop(): Promise<number[]> }> {
  const latencies: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: 3 }, async () => {
      const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
      await new Promise<void>((resolve) => client.on('connected', () => resolve()));
      client.subscribe<{ changes: { at: string } }>(
        { query: 'subscription($after: String) { changes(after: $after) { sequence at } }', variables: { after } },
        { next: (r) => r.data && latencies.push(Date.now() - Date.parse(r.data.changes.at)), error: () => undefined, complete: () => undefined },
      );
      return client;
    }),
  );
  return {
    received: () => latencies.length,
    async stop() {
      for (const c of clients) void c.dispose();
      return latencies.sort((a, b) => a - b);
    },
  };
}

/** The feed's newest number, once every committed write is numbered. */
const headOf = (graph: GraphClient) => settleFeed(graph);

/**
 * A checkout of `ref` (a release before the feed) built beside this one (var/bench/baseline-<ref>,
 * sharing node_modules), to run its service against the same Neo4j: what writes cost before the feed.
 */
function buildBaseline(ref: string): string {
  const dir = path.join(PROJECT_ROOT, 'var', 'bench', `baseline-${ref}`);
  if (!fs.existsSync(path.join(dir, 'dist', 'src', 'main.js'))) {
    if (!fs.existsSync(dir)) execFileSync('git', ['worktree', 'add', '--force', '--detach', dir, ref], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

async function main(): Promise<void> {
  const organizations = argNumber('organizations', 5000);
  const writes = argNumber('writes', 400);
  const rounds = argNumber('rounds', 4);
  const pairs = argNumber('pairs', 8);
  const baselineAt = process.argv.indexOf('--baseline');
  const baselineRef = baselineAt > 0 ? process.argv[baselineAt + 1] : null;
  const baselineDir = baselineRef ? buildBaseline(baselineRef) : null;
  const dir = path.join(PROJECT_ROOT, 'var', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `changes-${organizations}.jsonl`);
  const generated = generate(file, { organizations, seed: 11 });
  console.log(`Generated ${generated.records.toLocaleString('en-US')} records (${organizations.toLocaleString('en-US')} organizations)`);

  const bench = await startBenchNeo4j();
  const neo4jPid = bench.home ? Number(fs.readFileSync(path.join(bench.home, 'neo4j.pid'), 'utf8').trim()) : NaN;
  if (neo4jPid) cpuPids.push(neo4jPid);
  const withFeed = new GraphClient(bench.driver, 'neo4j', CypherCatalog.load(), 600000);
  const contenders = { 'with the feed': withFeed, 'without the feed': withFeed.withoutChangeFeed() } as const;
  type Name = keyof typeof contenders;
  const imports: Record<Name, number[]> = { 'with the feed': [], 'without the feed': [] };
  const importCpu: Record<Name, number[]> = { 'with the feed': [], 'without the feed': [] };
  const writeRounds: Record<Name, WriteRound[]> = { 'with the feed': [], 'without the feed': [] };
  const delivery: number[] = [];
  const withSubscribers: WriteRound[] = [];
  let changesAfterImport = 0;
  const baselineRounds: Record<'now' | 'before', WriteRound[]> = { now: [], before: [] };
  const seedWriteTargets = () =>
    loadRecords(
      withFeed,
      [
        { type: 'Source', id: 'bench-src', kind: 'NEWS_ARTICLE', title: 'Benchmark report' },
        ...Array.from({ length: 50 }, (_, i) => ({
          type: 'Organization',
          id: `bench-org-${i}`,
          kind: 'COMPANY',
          name: `Bench Employer ${i}`,
          sources: [{ source: 'bench-src' }],
        })),
      ].map((value, i) => ({ file: 'bench', line: i + 1, value })),
    );
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: bench.uri,
    NEO4J_PASSWORD: bench.password,
    API_KEYS: `bench:${TOKEN}`,
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0',
    CHANGE_SUBSCRIPTIONS_PER_KEY: '10',
  });
  const apps: Array<{ stop(): Promise<void> }> = [];
  try {
    // Imports: each on an emptied database, in pairs (the order swapped each pair: a Neo4j and a Node
    // still warming up favour whoever runs second), after one of each that warms up and is not counted.
    for (let round = 0; round <= rounds; round += 1) {
      const order = Object.keys(contenders) as Name[];
      for (const name of round % 2 ? order : [...order].reverse()) {
        await wipe(bench.driver);
        await applySchema(withFeed);
        const started = Date.now();
        const cpuBefore = cpuPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
        await importFiles(contenders[name], file, { batchSize: 5000, skipInvalid: false, checkpointDir: path.join(dir, 'checkpoints') });
        const rate = generated.records / ((Date.now() - started) / 1000);
        const cpuSeconds = cpuPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - cpuBefore;
        if (round > 0) imports[name].push(rate);
        if (round > 0) importCpu[name].push(cpuSeconds);
        if (name === 'with the feed') changesAfterImport = await headOf(withFeed);
        console.log(`${round ? `pair ${round}` : 'warm-up'}, import ${name}: ${Math.round(rate).toLocaleString('en-US')} records/s`);
      }
    }

    // Mutations: one service per contender on the last imported graph, rounds of the same writes
    // alternating between them (order swapped each pair), so that both meet the same graph, the same
    // warm caches and the same neighbours on the machine; the overhead is the median of the pairs' ratios.
    await seedWriteTargets();
    const urls = {} as Record<Name, string>;
    for (const name of Object.keys(contenders) as Name[]) {
      const app = createApp({ config, graph: contenders[name], logger: createLogger('silent'), isSchemaApplied: () => true });
      apps.push(app);
      urls[name] = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/graphql`;
    }
    // Both keep getting faster over their first thousand or so writes (the JITs of Node and Neo4j, the
    // page cache): warm-up rounds, alternating, that are not counted.
    for (let round = 1; round <= 3; round += 1) {
      for (const name of Object.keys(contenders) as Name[]) await writeRound(urls[name], writes, `warm${round}-${name === 'with the feed' ? 'f' : 'n'}`);
    }
    for (let pair = 1; pair <= pairs; pair += 1) {
      const order = Object.keys(contenders) as Name[];
      for (const name of pair % 2 ? order : [...order].reverse()) {
        const result = await writeRound(urls[name], writes, `${pair}${name === 'with the feed' ? 'f' : 'n'}`);
        writeRounds[name].push(result);
        console.log(
          `pair ${pair}, writes ${name}: ${Math.round(result.perSecond)}/s at c=${CONCURRENCY}, p50 ${result.p50Ms.toFixed(1)} ms, ${result.cpuMsPerWrite.toFixed(2)} CPU ms/write, failed ${result.failed}`,
        );
      }
    }

    // Delivery: the same writes again while three subscribers follow everything.
    for (let round = 1; round <= 2; round += 1) {
      const headBefore = await headOf(withFeed);
      // From the cursor of now, given: a subscription started without one begins when it is set up, maybe after the first writes.
      const subscribers = await subscribe(urls['with the feed'], changeCursor(headBefore));
      const loaded = await writeRound(urls['with the feed'], writes, `s${round}`);
      console.log(`round ${round}, writes with the feed and 3 subscribers: ${Math.round(loaded.perSecond)}/s, p50 ${loaded.p50Ms.toFixed(1)} ms`);
      withSubscribers.push(loaded);
      // Every subscriber has every change of the round before the latencies are read.
      const expected = 3 * ((await headOf(withFeed)) - headBefore);
      for (const deadline = Date.now() + 60000; subscribers.received() < expected && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
      if (subscribers.received() < expected) console.log(`subscribers got ${subscribers.received()} of ${expected} deliveries`);
      delivery.push(...(await subscribers.stop()));
    }

    // Against the release before the feed: this service and that one as processes (as `npm start` runs
    // them) on the same graph, in pairs of rounds. What the feed costs net of what was saved to pay for it.
    if (baselineDir) {
      for (const app of apps.splice(0)) await app.stop();
      const env = { NEO4J_URI: bench.uri, NEO4J_PASSWORD: bench.password, API_KEYS: `bench:${TOKEN}`, SEED_ON_EMPTY: 'false' };
      const services = {
        now: await startService({ ...env, PORT: '4231' }),
        before: await startService({ ...env, PORT: '4232' }, baselineDir),
      };
      for (const s of Object.values(services)) if (s.child.pid) cpuPids.push(s.child.pid);
      try {
        for (let round = 1; round <= 3; round += 1) for (const [name, s] of Object.entries(services)) await writeRound(s.url, writes, `bwarm${round}-${name}`);
        for (let pair = 1; pair <= pairs; pair += 1) {
          const order = (pair % 2 ? ['now', 'before'] : ['before', 'now']) as Array<keyof typeof services>;
          for (const name of order) {
            const result = await writeRound(services[name].url, writes, `b${pair}${name}`);
            baselineRounds[name].push(result);
            console.log(
              `pair ${pair}, writes ${name === 'now' ? 'with the feed (this checkout)' : `before the feed (${baselineRef})`}: ${Math.round(result.perSecond)}/s, p50 ${result.p50Ms.toFixed(1)} ms, ${result.cpuMsPerWrite.toFixed(2)} CPU ms/write, failed ${result.failed}`,
            );
          }
        }
      } finally {
        for (const s of Object.values(services)) s.child.kill('SIGTERM');
      }
    }
  } finally {
    for (const app of apps) await app.stop();
    await bench.stop();
  }
  const medianOf = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  };
  // Each pair's with-feed rate over its without-feed rate: the two ran back to back.
  const importRatios = imports['with the feed'].map((rate, i) => rate / imports['without the feed'][i]);
  const pairRatios = writeRounds['with the feed'].map((r, i) => r.perSecond / writeRounds['without the feed'][i].perSecond);
  // CPU per write, each pair's with-feed over its without-feed: the work the feed adds, whatever the neighbours did.
  const cpuRatios = writeRounds['with the feed'].map((r, i) => r.cpuMsPerWrite / writeRounds['without the feed'][i].cpuMsPerWrite);
  const baselineCpuRatios = baselineRounds.now.map((r, i) => r.cpuMsPerWrite / baselineRounds.before[i].cpuMsPerWrite);
  delivery.sort((a, b) => a - b);
  const report = {
    when: new Date().toISOString(),
    records: generated.records,
    changesAfterImport,
    import: {
      pairs: rounds,
      withFeed: medianOf(imports['with the feed']),
      withoutFeed: medianOf(imports['without the feed']),
      pairRatios: importRatios,
      overhead: 1 - medianOf(importRatios),
      bestOfEach: 1 - Math.max(...imports['with the feed']) / Math.max(...imports['without the feed']),
      cpuSeconds: importCpu,
      cpuOverhead: medianOf(importCpu['with the feed'].map((cpu, i) => cpu / importCpu['without the feed'][i])) - 1,
    },
    writes: {
      concurrency: CONCURRENCY,
      count: writes,
      pairs,
      withFeed: medianOf(writeRounds['with the feed'].map((r) => r.perSecond)),
      withoutFeed: medianOf(writeRounds['without the feed'].map((r) => r.perSecond)),
      pairRatios,
      overhead: 1 - medianOf(pairRatios),
      cpuMsPerWrite: {
        withFeed: medianOf(writeRounds['with the feed'].map((r) => r.cpuMsPerWrite)),
        withoutFeed: medianOf(writeRounds['without the feed'].map((r) => r.cpuMsPerWrite)),
      },
      cpuRatios,
      cpuOverhead: medianOf(cpuRatios) - 1,
      againstBaseline: baselineRef
        ? {
            ref: baselineRef,
            withFeed: medianOf(baselineRounds.now.map((r) => r.perSecond)),
            beforeTheFeed: medianOf(baselineRounds.before.map((r) => r.perSecond)),
            pairRatios: baselineRounds.now.map((r, i) => r.perSecond / baselineRounds.before[i].perSecond),
            overhead: 1 - medianOf(baselineRounds.now.map((r, i) => r.perSecond / baselineRounds.before[i].perSecond)),
            cpuMsPerWrite: {
              withFeed: medianOf(baselineRounds.now.map((r) => r.cpuMsPerWrite)),
              beforeTheFeed: medianOf(baselineRounds.before.map((r) => r.cpuMsPerWrite)),
            },
            cpuRatios: baselineCpuRatios,
            cpuOverhead: medianOf(baselineCpuRatios) - 1,
          }
        : null,
      // The figure the earlier runs reported (the best round of each), for comparison across runs.
      bestOfEach: 1 - Math.max(...writeRounds['with the feed'].map((r) => r.perSecond)) / Math.max(...writeRounds['without the feed'].map((r) => r.perSecond)),
    },
    delivery: {
      subscribers: 3,
      writesPerSecond: Math.max(...withSubscribers.map((r) => r.perSecond)),
      changes: delivery.length,
      p50Ms: percentile(delivery, 0.5),
      p95Ms: percentile(delivery, 0.95),
    },
    target: { overhead: 0.1, deliveryP50Ms: 100 },
    rounds: { imports, writes: writeRounds },
    note: 'Neo4j, the service and the clients share 2 cores; ratios measured in one run count.',
  };
  fs.mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'change-feed.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(
    `\nimport: ${Math.round(report.import.withFeed)} vs ${Math.round(report.import.withoutFeed)} records/s (medians of ${rounds} pairs), overhead ${(report.import.overhead * 100).toFixed(1)}% (median of the pairs' ratios; target <= 10%); CPU +${(report.import.cpuOverhead * 100).toFixed(1)}%\n` +
      `writes: ${Math.round(report.writes.withFeed)} vs ${Math.round(report.writes.withoutFeed)}/s (medians of ${pairs} rounds), overhead ${(report.writes.overhead * 100).toFixed(1)}% (median of the pairs' ratios; target <= 10%); CPU per write ${report.writes.cpuMsPerWrite.withFeed.toFixed(2)} vs ${report.writes.cpuMsPerWrite.withoutFeed.toFixed(2)} ms, +${(report.writes.cpuOverhead * 100).toFixed(1)}%\n` +
      (report.writes.againstBaseline
        ? `writes against ${baselineRef} (before the feed), both as services: ${Math.round(report.writes.againstBaseline.withFeed)} vs ${Math.round(report.writes.againstBaseline.beforeTheFeed)}/s, overhead ${(report.writes.againstBaseline.overhead * 100).toFixed(1)}% (median of the pairs' ratios); CPU per write ${report.writes.againstBaseline.cpuMsPerWrite.withFeed.toFixed(2)} vs ${report.writes.againstBaseline.cpuMsPerWrite.beforeTheFeed.toFixed(2)} ms, +${(report.writes.againstBaseline.cpuOverhead * 100).toFixed(1)}%\n`
        : '') +
      `delivery to 3 subscribers under the write load: p50 ${report.delivery.p50Ms} ms, p95 ${report.delivery.p95Ms} ms over ${delivery.length} deliveries (target p50 < 100 ms)`,
  );
}

void main();
