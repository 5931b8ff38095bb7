import neo4j, { Driver } from 'neo4j-driver';
import { DEFAULT_CONFIG } from '../config';
import { StartupError } from '../errors/errors';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  connectionTimeoutMs: number;
  maxRetryMs: number;
  maxPoolSize: number;
}

/** One driver per process: it owns the connection pool and, for neo4j:// URIs, the routing table. */
export function createDriver(options: DriverOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    maxConnectionPoolSize: options.maxPoolSize,
    connectionTimeout: options.connectionTimeoutMs,
    connectionAcquisitionTimeout: options.connectionTimeoutMs,
    // Managed transactions retry transient errors (leader switch, deadlock) for at most this long.
    maxTransactionRetryTime: options.maxRetryMs,
    userAgent: 'corpgraph/0.1',
  });
}

/** A driver for a server and user, with the service's defaults for everything else (pool, timeouts, retries). */
export function driverFor(connection: { uri: string; user?: string; password: string }, overrides: Partial<DriverOptions> = {}): Driver {
  const { neo4j: defaults } = DEFAULT_CONFIG;
  return createDriver({ ...defaults, ...connection, user: connection.user ?? defaults.user, ...overrides });
}

/** Checks at start-up that the server answers and accepts the credentials, with one line that says how to fix it. */
export async function verifyDriver(driver: Driver, options: DriverOptions, credentialHint: string): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: options.database });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const detail = (error as Error).message.split('\n')[0];
    if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
      throw new StartupError(`Neo4j at ${options.uri} rejected user "${options.user}": wrong password? ${credentialHint}`);
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      throw new StartupError(`Neo4j at ${options.uri} has no database "${options.database}"; check NEO4J_DATABASE.`);
    }
    throw new StartupError(
      `Cannot reach Neo4j at ${options.uri} (${detail}). Check NEO4J_URI and that the server is running, ` +
        'or unset NEO4J_URI to use the local embedded Neo4j.',
    );
  }
}
