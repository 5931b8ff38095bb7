import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../../src/config';
import { createDriver } from '../../../src/graph/driver';

/**
 * The peer: the same graph served by the Neo4j GraphQL Library over Apollo Server, as its
 * documentation sets it up. Same Neo4j, same driver and pool settings as corpgraph (read from the
 * same environment). PORT chooses the port; it prints PEER_READY when it listens.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const uri = config.neo4j.uri;
  if (!uri) throw new Error('NEO4J_URI must name the Neo4j to serve');
  const driver = createDriver({ ...config.neo4j, uri, password: config.neo4j.password ?? '' });
  const typeDefs = fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'suite', 'peers', 'neo4j-graphql.graphql'), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema, introspection: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4320), host: '127.0.0.1' },
    context: async ({ req }) => ({ token: req.headers.authorization, sessionConfig: { database: config.neo4j.database } }),
  });
  console.log(`PEER_READY ${url}`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
