import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { CypherCatalog } from '../src/graph/cypher-catalog';
import { GraphClient } from '../src/graph/graph-client';
import { applySchema } from '../src/graph/migrate';
import { loadRecordFiles, loadRecords } from '../src/ingest/importer';
import { startBenchNeo4j, wipe } from './bench-neo4j';
import { LATTICE_TRAVERSALS, latticeRecords } from './lattice';
import { longArticle } from './long-article';
import { percentile, startService } from './service';

/**
 * Hostile load (not part of npm test): how a small request fares while the service walks a lattice of
 * joint ventures (2^23 routes between 48 companies) from every side at once, and while it extracts a
 * 196,000-character article, against the same request on a quiet service. Issue #24's targets: the
 * lattice answered (or refused with a 4xx) in under a second, other requests under 200 ms p99.
 *
 *   npm run bench:hostile -- [--seconds 20]
 */
const at = process.argv.indexOf('--seconds');
const seconds = at > 0 ? Number(process.argv[at + 1]) : 20;
const TOKEN = 'hostile-bench-token-0123';
const SMALL = '{ company(id: "amazon") { name } }';

/** One request: its status (0 when the connection failed), time, and the first error it answered. */
async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; ms: number; error?: string }> {
  const started = performance.now();
  try {
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: Array<{ message: string }> };
    return { status: response.status, ms: performance.now() - started, error: body.errors?.[0]?.message };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, error: (error as Error).message };
  }
}

/** A small request, one after another, until `busy` settles: its latencies. */
async function smallWhile(url: string, busy: Promise<unknown>): Promise<number[]> {
  let done = false;
  void busy.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done || latencies.length < 20) latencies.push((await post(url, SMALL)).ms);
  return latencies.sort((a, b) => a - b);
}

const summary = (sorted: number[]) => ({ requests: sorted.length, p50ms: +percentile(sorted, 50).toFixed(1), p99ms: +percentile(sorted, 99).toFixed(1) });

async function main(): Promise<void> {
  process.env.BENCH_NEO4J_HEAP_MB ??= '1024';
  process.env.BENCH_NEO4J_PAGECACHE_MB ??= '512';
  const bench = await startBenchNeo4j({ name: 'hostile', port: 7693 });
  const graph = new GraphClient(bench.driver, 'neo4j', CypherCatalog.load(), 600000);
  await wipe(bench.driver);
  await applySchema(graph);
  await loadRecordFiles(graph, path.join(PROJECT_ROOT, 'seeds'));
  await loadRecords(
    graph,
    latticeRecords().map((value, i) => ({ file: 'lattice', line: i + 1, value })),
  );
  const { child, url } = await startService({ NEO4J_URI: bench.uri, NEO4J_PASSWORD: bench.password, PORT: '4211', API_KEYS: `bench:${TOKEN}` });
  try {
    for (const [, query] of LATTICE_TRAVERSALS) await post(url, query); // warm: plans and caches
    const quiet = await smallWhile(url, new Promise((r) => setTimeout(r, 5000)));

    // The lattice from every side: four clients, each cycling through every traversal.
    const traversals: Record<string, { statuses: number[]; ms: number[]; errors: string[] }> = {};
    const deadline = Date.now() + seconds * 1000;
    const walking = Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = w; Date.now() < deadline; i += 1) {
          const [name, query] = LATTICE_TRAVERSALS[i % LATTICE_TRAVERSALS.length];
          const answer = await post(url, query);
          (traversals[name] ??= { statuses: [], ms: [], errors: [] }).statuses.push(answer.status);
          if (answer.error) traversals[name].errors.push(answer.error);
          traversals[name].ms.push(answer.ms);
        }
      }),
    );
    const duringLattice = await smallWhile(url, walking);

    // A 196,000-character article, three times in a row.
    const article = longArticle();
    const extractions: Array<{ status: number; ms: number; error?: string }> = [];
    const extracting = (async () => {
      for (let i = 0; i < 3; i += 1) {
        const answer = await post(
          url,
          'mutation($input: ArticleInput!) { extractArticle(input: $input) { textLength } }',
          {
            input: { text: article, published: '2024-05-09', title: 'A long article', publishers: ['Bench Wire'] },
          },
          TOKEN,
        );
        extractions.push({ ...answer, ms: Math.round(answer.ms) });
      }
    })();
    const duringArticle = await smallWhile(url, extracting);

    const report = {
      when: new Date().toISOString(),
      machine: '2 cores shared by Neo4j, the API and the load generator',
      smallRequest: SMALL,
      quiet: summary(quiet),
      duringLattice: { ...summary(duringLattice), p99OverQuiet: +(percentile(duringLattice, 99) / percentile(quiet, 99)).toFixed(2) },
      duringArticle: { ...summary(duringArticle), p99OverQuiet: +(percentile(duringArticle, 99) / percentile(quiet, 99)).toFixed(2) },
      lattice: Object.fromEntries(
        Object.entries(traversals).map(([name, t]) => [
          name,
          {
            requests: t.ms.length,
            statuses: [...new Set(t.statuses)],
            p50ms: +percentile(
              [...t.ms].sort((a, b) => a - b),
              50,
            ).toFixed(1),
            maxMs: +Math.max(...t.ms).toFixed(1),
            errors: [...new Set(t.errors)],
          },
        ]),
      ),
      articleExtractions: extractions,
    };
    fs.mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'hostile-load.json'), JSON.stringify(report, null, 2) + '\n');
    console.log(JSON.stringify(report, null, 2));
  } finally {
    child.kill('SIGTERM');
    await bench.stop();
  }
}

void main();
