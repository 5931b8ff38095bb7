import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { driverFor } from '../../src/graph/driver';
import { GraphClient } from '../../src/graph/graph-client';
import { firstLoad, FirstLoadResult } from '../../src/first-load/first-load';
import type { FirstLoadInput } from '../../src/first-load/inputs';
import { LocalNeo4j } from '../../src/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logger';

/**
 * The real-data graph the benchmarks run on: the real GLEIF Level 1 records (about 400k), SEC tickers
 * and WARN notices that npm run data fetches, loaded with corpgraph first-load (Neo4j's bulk importer)
 * into a benchmark's own Neo4j home. Loaded once per home (a file there records the load), or again
 * with `reload`.
 */
const DATA = path.join(PROJECT_ROOT, 'var', 'data');
export const REAL_INPUTS: FirstLoadInput[] = [
  { format: 'gleif-lei', path: path.join(DATA, 'gleif', 'lei-records.csv') },
  { format: 'sec', path: path.join(DATA, 'sec') },
  { format: 'warn', path: path.join(DATA, 'warn', 'consolidated.csv') },
];

export type RealLoad = FirstLoadResult & { when: string; skippedCount: number };

export async function loadRealGraph(home: string, port: number, { reload = false }: { reload?: boolean } = {}): Promise<RealLoad> {
  const loaded = path.join(home, 'corpgraph-real-data.json');
  if (fs.existsSync(loaded) && !reload) return JSON.parse(fs.readFileSync(loaded, 'utf8')) as RealLoad;
  for (const input of REAL_INPUTS) if (!fs.existsSync(input.path)) throw new Error(`${input.path} is missing: run npm run data first`);
  const config = loadConfig();
  const local = new LocalNeo4j(
    { home, boltPort: port, heapMb: 2048, pageCacheMb: 1024, txTimeoutMs: 3_600_000, portVariable: 'BENCH_REAL_BOLT_PORT' },
    createLogger('warn', 'corpgraph-bench'),
  );
  let driver: ReturnType<typeof driverFor> | undefined;
  try {
    console.log(`Loading the real data with first-load (GLEIF, SEC, WARN) into ${path.relative(PROJECT_ROOT, home)}...`);
    const result = await firstLoad(local, REAL_INPUTS, { workDir: path.join(PROJECT_ROOT, 'var', 'import'), skipInvalid: true }, async () => {
      const connection = await local.start();
      driver = driverFor(connection);
      return new GraphClient(driver, config.neo4j.database, CypherCatalog.load(), 3_600_000);
    });
    const recorded: RealLoad = { ...result, skipped: result.skipped.slice(0, 0), skippedCount: result.skipped.length, when: new Date().toISOString() };
    fs.writeFileSync(loaded, JSON.stringify(recorded, null, 2));
    return recorded;
  } finally {
    await driver?.close();
    await local.stop();
  }
}
