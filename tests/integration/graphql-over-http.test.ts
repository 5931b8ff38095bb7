import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { auditServer, AuditResult } from 'graphql-http';
import { openTestGraph, TestApi, TestGraph } from '../helpers/graph';

/**
 * The GraphQL-over-HTTP spec's own audit suite (graphql-http's auditServer), run against corpgraph
 * and, for comparison, a bare Apollo Server 5: corpgraph fails no requirement and warns no more than
 * Apollo does out of the box. The counts are printed for the closing notes of issues.
 */
let db: TestGraph;
let api: TestApi;
let bare: ApolloServer;
let corpgraphUrl: string;
let bareUrl: string;

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph);
  corpgraphUrl = `http://127.0.0.1:${await api.listen()}/graphql`;
  bare = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
  bareUrl = (await startStandaloneServer(bare, { listen: { port: 0, host: '127.0.0.1' } })).url;
});
afterAll(async () => {
  api.app.httpServer.closeAllConnections();
  await api.stop();
  await bare.stop();
  await db.close();
});

const tally = (results: AuditResult[]) => ({
  ok: results.filter((r) => r.status === 'ok').length,
  warn: results.filter((r) => r.status === 'warn').map((r) => r.name),
  error: results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${(r as { reason?: string }).reason ?? ''}`),
});

it('passes every requirement of the GraphQL-over-HTTP audit and warns no more than a bare Apollo Server 5', async () => {
  const ours = tally(await auditServer({ url: corpgraphUrl }));
  const apollo = tally(await auditServer({ url: bareUrl }));
  console.log(
    `GraphQL-over-HTTP audit: corpgraph ${ours.ok} ok, ${ours.warn.length} warnings, ${ours.error.length} errors; ` +
      `bare Apollo Server 5 ${apollo.ok} ok, ${apollo.warn.length} warnings, ${apollo.error.length} errors`,
  );
  expect(ours.error).toEqual([]);
  expect(ours.warn.filter((w) => !apollo.warn.includes(w))).toEqual([]);
});
