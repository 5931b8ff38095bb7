import { codes, keepLinkCitations, openTestGraph, testConfig, TestApi, TestGraph, WRITER } from '../helpers/graph';

let db: TestGraph;
let api: TestApi;
const TOKEN = 'test-writer-token-0123456789';

beforeAll(() => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ API_KEYS: `ci:${TOKEN}` }));
});
afterAll(async () => {
  const session = db.driver.session();
  await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'mx-' DETACH DELETE n");
  await session.run("MATCH ()-[l:SUBSIDIARY_OF]->() WHERE l.id STARTS WITH 'mx-' DELETE l");
  await session.close();
  await keepLinkCitations(db, 'own-twitch-amazon');
  await api.stop();
  await db.close();
});

async function graphState(): Promise<string> {
  const session = db.driver.session();
  try {
    const r = await session.run('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, collect(DISTINCT n.id)[0..0] AS x');
    return `${r.records[0].get('n')}/${r.records[0].get('r')}`;
  } finally {
    await session.close();
  }
}

const UPSERT_LAYOFF = `mutation($input: LayoffEventInput!, $newSources: [SourceInput!]) {
  upsertLayoffEvent(input: $input, newSources: $newSources) {
    id announced { earliest latest text } headcount { low high qualifier } organizations { id } sources { quote source { id title } }
  }
}`;
const SOURCE = { id: 'mx-src-1', kind: 'NEWS_ARTICLE', title: 'Follow-up report', publishers: ['Example Wire'], published: { on: '2024-02-15' } };
const LAYOFF = {
  id: 'mx-layoff-1',
  organizations: ['twitch'],
  announced: { text: 'last month' },
  headcount: { min: 30, max: 40, text: 'dozens' },
  sources: [{ source: 'mx-src-1', quote: 'dozens more roles' }],
};

describe('mutations', () => {
  it('need a bearer token: without one they get UNAUTHENTICATED and the graph is unchanged', async () => {
    const before = await graphState();
    const answer = await api.execute(UPSERT_LAYOFF, { input: LAYOFF, newSources: [SOURCE] });
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(await graphState()).toBe(before);
  });

  it('check the token over HTTP in constant time, and accept the configured one', async () => {
    const port = await api.listen();
    const post = (auth?: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ query: 'mutation($i: SourceInput!) { upsertSource(input: $i) { id } }', variables: { i: { ...SOURCE, id: 'mx-src-http' } } }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const wrong = await post('Bearer not-the-token-at-all-xxxx');
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(wrong.body)).not.toContain(TOKEN);
    const right = await post(`Bearer ${TOKEN}`);
    expect(right.body).toEqual({ data: { upsertSource: { id: 'mx-src-http' } } });
  });

  it('create a fact with a new source in one transaction, resolve relative dates, and return it as stored', async () => {
    const data = await api.data(UPSERT_LAYOFF, { input: LAYOFF, newSources: [SOURCE] }, WRITER);
    expect(data.upsertLayoffEvent).toEqual({
      id: 'mx-layoff-1',
      announced: { earliest: '2024-01-01', latest: '2024-01-31', text: 'last month' },
      headcount: { low: 30, high: 40, qualifier: 'RANGE' },
      organizations: [{ id: 'twitch' }],
      sources: [{ quote: 'dozens more roles', source: { id: 'mx-src-1', title: 'Follow-up report' } }],
    });
  });

  it('are idempotent by id: the same input twice leaves one fact', async () => {
    await api.data(UPSERT_LAYOFF, { input: LAYOFF, newSources: [SOURCE] }, WRITER);
    const state = await graphState();
    await api.data(UPSERT_LAYOFF, { input: LAYOFF, newSources: [SOURCE] }, WRITER);
    expect(await graphState()).toBe(state);
  });

  it.each([
    [
      'earliest after latest',
      { ...LAYOFF, id: 'mx-bad-1', announced: { earliest: '2024-02-01', latest: '2024-01-01' } },
      /input\.announced: earliest \(2024-02-01\) is after latest/,
      'input.announced',
    ],
    ['min above max', { ...LAYOFF, id: 'mx-bad-2', headcount: { min: 50, max: 10 } }, /input\.headcount: min \(50\) is above max \(10\)/, 'input.headcount'],
    ['a negative count', { ...LAYOFF, id: 'mx-bad-3', headcount: { value: -5 } }, /input\.headcount\.value: must not be negative/, 'input.headcount.value'],
    ['a share outside 0..1', { ...LAYOFF, id: 'mx-bad-4', shareOfWorkforce: 35 }, /input\.shareOfWorkforce: must be between 0 and 1/, 'input.shareOfWorkforce'],
    ['an id that is not a slug', { ...LAYOFF, id: 'Bad Id!' }, /input\.id: must be a lower-case slug/, 'input.id'],
    [
      'an unknown organization',
      { ...LAYOFF, id: 'mx-bad-5', organizations: ['no-such-co'] },
      /input\.organizations: at organization "no-such-co" is not a known Organization/,
      'input.organizations',
    ],
    ['no source at all', { ...LAYOFF, id: 'mx-bad-6', sources: [] }, /input\.sources: every fact cites at least one source/, 'input.sources'],
    [
      'an unknown source',
      { ...LAYOFF, id: 'mx-bad-7', announced: { on: '2024-01' }, sources: [{ source: 'mx-src-none' }] },
      /cited source "mx-src-none" is not a known Source/,
      'input.sources',
    ],
  ])('refuse %s with BAD_USER_INPUT naming the field, writing nothing', async (_what, input, message, field) => {
    const before = await graphState();
    const answer = await api.execute(UPSERT_LAYOFF, { input }, WRITER);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toMatch(message);
    expect(answer.errors![0].extensions!.argument).toBe(field);
    expect(await graphState()).toBe(before);
  });

  it('refuse a currency that is not ISO 4217', async () => {
    const answer = await api.execute(
      'mutation($i: AcquisitionInput!) { upsertAcquisition(input: $i) { id } }',
      {
        i: {
          id: 'mx-acq',
          acquirer: 'amazon',
          target: 'netflix',
          status: 'ANNOUNCED',
          price: { amount: 1, currency: 'DOLLARS' },
          sources: [{ source: 'mx-src-1' }],
        },
      },
      WRITER,
    );
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toMatch(/input\.price\.currency: must be an ISO 4217 code/);
  });

  it('refuse an ownership that would make a company its own ancestor, leaving the graph as it was', async () => {
    const before = await graphState();
    const answer = await api.execute(
      'mutation($i: OwnershipInput!) { upsertOwnership(input: $i) { id } }',
      { i: { id: 'mx-own-cycle', kind: 'SUBSIDIARY', child: 'amazon', parent: 'mgm', sources: [{ source: 'mx-src-1' }] } },
      WRITER,
    );
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toMatch(/would make amazon its own ancestor/);
    expect(await graphState()).toBe(before);
  });

  it('write an ownership link and return it with its acquisition', async () => {
    const data = await api.data(
      `mutation($org: OrganizationInput!, $own: OwnershipInput!) {
        a: upsertOrganization(input: $org) { id kind }
        b: upsertOwnership(input: $own) { id kind parent { id } child { id } since { earliest } sources { quote } }
      }`,
      {
        org: { id: 'mx-studio', name: 'MX Studio', kind: 'COMPANY', sources: [{ source: 'mx-src-1' }] },
        own: {
          id: 'mx-own-studio',
          kind: 'SUBSIDIARY',
          child: 'mx-studio',
          parent: 'mgm',
          since: { on: '2024-02' },
          sources: [{ source: 'mx-src-1', quote: 'now part of MGM' }],
        },
      },
      WRITER,
    );
    expect(data.b).toEqual({
      id: 'mx-own-studio',
      kind: 'SUBSIDIARY',
      parent: { id: 'mgm' },
      child: { id: 'mx-studio' },
      since: { earliest: '2024-02-01' },
      sources: [{ quote: 'now part of MGM' }],
    });
    const chain = await api.data('{ company(id: "mx-studio") { ultimateParent { id } } }');
    expect(chain.company.ultimateParent.id).toBe('amazon');
  });

  it('attach citations to any fact, a parent link included', async () => {
    const data = await api.data(
      'mutation { cite(fact: "own-twitch-amazon", sources: [{ source: "mx-src-1", quote: "Amazon-owned Twitch", locator: "p. 2" }]) { quote locator source { id } } }',
      {},
      WRITER,
    );
    expect(data.cite.map((c: any) => c.source.id)).toEqual(['src-news-amazon-layoffs-2024-01', 'mx-src-1']);
    // The locator stays with its own source on the link (the link's lists stay parallel).
    expect(data.cite.map((c: any) => c.locator ?? null)).toEqual([null, 'p. 2']);
    const unknown = await api.execute('mutation { cite(fact: "nope", sources: [{ source: "mx-src-1" }]) { quote } }', {}, WRITER);
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
  });

  it("cite keeps a link's sources, quotes and locators in step, even where an older write left them out of step", async () => {
    const session = db.driver.session();
    try {
      // A link as a careless edit could leave it: three locators for one source.
      await session.run(
        "MATCH ()-[l:SUBSIDIARY_OF {id: 'own-twitch-amazon'}]->() SET l.sourceIds = l.sourceIds[0..1], l.quotes = l.quotes[0..1], l.locators = ['', 'stale', 'stale']",
      );
      const data = await api.data(
        `mutation { cite(fact: "own-twitch-amazon", sources: [
           { source: "mx-src-1", quote: "Amazon-owned Twitch", locator: "p. 2" },
           { source: "src-twitch-blog-2024-01", locator: "para. 1" },
           { source: "mx-src-1", quote: "a second time" }
         ]) { quote locator source { id } } }`,
        {},
        WRITER,
      );
      expect(data.cite.map((c: any) => [c.source.id, c.quote ?? null, c.locator ?? null])).toEqual([
        ['src-news-amazon-layoffs-2024-01', 'its subsidiary, Twitch', null],
        ['mx-src-1', 'Amazon-owned Twitch', 'p. 2'],
        ['src-twitch-blog-2024-01', null, 'para. 1'],
      ]);
      const [row] = (
        await session.run("MATCH ()-[l:SUBSIDIARY_OF {id: 'own-twitch-amazon'}]->() RETURN size(l.sourceIds) AS s, size(l.quotes) AS q, size(l.locators) AS l")
      ).records;
      expect([row.get('s'), row.get('q'), row.get('l')].map(Number)).toEqual([3, 3, 3]);
    } finally {
      await session.close();
      await keepLinkCitations(db, 'own-twitch-amazon');
    }
  });
});

describe('reads', () => {
  it('are open by default, and need a token when REQUIRE_AUTH_FOR_READS is on', async () => {
    const strict = new TestApi(db.graph, testConfig({ API_KEYS: `ci:${TOKEN}`, REQUIRE_AUTH_FOR_READS: 'true' }));
    try {
      expect(codes(await strict.execute('{ company(id: "amazon") { id } }'))).toEqual(['UNAUTHENTICATED']);
      expect((await strict.data('{ company(id: "amazon") { id } }', {}, WRITER)).company.id).toBe('amazon');
    } finally {
      await strict.stop();
    }
  });
});
