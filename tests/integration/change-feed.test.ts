import WebSocket from 'ws';
import { pruneChanges } from '../../src/changes/retention';
import { ChangeSubscriber, CHANGE_FIELDS, waitFor } from '../helpers/change-subscriber';
import { openTestGraph, testNeo4j, TestGraph } from '../helpers/graph';
import { ServiceProcess } from '../helpers/service-process';
import { runCli, startCli } from '../helpers/cli';

/**
 * The change feed as analysts follow it: two API processes on one Neo4j, writes through either, and
 * subscribers over WebSocket that drop and resume on the other process. Each test reads only the
 * changes about its own organizations (cf-*), so the rest of the suite's writes do not disturb it.
 */
const WRITER = 'change-feed-writer-0123456789';
const WATCHER = 'change-feed-watcher-0123456789';
const LIMITED = 'change-feed-limited-0123456789';
const RESUMER = 'change-feed-resumer-0123456789';
const FAMILY = { organizations: ['cf-root'], includeFamily: true };

let db: TestGraph;
const services: ServiceProcess[] = [];
let urls: string[] = [];

function startService(): ServiceProcess {
  const n = testNeo4j();
  const service = new ServiceProcess({
    NEO4J_URI: n.uri,
    NEO4J_PASSWORD: n.password,
    PORT: '0',
    API_KEYS: `writer:${WRITER},watcher:${WATCHER},limited:${LIMITED},resumer:${RESUMER}`,
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0',
    CHANGE_SUBSCRIPTIONS_PER_KEY: '3',
    SEED_ON_EMPTY: 'false',
    // The load test queues 16 writers on two employers' locks: a loaded machine needs a longer wait than the default.
    NEO4J_TX_TIMEOUT_MS: '60000',
  });
  services.push(service);
  return service;
}

const wsOf = (url: string) => url.replace(/^http/, 'ws');

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

async function data(url: string, query: string, variables: Record<string, unknown> = {}, token = WRITER): Promise<any> {
  const { body } = await post(url, query, variables, token);
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const CHANGES = `query($after: String, $filter: ChangeFilterInput, $first: Int) {
  changes(after: $after, first: $first, filter: $filter) { nodes { ${CHANGE_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;

/** Every change after `after` that passes `filter`, paging through the feed as a notebook would. */
async function allChanges(url: string, after: string | null, filter: Record<string, unknown> | null = FAMILY): Promise<any[]> {
  const out: any[] = [];
  for (let cursor = after, more = true; more;) {
    const { changes } = await data(url, CHANGES, { after: cursor, filter, first: 100 });
    out.push(...changes.nodes);
    cursor = changes.pageInfo.endCursor;
    more = changes.pageInfo.hasNextPage;
  }
  return out;
}

/** The feed's end now: where a reader that wants only what comes next starts. */
async function feedEnd(url: string): Promise<string> {
  return (await data(url, '{ changeFeed { cursor } }')).changeFeed.cursor;
}

const UPSERT_ORG = 'mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { id } }';
const UPSERT_OWNERSHIP = 'mutation($i: OwnershipInput!) { upsertOwnership(input: $i) { id } }';
const UPSERT_LAYOFF = 'mutation($i: LayoffEventInput!) { upsertLayoffEvent(input: $i) { id } }';
const cited = [{ source: 'cf-src' }];
const org = (id: string, name: string) => ({ id, name, kind: 'COMPANY', sources: cited });
const layoff = (id: string, at: string, jobs: number) => ({
  id,
  organizations: [at],
  announced: { on: '2024-03-01' },
  headcount: { min: jobs, max: jobs },
  sources: cited,
});

beforeAll(async () => {
  db = openTestGraph();
  const [a, b] = [startService(), startService()];
  urls = await Promise.all([a.ready(), b.ready()]);
  await data(urls[0], 'mutation($i: SourceInput!) { upsertSource(input: $i) { id } }', {
    i: { id: 'cf-src', kind: 'NEWS_ARTICLE', title: 'Change feed test report', publishers: ['Example Wire'], published: { on: '2024-03-01' } },
  });
  for (const [id, name] of [
    ['cf-root', 'CF Root Holdings'],
    ['cf-sub', 'CF Subsidiary'],
    ['cf-leaf', 'CF Leaf Works'],
    ['cf-other', 'CF Unrelated'],
  ]) {
    await data(urls[0], UPSERT_ORG, { i: org(id, name) });
  }
  await data(urls[0], 'mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }', { i: { id: 'cf-person', name: 'Casey Feed', sources: cited } });
  await data(urls[0], UPSERT_OWNERSHIP, { i: { id: 'cf-own-sub', kind: 'SUBSIDIARY', child: 'cf-sub', parent: 'cf-root', sources: cited } });
  await data(urls[0], UPSERT_OWNERSHIP, { i: { id: 'cf-own-leaf', kind: 'SUBSIDIARY', child: 'cf-leaf', parent: 'cf-sub', sources: cited } });
}, 240000);

afterAll(async () => {
  for (const s of services) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await Promise.all(services.map((s) => s.exited));
  const session = db.driver.session();
  try {
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'cf-' DETACH DELETE n");
    await session.run("MATCH (d:Decision) WHERE d.subjectKey CONTAINS 'cf-' DETACH DELETE d");
    await session.run("MATCH (w:Watch) WHERE w.organization STARTS WITH 'cf-' DELETE w");
  } finally {
    await session.close();
  }
  await db.close();
});

describe('the change feed', () => {
  it('holds each committed write once, with only what changed, about the organizations it touches', async () => {
    const start = await feedEnd(urls[0]);
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-lay-1', 'cf-leaf', 10) });
    await data(urls[1], UPSERT_LAYOFF, { i: layoff('cf-lay-1', 'cf-leaf', 10) }); // the same again: no change
    await data(urls[1], UPSERT_LAYOFF, { i: layoff('cf-lay-1', 'cf-leaf', 12) });
    const changes = await allChanges(urls[0], start);
    expect(changes.map((c) => [c.kind, c.factId, c.factType, c.by])).toEqual([
      ['CREATED', 'cf-lay-1', 'LayoffEvent', 'writer'],
      ['UPDATED', 'cf-lay-1', 'LayoffEvent', 'writer'],
    ]);
    const [created, updated] = changes;
    expect(created.before).toBeNull();
    expect(created.after).toEqual({ relations: ['AT_ORGANIZATION cf-leaf'], sources: ['cf-src'] });
    expect(created.organizations).toEqual(['cf-leaf']);
    expect(created.sourceKinds).toEqual(['NEWS_ARTICLE']);
    // Only the headcount differs: before and after say so and nothing else.
    expect(Object.keys(updated.after).length).toBeGreaterThan(0);
    expect(Object.keys(updated.after).every((k) => k.startsWith('headcount'))).toBe(true);
    expect(Object.values(updated.before)).toContain(10);
    expect(Object.values(updated.after)).toContain(12);
    expect(updated.sequence).toBeGreaterThan(created.sequence);
    // Without the family, the root's own changes only: the leaf's layoff is not among them.
    expect(await allChanges(urls[0], start, { organizations: ['cf-root'] })).toEqual([]);
    expect((await allChanges(urls[0], start, { organizations: ['cf-leaf'] })).length).toBe(2);
  });

  it("numbers one fact's writes in the order they committed, however many wait to be numbered together", async () => {
    const start = await feedEnd(urls[0]);
    // Nobody follows the feed now, so these writes wait unnumbered until the read below numbers them in one round.
    for (let jobs = 1; jobs <= 30; jobs += 1) await data(urls[jobs % 2], UPSERT_LAYOFF, { i: layoff('cf-order', jobs % 3 ? 'cf-leaf' : 'cf-sub', jobs) });
    const changes = await allChanges(urls[0], start);
    expect(changes.map((c) => c.kind)).toEqual(['CREATED', ...Array(29).fill('UPDATED')]);
    const headcounts = changes.slice(1).map((c) => [c.before.headcountMin, c.after.headcountMin]);
    expect(headcounts).toEqual(Array.from({ length: 29 }, (_, k) => [k + 1, k + 2]));
  });

  it('holds nothing of a write that was refused or rolled back', async () => {
    const start = await feedEnd(urls[0]);
    const unknownSource = await post(
      urls[0],
      UPSERT_LAYOFF,
      { i: { ...layoff('cf-lay-bad', 'cf-leaf', 5), sources: [{ source: 'cf-no-such-source' }] } },
      WRITER,
    );
    expect(unknownSource.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const taken = await post(urls[1], UPSERT_ORG, { i: org('cf-person', 'Not A Person') }, WRITER);
    expect(taken.body.errors[0].extensions.code).toBe('CONFLICT');
    // Written, then found to make a cycle, then rolled back with everything else of its transaction.
    const cycle = await post(
      urls[0],
      UPSERT_OWNERSHIP,
      { i: { id: 'cf-own-cycle', kind: 'SUBSIDIARY', child: 'cf-root', parent: 'cf-leaf', sources: cited } },
      WRITER,
    );
    expect(cycle.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await allChanges(urls[0], start, null)).toEqual([]);
  });

  it('holds one change for a merge and one for its split', async () => {
    await data(urls[0], UPSERT_ORG, { i: org('cf-dup', 'CF Unrelated Inc') });
    const start = await feedEnd(urls[0]);
    await data(urls[0], 'mutation { mergeEntities(survivorId: "cf-other", absorbedId: "cf-dup") { moved } }');
    await data(urls[1], 'mutation { splitEntity(id: "cf-dup") { __typename } }');
    const changes = await allChanges(urls[0], start, { organizations: ['cf-other'] });
    expect(changes.map((c) => [c.kind, c.factId])).toEqual([
      ['MERGED', 'cf-dup'],
      ['SPLIT', 'cf-dup'],
    ]);
    expect(changes[0].after).toMatchObject({ redirectsTo: 'cf-other' });
    expect(changes[1].before).toEqual({ redirectsTo: 'cf-other' });
  });

  it('filters by fact type, kind of change and source kind', async () => {
    const start = await feedEnd(urls[0]);
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-lay-2', 'cf-sub', 7) });
    await data(urls[0], 'mutation { cite(fact: "cf-lay-2", sources: [{ source: "src-twitch-blog-2024-01", quote: "more cuts" }]) { source { id } } }');
    expect((await allChanges(urls[0], start, { ...FAMILY, kinds: ['CITED'] })).map((c) => c.factId)).toEqual(['cf-lay-2']);
    expect((await allChanges(urls[0], start, { ...FAMILY, factTypes: ['ORGANIZATION'] })).length).toBe(0);
    const blog = await allChanges(urls[0], start, { ...FAMILY, sourceKinds: ['BLOG_POST'] });
    expect(blog.map((c) => c.kind)).toEqual(['CITED']);
    expect(blog[0].after.sources).toEqual(['cf-src', 'src-twitch-blog-2024-01']);
  });

  it('keeps a watch list per API key, which the feed filters by', async () => {
    const anonymous = await post(urls[0], 'mutation { watch(organization: "cf-sub") { organization } }');
    expect(anonymous.status).toBe(401);
    expect((await post(urls[0], '{ watches { organization } }')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await post(urls[0], 'mutation { watch(organization: "cf-nothing") { organization } }', {}, WATCHER);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await data(urls[0], 'mutation { watch(organization: "cf-sub", includeFamily: true) { organization } }', {}, WATCHER);
    expect((await data(urls[1], '{ watches { organization includeFamily } }', {}, WATCHER)).watches).toEqual([{ organization: 'cf-sub', includeFamily: true }]);
    expect((await data(urls[1], '{ watches { organization } }', {}, WRITER)).watches).toEqual([]);
    const start = await feedEnd(urls[0]);
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-lay-3', 'cf-leaf', 3) });
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-lay-4', 'cf-other', 4) });
    const { changes } = await data(urls[1], CHANGES, { after: start, filter: { watched: true }, first: 50 }, WATCHER);
    expect(changes.nodes.map((c: any) => c.factId)).toEqual(['cf-lay-3']);
    expect((await data(urls[0], 'mutation { unwatch(organization: "cf-sub") }', {}, WATCHER)).unwatch).toBe(true);
    expect((await data(urls[0], 'mutation { unwatch(organization: "cf-sub") }', {}, WATCHER)).unwatch).toBe(false);
  });

  it('delivers 1,000 concurrent writes on two processes to three subscribers exactly once, in commit order, one of them resuming elsewhere', async () => {
    const start = await feedEnd(urls[0]);
    const subscribers = [new ChangeSubscriber(WATCHER, FAMILY), new ChangeSubscriber(WATCHER, FAMILY), new ChangeSubscriber(WATCHER, FAMILY)];
    await subscribers[0].start(wsOf(urls[0]), start);
    await subscribers[1].start(wsOf(urls[1]), start);
    await subscribers[2].start(wsOf(urls[0]), start);

    // Mixed writes: creates and updates of 50 notices (concurrent writers of one id queue on its lock),
    // and writes that fail before (an unknown source), at (an id taken) and after writing (a cycle).
    type Outcome = { id: string; ok: boolean; codes: string[] };
    const write = async (i: number): Promise<Outcome> => {
      const url = urls[i % 2];
      const kind = i % 10;
      let id: string;
      let answer;
      if (kind < 7) answer = await post(url, UPSERT_LAYOFF, { i: layoff((id = `cf-load-${i % 50}`), i % 3 ? 'cf-leaf' : 'cf-sub', 1000 + i) }, WRITER);
      else if (kind === 7)
        answer = await post(url, UPSERT_LAYOFF, { i: { ...layoff((id = `cf-load-bad-${i}`), 'cf-leaf', i), sources: [{ source: 'cf-missing' }] } }, WRITER);
      else if (kind === 8) answer = await post(url, UPSERT_ORG, { i: org((id = 'cf-person'), `Taken ${i}`) }, WRITER);
      else
        answer = await post(
          url,
          UPSERT_OWNERSHIP,
          { i: { id: (id = `cf-load-cycle-${i}`), kind: 'SUBSIDIARY', child: 'cf-root', parent: 'cf-leaf', sources: cited } },
          WRITER,
        );
      return { id, ok: !answer.body.errors, codes: (answer.body.errors ?? []).map((e: any) => `${e.extensions?.code}: ${e.message}`) };
    };
    const outcomes: Outcome[] = [];
    let next = 0;
    let resumed = false;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 1000) {
          const i = next++;
          outcomes.push(await write(i));
          if (i === 400 && !resumed) {
            // The third subscriber loses its connection mid-load and resumes from its cursor on the other process.
            resumed = true;
            await subscribers[2].disconnect();
            await subscribers[2].start(wsOf(urls[1]), subscribers[2].cursor ?? start);
          }
        }
      }),
    );
    const succeeded = outcomes.filter((o) => o.ok);
    console.log(
      (services[0].output + services[1].output)
        .split('\n')
        .filter((l) => l.includes('DEADLOCK'))
        .slice(0, 4)
        .join('\n'),
    );
    // All writes of one employer queue on its lock, so on a loaded machine a write may wait past the
    // transaction timeout: Neo4j rolls it back and the client hears QUERY_TIMEOUT. That is a refusal
    // like the others, and the feed must hold nothing of it; any other failure of a good write is a defect.
    const timedOut = outcomes.filter((o) => !o.ok && /^cf-load-\d+$/.test(o.id));
    expect(timedOut.filter((o) => !o.codes.every((c) => c.startsWith('QUERY_TIMEOUT:')))).toEqual([]);
    expect(succeeded.length + timedOut.length).toBe(700);
    expect(timedOut.length).toBeLessThan(350);
    expect(outcomes.filter((o) => !o.ok).every((o) => o.id.startsWith('cf-load-bad') || o.id === 'cf-person' || o.id.startsWith('cf-load-cycle'))).toBe(true);

    const committed = (await allChanges(urls[0], start)).filter((c) => c.factId.startsWith('cf-load-'));
    // Every successful write changed its notice's headcount: one change each, none for a failed write.
    expect(committed.length).toBe(succeeded.length);
    expect(committed.every((c) => /^cf-load-\d+$/.test(c.factId))).toBe(true);
    const sequences = committed.map((c) => c.sequence);
    expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
    // Writes of one notice are in the order they committed: each update's before is the update before it's after.
    const headcountOf = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('headcount')));
    let chained = 0;
    for (const id of new Set(committed.map((c) => c.factId))) {
      const updates = committed.filter((c) => c.factId === id && c.kind === 'UPDATED');
      for (let k = 1; k < updates.length; k += 1) {
        expect(Object.keys(headcountOf(updates[k].before)).length).toBeGreaterThan(0);
        expect([id, k, headcountOf(updates[k].before)]).toEqual([id, k, headcountOf(updates[k - 1].after)]);
        chained += 1;
      }
    }
    expect(chained).toBeGreaterThan(committed.length / 2);

    for (const s of subscribers) expect(await waitFor(() => s.received.length >= committed.length, 60000)).toBe(true);
    for (const s of subscribers) {
      expect(s.errors).toEqual([]);
      expect(s.received.map((c) => c.sequence)).toEqual(sequences);
      await s.disconnect();
    }
    const latencies = [...subscribers[0].received, ...subscribers[1].received].map((c) => c.receivedAt - Date.parse(c.at)).sort((x, y) => x - y);
    const p50 = latencies[Math.floor(latencies.length / 2)];
    console.log(
      `change feed: ${committed.length} changes to 3 subscribers; delivery latency p50 ${p50} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]} ms`,
    );
    expect(p50).toBeLessThan(1000);
  }, 300000);

  it('never holds writers for a subscriber that stops reading, which then catches up with nothing lost', async () => {
    const start = await feedEnd(urls[0]);
    // A raw graphql-ws client whose socket stops reading once subscribed: the server's sends back up.
    const socket = new WebSocket(wsOf(urls[0]), 'graphql-transport-ws');
    const messages: any[] = [];
    socket.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${RESUMER}` } }));
    expect(await waitFor(() => messages.some((m) => m.type === 'connection_ack'), 10000)).toBe(true);
    const query = `subscription($after: String, $filter: ChangeFilterInput) { changes(after: $after, filter: $filter) { sequence factId after } }`;
    socket.send(JSON.stringify({ id: 'slow', type: 'subscribe', payload: { query, variables: { after: start, filter: FAMILY } } }));
    (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const started = Date.now();
    for (let i = 0; i < 200; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          data(urls[1], UPSERT_LAYOFF, {
            i: { ...layoff(`cf-slow-${(i + j) % 40}`, 'cf-leaf', 5000 + i + j), description: `a long account of the cuts ${'and their reasons '.repeat(100)}` },
          }),
        ),
      );
    }
    const writing = Date.now() - started;
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const delivered = () => messages.filter((m) => m.type === 'next' && m.id === 'slow');
    expect(await waitFor(() => delivered().length >= 200, 60000)).toBe(true);
    const sequences = delivered().map((m) => m.payload.data.changes.sequence);
    expect(sequences).toEqual([...new Set(sequences)].sort((a, b) => a - b));
    expect(sequences.length).toBe(200);
    socket.close();
    console.log(`change feed: 200 writes in ${writing} ms while a subscriber read nothing`);
  }, 180000);

  it('lets a subscriber of a killed process resume from its cursor on a new one with nothing lost', async () => {
    const start = await feedEnd(urls[0]);
    const subscriber = new ChangeSubscriber(RESUMER, FAMILY);
    await subscriber.start(wsOf(urls[1]), start);
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-kill-1', 'cf-leaf', 1) });
    expect(await waitFor(() => subscriber.received.length === 1, 30000)).toBe(true);
    services[1].child.kill('SIGKILL');
    await services[1].exited;
    expect(await waitFor(() => subscriber.closed !== undefined, 30000)).toBe(true);
    // Written while the subscriber has no process to listen to.
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-kill-2', 'cf-leaf', 2) });
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-kill-3', 'cf-sub', 3) });
    const replacement = startService();
    urls[1] = await replacement.ready();
    await subscriber.start(wsOf(urls[1]));
    await data(urls[1], UPSERT_LAYOFF, { i: layoff('cf-kill-4', 'cf-root', 4) });
    expect(await waitFor(() => subscriber.received.length === 4, 30000)).toBe(true);
    expect(subscriber.received.map((c) => c.factId)).toEqual(['cf-kill-1', 'cf-kill-2', 'cf-kill-3', 'cf-kill-4']);
    expect(subscriber.errors).toEqual([]);
    await subscriber.disconnect();
  }, 240000);

  it('counts subscriptions per key across processes, and frees a slot when one ends', async () => {
    const held = [new ChangeSubscriber(LIMITED, null), new ChangeSubscriber(LIMITED, null), new ChangeSubscriber(LIMITED, null)];
    // From a cursor, not from now: a subscription is set up after its socket connects, and a write in
    // between would come before its "now".
    const from = await feedEnd(urls[0]);
    await held[0].start(wsOf(urls[0]), from);
    await held[1].start(wsOf(urls[1]), from);
    await held[2].start(wsOf(urls[0]), from);
    // Each holds its slot once its subscription runs: a change reaching all three shows they do.
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-slot', 'cf-leaf', 1) });
    expect(await waitFor(() => held.every((s) => s.received.length > 0), 30000)).toBe(true);
    const refused = new ChangeSubscriber(LIMITED, null);
    await refused.start(wsOf(urls[1]));
    expect(await waitFor(() => refused.errors.length > 0, 30000)).toBe(true);
    expect(refused.errors[0].extensions?.code).toBe('SUBSCRIPTION_LIMIT');
    await refused.disconnect();
    await held[0].disconnect();
    const again = new ChangeSubscriber(LIMITED, null);
    let granted = false;
    // The slot comes free once the process has seen the socket close and released its lease.
    for (const deadline = Date.now() + 30000; !granted && Date.now() < deadline;) {
      await again.start(wsOf(urls[1]), await feedEnd(urls[0]));
      await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-slot', 'cf-leaf', 2 + (Date.now() % 100000)) });
      granted = await waitFor(() => again.received.length > 0 || again.errors.length > 0, 30000).then(() => again.received.length > 0);
      if (!granted) {
        again.errors = [];
        await again.disconnect();
      }
    }
    if (!granted) {
      const session = db.driver.session();
      const leases = await session.run(
        "MATCH (:FeedSubscriber {key: 'key:limited'})-[:HOLDS]->(l) RETURN l.id AS id, toString(l.expiresAt) AS until, toString(datetime.realtime()) AS now",
      );
      await session.close();
      console.log(JSON.stringify({ errors: again.errors, closed: again.closed, leases: leases.records.map((r) => r.toObject()) }));
    }
    expect(granted).toBe(true);
    for (const s of [again, held[1], held[2]]) await s.disconnect();
  }, 120000);

  it('refuses what it cannot serve with a clear error: a subscription over HTTP, a bad token, a query over WebSocket', async () => {
    const overHttp = await post(urls[0], 'subscription { changes { sequence } }', {}, WATCHER);
    expect(overHttp.status).toBeGreaterThanOrEqual(400);
    expect(overHttp.status).toBeLessThan(500);
    const badToken = new ChangeSubscriber('not-the-token-at-all-xxxx', null);
    await badToken.start(wsOf(urls[0])).catch(() => undefined);
    expect(await waitFor(() => badToken.closed !== undefined, 10000)).toBe(true);
    expect(badToken.closed!.code).toBe(4403);
    // A query over WebSocket: an error that says where to send it, the connection stays open.
    const socket = new WebSocket(wsOf(urls[0]), 'graphql-transport-ws');
    const messages: any[] = [];
    socket.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(await waitFor(() => messages.some((m) => m.type === 'connection_ack'), 10000)).toBe(true);
    socket.send(JSON.stringify({ id: 'q', type: 'subscribe', payload: { query: '{ changeFeed { newest } }' } }));
    expect(await waitFor(() => messages.some((m) => m.type === 'error'), 10000)).toBe(true);
    expect(messages.find((m) => m.type === 'error').payload[0].message).toMatch(/only subscriptions.*over HTTP/);
    socket.close();
  });

  it('prints changes as they commit with corpgraph watch, and refuses a bad token', async () => {
    const watcher = startCli(['watch', '--url', urls[0], '--token', WATCHER, '--org', 'cf-root', '--family', '--kind', 'CREATED', '--kind', 'UPDATED'], {
      CORPGRAPH_URL: '',
    });
    let stdout = '';
    watcher.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      // The watch follows from now: write until the first line shows it is listening, then once more.
      for (let jobs = 1; !stdout.includes('cf-cli'); jobs += 1) {
        await data(urls[1], UPSERT_LAYOFF, { i: layoff('cf-cli', 'cf-leaf', jobs) });
        await waitFor(() => stdout.includes('cf-cli'), 2000);
      }
      await data(urls[1], UPSERT_LAYOFF, { i: layoff('cf-cli-2', 'cf-sub', 77) });
      expect(await waitFor(() => stdout.includes('cf-cli-2'), 30000)).toBe(true);
      expect(stdout).toMatch(/^#\d+ \d{4}-\d\d-\d\dT[\d:]+Z (CREATED|UPDATED) LayoffEvent cf-cli \[cf-leaf\] by writer/m);
      expect(stdout).toMatch(/CREATED LayoffEvent cf-cli-2 \[cf-sub\] by writer/);
    } finally {
      watcher.child.kill('SIGINT');
      await watcher.done;
    }
    const refused = await runCli(['watch', '--url', urls[0], '--token', 'not-the-token-at-all-xxxx'], { CORPGRAPH_URL: '' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused the token/);
    // Two CLI processes start beside two services and a Neo4j: past two minutes once, on a machine with both cores busy.
  }, 300000);

  it('tells a reader whose cursor fell behind retention, over HTTP (410) and on its subscription, instead of skipping', async () => {
    const start = await feedEnd(urls[0]);
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-old-1', 'cf-leaf', 1) });
    await data(urls[0], UPSERT_LAYOFF, { i: layoff('cf-old-2', 'cf-leaf', 2) });
    // Retention keeps the newest change only: the two after `start` are among those pruned.
    expect(await pruneChanges(db.graph, { retentionDays: 3650, retentionCount: 1 })).toBeGreaterThan(0);
    const expired = await post(urls[0], CHANGES, { after: start, filter: FAMILY }, WATCHER);
    expect(expired.status).toBe(410);
    expect(expired.body.errors[0].extensions.code).toBe('CHANGES_EXPIRED');
    const late = new ChangeSubscriber(RESUMER, FAMILY);
    await late.start(wsOf(urls[1]), start);
    expect(await waitFor(() => late.errors.length > 0, 30000)).toBe(true);
    expect(late.errors[0].extensions?.code).toBe('CHANGES_EXPIRED');
    expect(late.received).toEqual([]);
    await late.disconnect();
    // From the oldest kept (no cursor), reading goes on.
    expect((await post(urls[0], CHANGES, { filter: FAMILY }, WATCHER)).body.errors).toBeUndefined();
  });
});
