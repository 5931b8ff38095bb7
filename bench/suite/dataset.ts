import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient } from '../../src/graph/graph-client';
import { applySchema } from '../../src/graph/migrate';
import type { Driver } from 'neo4j-driver';
import { driverFor } from '../../src/graph/driver';
import { importFiles } from '../../src/ingest/bulk-import';
import { firstLoad } from '../../src/first-load/first-load';
import { BenchNeo4j, startBenchNeo4j, wipe } from '../bench-neo4j';
import { generate, GeneratedSummary } from '../generator';

/** The graph sizes the suite runs on; each has its own Neo4j data folder, kept between runs. */
/**
 * The graph sizes the suite runs on; each has its own Neo4j data folder, kept between runs. The 10k
 * graph goes through corpgraph's transactional importer (CI loads it for the smoke check); the larger
 * ones through corpgraph first-load (Neo4j's offline importer), several times faster (2,006 s for 1M
 * through the importer).
 */
export const SCALES = {
  '10k': { organizations: 10_000, port: 7693, heapMb: 2048, pageCacheMb: 2048, loader: 'import' },
  '100k': { organizations: 100_000, port: 7694, heapMb: 4096, pageCacheMb: 4096, loader: 'first-load' },
  '1m': { organizations: 1_000_000, port: 7695, heapMb: 4096, pageCacheMb: 8192, loader: 'first-load' },
} as const;
type Loader = (typeof SCALES)[keyof typeof SCALES]['loader'];
export type Scale = keyof typeof SCALES;

const SEED = 7;
const PART_RECORDS = 1_000_000;

export interface DatasetInfo {
  scale: Scale;
  organizations: number;
  seed: number;
  /** Hash of generator.ts: a changed generator means a new graph. */
  generator: string;
  records: number;
  /** import: corpgraph's importer, part file after part file; first-load: corpgraph first-load. */
  loader?: Loader;
  loadSeconds: number;
  recordsPerSecond: number;
  loadedAt: string;
}

export interface Dataset {
  neo4j: BenchNeo4j;
  info: DatasetInfo;
  samples: GeneratedSummary['samples'];
}

function generatorHash(): string {
  return crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'generator.ts')))
    .digest('hex')
    .slice(0, 12);
}

async function organizationCount(graph: BenchNeo4j): Promise<number> {
  const session = graph.driver.session();
  try {
    const result = await session.run('MATCH (o:Organization) RETURN count(o) AS n');
    return result.records[0].get('n').toNumber();
  } finally {
    await session.close();
  }
}

/**
 * Reads every node with its properties and every relationship once, so that the page cache holds
 * the store before anything is measured (a million organizations are a 5 GB store).
 */
async function warmPageCache(graph: BenchNeo4j): Promise<void> {
  const session = graph.driver.session({ defaultAccessMode: 'READ' });
  try {
    await session.run('MATCH (n) RETURN count(keys(n)) AS nodes');
    await session.run('MATCH ()-[r]->() RETURN count(keys(r)) AS relationships');
  } finally {
    await session.close();
  }
}

/**
 * Starts the Neo4j of a scale and makes sure it holds the generated graph of that scale: a graph
 * loaded earlier by the same generator is kept (its dataset.json records how it was loaded);
 * otherwise the database is emptied and the generated part files are imported with corpgraph's
 * importer, timed.
 */
/** Stops the scale's Neo4j, writes its store with first-load from the part files, and starts it again. */
async function loadFirst(neo4j: BenchNeo4j, files: string[], dir: string, port: number, log: (line: string) => void): Promise<BenchNeo4j> {
  const local = neo4j.local!;
  const name = path.basename(neo4j.home!);
  await neo4j.stop();
  let driver: Driver | undefined;
  try {
    const result = await firstLoad(
      local,
      files.map((file) => ({ path: file })),
      { workDir: path.join(dir, 'import'), skipInvalid: false },
      async () => {
        driver = driverFor(await local.start());
        return new GraphClient(driver, 'neo4j', CypherCatalog.load(), 3_600_000);
      },
    );
    log(
      `  first-load: check and write CSV ${result.prepareSeconds.toFixed(0)} s, Neo4j's importer ${result.importSeconds.toFixed(0)} s, ` +
        `start, schema and derived links ${result.finishSeconds.toFixed(0)} s; peak RSS ${result.peakRssMb} MB`,
    );
  } finally {
    await driver?.close();
    await local.stop();
  }
  return startBenchNeo4j({ name, port });
}

export async function openDataset(scale: Scale, log: (line: string) => void): Promise<Dataset> {
  const spec = SCALES[scale];
  process.env.BENCH_NEO4J_HEAP_MB ??= String(spec.heapMb);
  process.env.BENCH_NEO4J_PAGECACHE_MB ??= String(spec.pageCacheMb);
  let neo4j = await startBenchNeo4j({ name: `bench-${scale}`, port: spec.port });
  const samples = generate('', { organizations: spec.organizations, seed: SEED, dryRun: true }).samples;
  const marker = path.join(neo4j.home ?? path.join(PROJECT_ROOT, 'var', 'bench'), 'dataset.json');
  const wanted = { scale, organizations: spec.organizations, seed: SEED, generator: generatorHash() };
  if (fs.existsSync(marker)) {
    const info = JSON.parse(fs.readFileSync(marker, 'utf8')) as DatasetInfo;
    const same = info.scale === scale && info.seed === SEED && info.generator === wanted.generator;
    if (same && (await organizationCount(neo4j)) === spec.organizations) {
      log('  warming the page cache');
      await warmPageCache(neo4j);
      return { neo4j, info, samples };
    }
  }
  log(`Loading the ${scale} graph (${spec.organizations.toLocaleString('en-US')} organizations) with corpgraph ${spec.loader}`);
  fs.rmSync(marker, { force: true });
  const dir = path.join(PROJECT_ROOT, 'var', 'bench', `data-${scale}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const generated = generate(dir, { organizations: spec.organizations, seed: SEED, partRecords: PART_RECORDS });
  const started = Date.now();
  if (spec.loader === 'first-load' && neo4j.local) {
    neo4j = await loadFirst(neo4j, generated.files, dir, spec.port, log);
  } else {
    const graph = new GraphClient(neo4j.driver, 'neo4j', CypherCatalog.load(), 3_600_000);
    await wipe(neo4j.driver);
    await applySchema(graph);
    for (const [i, file] of generated.files.entries()) {
      await importFiles(graph, file, { batchSize: 5000, skipInvalid: false, checkpointDir: path.join(dir, 'checkpoints') });
      const seconds = (Date.now() - started) / 1000;
      log(`  part ${i + 1}/${generated.files.length} imported, ${seconds.toFixed(0)} s so far`);
    }
  }
  const loadSeconds = (Date.now() - started) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  const info: DatasetInfo = {
    ...wanted,
    records: generated.records,
    loader: neo4j.local ? spec.loader : 'import',
    loadSeconds,
    recordsPerSecond: Math.round(generated.records / loadSeconds),
    loadedAt: new Date().toISOString(),
  };
  fs.writeFileSync(marker, JSON.stringify(info, null, 2) + '\n');
  log(`  ${generated.records.toLocaleString('en-US')} records in ${loadSeconds.toFixed(0)} s (${info.recordsPerSecond.toLocaleString('en-US')} records/s)`);
  return { neo4j, info, samples };
}
