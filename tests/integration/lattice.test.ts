import { LATTICE_TRAVERSALS, latticeRecords } from '../../bench/lattice';
import { loadRecords } from '../../src/ingest/importer';
import type { RawRecord } from '../../src/ingest/record-files';
import { openTestGraph, TestApi, TestGraph, testConfig } from '../helpers/graph';

/**
 * Ownership graphs shaped to make traversals explode: 24 levels of two companies, each owned half and
 * half by both companies of the level above (joint ventures on joint ventures), so that 2^23 routes
 * lead from the bottom to the top through only 48 companies. Every traversal an anonymous analyst can
 * ask for is answered (or refused with a 4xx) quickly, and other requests go on meanwhile.
 */
const LEVELS = 24;
const ALLOWED_MS = 5000; // on a loaded machine; each of these answers in well under a second when it is quiet
let db: TestGraph;
let api: TestApi;
let url: string;

async function post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return { status: response.status, body, ms: performance.now() - started };
}

async function cleanUp(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'lat-' DETACH DELETE n");
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = openTestGraph();
  await cleanUp();
  // The load checks every new parent link for a cycle: through 2^23 routes, that check must not walk them.
  await loadRecords(
    db.graph,
    latticeRecords().map((value, i): RawRecord => ({ file: 'lattice', line: i + 1, value })),
  );
  api = new TestApi(db.graph, testConfig({ API_KEYS: 'lattice:lattice-token-0123456789' }));
  url = `http://127.0.0.1:${await api.listen()}/graphql`;
}, 120000);

afterAll(async () => {
  await api.stop();
  await cleanUp();
  await db.close();
});

const TRAVERSALS = LATTICE_TRAVERSALS;

describe('a lattice of joint ventures: 48 companies, 2^23 routes', () => {
  it.each(TRAVERSALS)('answers %s quickly, or refuses it with a 4xx', async (_, query) => {
    const answer = await post(query);
    if (answer.status >= 400) {
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors[0].extensions.code).toMatch(/QUERY_TOO_COMPLEX|BAD_USER_INPUT/);
    } else {
      expect(answer.body.errors).toBeUndefined();
    }
    expect(answer.ms).toBeLessThan(ALLOWED_MS);
  });

  it('gives the right answers: the top company at the end of a full-length chain, every company of the family once at its level', async () => {
    const chain = (await post(TRAVERSALS[2][1])).body.data.ownershipChainOf;
    expect(chain.links).toHaveLength(LEVELS - 1);
    expect(chain.ultimateParent.id).toMatch(/^lat-0[ab]$/);
    expect(chain.truncated).toBe(false);
    const family = (await post(TRAVERSALS[3][1])).body.data.corporateFamilyOf;
    expect(family.count).toBe(2 * LEVELS - 2); // all but the top two
    for (const m of family.members) {
      expect(m.organization.id).toBe(`lat-${m.depth}${m.organization.id.slice(-1)}`);
      expect(m.parent.id).toMatch(new RegExp(`^lat-${m.depth - 1}[ab]$`));
      expect(m.cycleDetected).toBe(false);
    }
    const rollup = (await post(TRAVERSALS[4][1])).body.data.layoffRollupOf;
    expect(rollup.total).toEqual({ events: 2, low: 200 });
  });

  it('keeps answering other requests while the lattice is walked from every side at once', async () => {
    const small = `{ company(id: "amazon") { name } }`;
    const latencies: number[] = [];
    let walking = true;
    const walks = Promise.all([...TRAVERSALS, ...TRAVERSALS].map(([, query]) => post(query))).finally(() => (walking = false));
    while (walking || latencies.length < 20) latencies.push((await post(small)).ms);
    const answers = await walks;
    for (const a of answers) expect(a.status).toBeLessThan(500);
    latencies.sort((x, y) => x - y);
    // Typical requests stay fast, and none waits as long as a walk may take. (With a few dozen samples a
    // p99 is the slowest one, which one pause of a shared machine decides: it measured 1.4 s once, quiet.)
    expect(latencies[Math.floor(latencies.length / 2)]).toBeLessThan(ALLOWED_MS / 5);
    expect(latencies[latencies.length - 1]).toBeLessThan(ALLOWED_MS);
  });

  it('adds a level below the lattice: the cycle check on the write does not walk the routes above it', async () => {
    const started = performance.now();
    const answer = await post(
      `mutation { upsertOwnership(input: { id: "lat-own-24aa", kind: SUBSIDIARY, child: "lat-23b", parent: "lat-22a", since: { on: "2021-01-01" }, sources: [{ source: "lat-src" }] }) { id } }`,
      {},
      'lattice-token-0123456789',
    );
    expect(answer.body.errors).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(ALLOWED_MS);
    const refused = await post(
      `mutation { upsertOwnership(input: { id: "lat-own-back", kind: SUBSIDIARY, child: "lat-0a", parent: "lat-23a", sources: [{ source: "lat-src" }] }) { id } }`,
      {},
      'lattice-token-0123456789',
    );
    expect(refused.body.errors[0].message).toMatch(/ownership cycle/);
  });
});
