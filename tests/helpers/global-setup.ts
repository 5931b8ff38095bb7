import 'reflect-metadata';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient } from '../../src/graph/graph-client';
import { applySchema } from '../../src/graph/migrate';
import { loadRecordFiles } from '../../src/ingest/importer';
import { LocalNeo4j } from '../../src/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logger';
import { ENV_KEYS, TEST_NEO4J } from './test-env';
import { driverFor } from '../../src/graph/driver';

/**
 * Starts the tests' own Neo4j (unless TEST_NEO4J_URI names one), empties it, applies the schema and
 * loads the seed graph, so every run starts from the same graph.
 */
export default async function globalSetup(): Promise<void> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'corpgraph-tests');
  let connection: { uri: string; user: string; password: string };
  if (process.env.TEST_NEO4J_URI) {
    connection = { uri: process.env.TEST_NEO4J_URI, user: process.env.TEST_NEO4J_USER ?? 'neo4j', password: process.env.TEST_NEO4J_PASSWORD ?? '' };
  } else {
    const local = new LocalNeo4j(
      { home: TEST_NEO4J.home, boltPort: TEST_NEO4J.boltPort, heapMb: 1024, pageCacheMb: 512, txTimeoutMs: 30000, portVariable: 'TEST_LOCAL_NEO4J_BOLT_PORT' },
      logger,
    );
    connection = await local.start();
    (globalThis as { __corpgraphTestNeo4j?: LocalNeo4j }).__corpgraphTestNeo4j = local;
  }
  const database = process.env.TEST_NEO4J_DATABASE ?? 'neo4j';
  process.env[ENV_KEYS.uri] = connection.uri;
  process.env[ENV_KEYS.user] = connection.user;
  process.env[ENV_KEYS.password] = connection.password;
  process.env[ENV_KEYS.database] = database;

  const driver = driverFor(connection);
  try {
    const graph = new GraphClient(driver, database, CypherCatalog.load(), 60000);
    await graph.write('admin/delete-all');
    await applySchema(graph);
    await loadRecordFiles(graph, path.join(PROJECT_ROOT, 'seeds'), 'seed');
  } finally {
    await driver.close();
  }
}
