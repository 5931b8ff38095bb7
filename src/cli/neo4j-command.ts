import { loadCliConfig, loadConfig } from '../config';
import { LocalNeo4j } from '../local-neo4j/local-neo4j';
import { createLogger } from '../logger';
import { UserError } from './common';

/** `corpgraph neo4j`: the local Neo4j alone, as npm start would start it. */
export const NEO4J_USAGE = `  corpgraph neo4j
      Start the local Neo4j alone (as npm start would) and print how to connect to it; Ctrl-C stops it.`;

export async function neo4jCommand(): Promise<number> {
  const config = loadConfig();
  if (config.neo4j.uri) throw new UserError(`NEO4J_URI is set (${config.neo4j.uri}): that Neo4j is not started here.`);
  const local = new LocalNeo4j({ ...config.neo4j.local, txTimeoutMs: config.neo4j.txTimeoutMs }, createLogger(loadCliConfig().logLevel, 'corpgraph-cli'));
  const connection = await local.start();
  console.log(
    `Local Neo4j running: ${connection.uri} (user ${connection.user}, password in ${local.passwordFile}).\n` +
      'Cypher: npx corpgraph cypher. Neo4j Desktop or a Neo4j Browser: connect to that Bolt address with that user and password.\nCtrl-C stops it.',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await local.stop();
  return 0;
}
