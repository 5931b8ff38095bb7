import { openTestGraph, TestApi, testConfig, TestGraph } from '../helpers/graph';
import { waitUntil } from '../helpers/service-process';

/**
 * A client that hangs up stops its work in Neo4j. The slow read is a layoff roll-up from the top of a
 * ladder of ownership where every company has both companies of the level above as parents: 2^25
 * paths down, tens of seconds of Neo4j's time, in little memory (the roll-up streams the paths). It
 * starts over HTTP, the client aborts, and SHOW TRANSACTIONS must lose it within seconds, where it
 * used to run on to the transaction timeout for no one.
 */
const LEVELS = 26;
const TOP = `xh-${LEVELS - 1}-a`;
let db: TestGraph;
let api: TestApi;
let url: string;

async function cypher(statement: string, params: Record<string, unknown> = {}) {
  const session = db.driver.session();
  try {
    return (await session.run(statement, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** The roll-up's transactions still running in Neo4j. */
const running = () =>
  cypher(
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters WHERE currentQuery CONTAINS 'AT_ORGANIZATION' AND $top IN coalesce(parameters.keys, []) RETURN transactionId",
    { top: TOP },
  );

beforeAll(async () => {
  db = openTestGraph();
  await cypher(
    "UNWIND range(0, $levels - 1) AS level UNWIND ['a', 'b'] AS side CREATE (:Entity:Organization {id: 'xh-' + level + '-' + side, name: 'Ladder ' + level + side, kind: 'COMPANY'})",
    { levels: LEVELS },
  );
  await cypher(
    "MATCH (c:Organization) WHERE c.id STARTS WITH 'xh-' WITH c, toInteger(split(c.id, '-')[1]) + 1 AS up MATCH (p:Organization) WHERE p.id IN ['xh-' + up + '-a', 'xh-' + up + '-b'] CREATE (c)-[:SUBSIDIARY_OF {id: 'own-' + c.id + '-' + p.id, kind: 'SUBSIDIARY'}]->(p)",
  );
  api = new TestApi(db.graph, testConfig({ RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' }));
  url = `http://127.0.0.1:${await api.listen()}/graphql`;
});

afterAll(async () => {
  // Whatever is left of the roll-up (on a failure) would hold a core for the files after this one.
  for (const { transactionId } of await running()) await cypher('TERMINATE TRANSACTIONS $id', { id: transactionId }).catch(() => undefined);
  await cypher("MATCH (n:Organization) WHERE n.id STARTS WITH 'xh-' DETACH DELETE n");
  await api.stop();
  await db.close();
});

it('stops the request’s query in Neo4j when the client hangs up, and answers the next one', async () => {
  const client = new AbortController();
  const answer = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ layoffRollupOf(id: "${TOP}") { total { events } } }` }),
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
