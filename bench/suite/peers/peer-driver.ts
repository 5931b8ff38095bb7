import type { Driver } from 'neo4j-driver';
import { Config, loadConfig } from '../../../src/config';
import { createDriver } from '../../../src/graph/driver';

/** The peers' driver: the Neo4j named by NEO4J_URI, with the settings corpgraph reads from the same environment. */
export function peerDriver(): { driver: Driver; config: Config } {
  const config = loadConfig(process.env);
  const uri = config.neo4j.uri;
  if (!uri) throw new Error('NEO4J_URI must name the Neo4j to serve');
  return { driver: createDriver({ ...config.neo4j, uri, password: config.neo4j.password ?? '' }), config };
}
