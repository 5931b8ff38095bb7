import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CYPHER_DIR, CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient } from '../../src/graph/graph-client';
import { openTestGraph, TestApi, testConfig, TestGraph, testNeo4j } from '../helpers/graph';
import { waitUntil } from '../helpers/service-process';

/**
 * A client that hangs up stops its work in Neo4j. The slow read is the search's query, replaced in
 * this test's Cypher catalog by one that counts to two billion (every traversal a client can ask for
 * is bounded now, so a query slow enough to watch is made on purpose). The search starts over HTTP,
 * the client aborts, and SHOW TRANSACTIONS must lose the query within seconds, where it used to run on
 * to the transaction timeout for no one.
 */
const SLOW_SEARCH = `CALL () { UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS none }
WITH none WHERE none > 0
RETURN null AS node, 0 AS tier, 0.0 AS score`;
let db: TestGraph;
let api: TestApi;
let url: string;
let catalogDir: string;

async function cypher(statement: string, params: Record<string, unknown> = {}) {
  const session = db.driver.session();
  try {
    return (await session.run(statement, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** The slow search's transactions still running in Neo4j. */
const running = () =>
  cypher(
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS 'range(1, 2000000000)' AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
  );

beforeAll(async () => {
  db = openTestGraph();
  catalogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-catalog-'));
  fs.cpSync(path.join(CYPHER_DIR, 'queries'), catalogDir, { recursive: true });
  fs.writeFileSync(path.join(catalogDir, 'search', 'entities.cypher'), SLOW_SEARCH);
  const graph = new GraphClient(db.driver, testNeo4j().database, CypherCatalog.load(catalogDir), 60000);
  api = new TestApi(graph, testConfig({ RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' }));
  url = `http://127.0.0.1:${await api.listen()}/graphql`;
});

afterAll(async () => {
  // Whatever is left of the slow query (on a failure) would hold a core for the files after this one.
  for (const { transactionId } of await running()) await cypher('TERMINATE TRANSACTIONS $id', { id: transactionId }).catch(() => undefined);
  fs.rmSync(catalogDir, { recursive: true, force: true });
  await api.stop();
  await db.close();
});

it('stops the request’s query in Neo4j when the client hangs up, and answers the next one', async () => {
  const client = new AbortController();
  const answer = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ search(text: "slow on purpose") { score } }' }),
    signal: client.signal,
  }).catch((error: Error) => error);
  expect(await waitUntil(async () => (await running()).length > 0, 20000, 100)).toBe(true);
  client.abort();
  expect(((await answer) as Error).name).toBe('AbortError');
  expect(await waitUntil(async () => (await running()).length === 0, 5000, 100)).toBe(true);

  const next = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ company(id: "twitch") { name } }' }),
  });
  expect(await next.json()).toEqual({ data: { company: { name: 'Twitch' } } });
});
