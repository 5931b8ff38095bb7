import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config';
import { peerDriver } from './peer-driver';

/**
 * The peer: the same graph served by the Neo4j GraphQL Library over Apollo Server, as its
 * documentation sets it up. Same Neo4j, same driver and pool settings as corpgraph (read from the
 * same environment). PORT chooses the port; it prints PEER_READY when it listens.
 */
async function main(): Promise<void> {
  const { driver, config } = peerDriver();
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
