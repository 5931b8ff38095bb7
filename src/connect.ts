import type { Driver } from 'neo4j-driver';
import type { Config } from './config';
import { CypherCatalog } from './graph/cypher-catalog';
import { createDriver, DriverOptions, verifyDriver } from './graph/driver';
import { GraphClient } from './graph/graph-client';
import { LocalNeo4j } from './local-neo4j/local-neo4j';
import type { Logger } from './logger';

export interface GraphConnection {
  graph: GraphClient;
  driver: Driver;
  /** Set when this process started the local Neo4j (no NEO4J_URI). */
  local?: LocalNeo4j;
  uri: string;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * Connects to Neo4j: the server named by NEO4J_URI, or else a local one this process starts.
 * Fails with one clear StartupError line when the server cannot be reached or refuses the credentials.
 */
export async function connectGraph(config: Config, logger: Logger, { reuseRunning = false } = {}): Promise<GraphConnection> {
  const { neo4j } = config;
  let local: LocalNeo4j | undefined;
  let options: DriverOptions;
  if (neo4j.uri) {
    options = { ...neo4j, uri: neo4j.uri, password: neo4j.password! };
  } else {
    const candidate = new LocalNeo4j({ ...neo4j.local, txTimeoutMs: neo4j.txTimeoutMs }, logger);
    const running = reuseRunning ? candidate.running() : undefined;
    if (running) {
      // A command-line tool next to a running service shares its local Neo4j rather than starting another.
      options = { ...neo4j, ...running };
    } else {
      local = candidate;
      options = { ...neo4j, ...(await local.start()) };
    }
  }
  const driver = createDriver(options);
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  try {
    await verifyDriver(driver, options, local ? `The local password file is ${local.passwordFile}.` : 'Check NEO4J_USER and NEO4J_PASSWORD.');
  } catch (error) {
    await close();
    throw error;
  }
  const graph = new GraphClient(driver, neo4j.database, CypherCatalog.load(), neo4j.txTimeoutMs);
  logger.info({ event: 'neo4j_connected', uri: options.uri, database: neo4j.database, local: Boolean(local) }, 'Connected to Neo4j');
  return { graph, driver, local, uri: options.uri, close };
}
