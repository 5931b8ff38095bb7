import type { Driver } from 'neo4j-driver';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { LocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { createLogger } from '../src/logger';
import { driverFor } from '../src/graph/driver';

/** Empties the database, in batches (a million organizations are tens of millions of rows). */
export async function wipe(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

export interface BenchNeo4jOptions {
  /** Data folder under var/neo4j; default bench. */
  name?: string;
  /** Bolt port; default BENCH_NEO4J_BOLT_PORT or 7690. */
  port?: number;
}

export interface BenchNeo4j {
  driver: Driver;
  uri: string;
  user: string;
  password: string;
  /** The data folder of a local instance; undefined for BENCH_NEO4J_URI. */
  home?: string;
  /** The local instance itself (a first load stops it and writes its store); undefined for BENCH_NEO4J_URI. */
  local?: LocalNeo4j;
  stop(): Promise<void>;
}

/**
 * The benchmarks' own Neo4j: BENCH_NEO4J_URI (with BENCH_NEO4J_PASSWORD) when set, else a local one
 * on its own port and data folder (var/neo4j/bench), sized for graphs of a million organizations.
 */
export async function startBenchNeo4j(options: BenchNeo4jOptions = {}): Promise<BenchNeo4j> {
  let connection: { uri: string; user: string; password: string };
  let local: LocalNeo4j | undefined;
  const home = path.join(PROJECT_ROOT, 'var', 'neo4j', options.name ?? 'bench');
  if (process.env.BENCH_NEO4J_URI) {
    connection = { uri: process.env.BENCH_NEO4J_URI, user: process.env.BENCH_NEO4J_USER ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '' };
  } else {
    local = new LocalNeo4j(
      {
        home,
        boltPort: options.port ?? Number(process.env.BENCH_NEO4J_BOLT_PORT ?? 7690),
        heapMb: Number(process.env.BENCH_NEO4J_HEAP_MB ?? 4096),
        pageCacheMb: Number(process.env.BENCH_NEO4J_PAGECACHE_MB ?? 6144),
        txTimeoutMs: 3600000,
        portVariable: 'BENCH_NEO4J_BOLT_PORT',
      },
      createLogger('warn', 'corpgraph-bench'),
    );
    connection = await local.start();
  }
  const driver = driverFor(connection, { maxPoolSize: 64 });
  await driver.verifyConnectivity();
  return {
    driver,
    ...connection,
    home: local ? home : undefined,
    local,
    async stop() {
      await driver.close();
      await local?.stop();
    },
  };
}
