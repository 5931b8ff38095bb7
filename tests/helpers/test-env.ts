import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/**
 * Where the tests' Neo4j lives: its own Bolt port and data folder, so that a developer's running
 * service (7687, var/neo4j/dev) and the tests never touch each other's data.
 */
export const TEST_NEO4J = {
  home: path.join(PROJECT_ROOT, 'var', 'neo4j', 'test'),
  boltPort: Number(process.env.TEST_LOCAL_NEO4J_BOLT_PORT ?? 7688),
};

/** Variables the global setup hands to the test files (same process with --runInBand, or inherited by workers). */
export const ENV_KEYS = {
  uri: 'CORPGRAPH_TEST_NEO4J_URI',
  user: 'CORPGRAPH_TEST_NEO4J_USER',
  password: 'CORPGRAPH_TEST_NEO4J_PASSWORD',
  database: 'CORPGRAPH_TEST_NEO4J_DATABASE',
} as const;
