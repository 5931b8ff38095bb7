import { codes, useTestApi } from '../helpers/graph';

const fixture = useTestApi();

describe('what analysts ask of the seed graph', () => {
  it('answers the first query: Amazon by id', async () => {
    expect(await fixture.api.data('{ company(id: "amazon") { id name } }')).toEqual({ company: { id: 'amazon', name: 'Amazon' } });
  });

  it('says what Amazon paid for Twitch, and who says so', async () => {
    const data = await fixture.api.data(`{
      company(id: "twitch") {
        acquiredBy {
          acquirer { id }
          price { value currency text qualifier }
          completed { earliest latest precision }
          sources { quote source { title publishers authors } }
          claims(property: "price") { rank quantity { value qualifier text } sources { quote } }
        }
      }
    }`);
    const [acquisition] = data.company.acquiredBy;
    expect(acquisition.acquirer.id).toBe('amazon');
    expect(acquisition.price).toEqual({ value: 970000000, currency: 'USD', text: '$970 million', qualifier: 'EXACT' });
    expect(acquisition.completed).toEqual({ earliest: '2014-01-01', latest: '2014-12-31', precision: 'YEAR' });
    expect(acquisition.sources[0].quote).toContain('$970 million');
    expect(acquisition.sources[0].source.publishers).toContain('The Associated Press');
    expect(acquisition.claims.map((c: any) => [c.rank, c.quantity.text])).toEqual([
      ['PREFERRED', '$970 million'],
      ['NORMAL', 'close to $1 billion'],
    ]);
  });

  it('lists which organizations cut jobs in January 2024, with headcounts as stated', async () => {
    const data = await fixture.api.data(`{
      layoffEvents(filter: { announced: { from: "2024-01-01", to: "2024-01-31" } }, orderBy: { field: HEADCOUNT, direction: DESC }) {
        nodes { id organizations { id } headcount { low high qualifier text } shareOfWorkforce announcedBy { name } channels }
      }
    }`);
    const events = data.layoffEvents.nodes;
    expect(events.map((e: any) => e.id)).toEqual(['layoff-2024-01-twitch', 'layoff-2024-01-prime-video-amazon-mgm-studios']);
    expect(events[0]).toMatchObject({
      headcount: { low: 501, high: null, qualifier: 'MORE_THAN', text: 'just over 500' },
      shareOfWorkforce: 0.35,
      announcedBy: { name: 'Dan Clancy' },
    });
    expect(events[0].channels).toEqual(['EMAIL', 'BLOG_POST']);
    expect(events[1].organizations.map((o: any) => o.id).sort()).toEqual(['amazon-mgm-studios', 'prime-video']);
  });

  it('includes events that only possibly fall in the window when asked to', async () => {
    const data = await fixture.api.data(`{ layoffEvents(filter: { announced: { from: "2024-01-01", to: "2024-01-31", match: POSSIBLE } }) { nodes { id } } }`);
    expect(data.layoffEvents.nodes.map((e: any) => e.id)).toEqual(
      expect.arrayContaining(['layoff-2023-alexa', 'layoff-2023-amazon-music', 'layoff-2024-01-twitch']),
    );
  });

  it('keeps both statements of when the MGM deal closed, the preferred one first', async () => {
    const data = await fixture.api.data(`{
      acquisition(id: "acq-amazon-mgm") {
        completed { earliest }
        claims(property: "completed") { rank date { earliest latest text } sources { source { publishers } } }
      }
    }`);
    expect(data.acquisition.completed.earliest).toBe('2022-03-17');
    expect(data.acquisition.claims).toEqual([
      { rank: 'PREFERRED', date: { earliest: '2022-03-17', latest: '2022-03-17', text: null }, sources: [{ source: { publishers: ['Amazon'] } }] },
      expect.objectContaining({ rank: 'NORMAL', date: { earliest: '2023-01-01', latest: '2023-12-31', text: 'last year' } }),
    ]);
  });

  it('finds a company by an alias, ignoring case', async () => {
    expect((await fixture.api.data('{ company(name: "metro-goldwyn-mayer") { id } }')).company).toEqual({ id: 'mgm' });
    expect((await fixture.api.data('{ company(name: "twitch interactive") { id } }')).company).toEqual({ id: 'twitch' });
  });

  it("tells Twitch's withdrawal from South Korea, resolved against the source date", async () => {
    const data = await fixture.api.data(
      `{ company(id: "twitch") { headquarters { name within { isoCode } } marketPresences { market { id } status exitAnnounced { earliest latest text } exitReason } } }`,
    );
    expect(data.company.headquarters).toEqual({ name: 'San Francisco', within: { isoCode: 'US' } });
    const korea = data.company.marketPresences.find((p: any) => p.market.id === 'south-korea');
    expect(korea).toMatchObject({ status: 'EXITING', exitAnnounced: { earliest: '2023-12-01', latest: '2023-12-31', text: 'last month' } });
    expect(korea.exitReason).toMatch(/ten times/);
  });

  it('gives the US scripted-TV figures as measured and forecast', async () => {
    const data = await fixture.api.data(`{ market(id: "united-states") { metrics { basis period { earliest } value { value qualifier } } } }`);
    expect(data.market.metrics).toEqual([
      { basis: 'ACTUAL', period: { earliest: '2022-01-01' }, value: { value: 599, qualifier: 'EXACT' } },
      { basis: 'FORECAST', period: { earliest: '2024-01-01' }, value: { value: 400, qualifier: 'APPROXIMATE' } },
    ]);
  });

  it('answers who led Amazon on a date', async () => {
    const lead = async (asOf: string) =>
      (await fixture.api.data(`{ company(id: "amazon") { roles(roleType: CEO, asOf: "${asOf}") { person { name } } } }`)).company.roles.map(
        (r: any) => r.person.name,
      );
    expect(await lead('2020-06-01')).toEqual(['Jeff Bezos']);
    expect(await lead('2023-06-01')).toEqual(['Andy Jassy']);
  });

  it('says nothing is below a company that owns nothing (an empty family, not an error)', async () => {
    const query = '{ company(id: "twitch") { corporateFamily { count members { organization { id } } } } }';
    for (const lookahead of [true, false]) {
      const answer = await fixture.api.execute(query, {}, undefined, { lookahead });
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ company: { corporateFamily: { count: 0, members: [] } } });
    }
  });

  it('resolves any entity through node(id)', async () => {
    const data = await fixture.api.data(
      `{ a: node(id: "dan-clancy") { __typename id ... on Person { name } } b: node(id: "layoff-2024-01-twitch") { __typename } }`,
    );
    expect(data).toEqual({ a: { __typename: 'Person', id: 'dan-clancy', name: 'Dan Clancy' }, b: { __typename: 'LayoffEvent' } });
  });
});

describe('search', () => {
  it('is typo tolerant: "Twich" finds Twitch first', async () => {
    const data = await fixture.api.data('{ search(text: "Twich") { type score node { id } } }');
    expect(data.search[0]).toMatchObject({ type: 'ORGANIZATION', node: { id: 'twitch' } });
  });

  it('finds aliases and filters by type', async () => {
    const data = await fixture.api.data('{ search(text: "Metro-Goldwyn-Mayer", types: [ORGANIZATION]) { type node { id } } }');
    expect(data.search[0].node.id).toBe('mgm');
    expect(data.search.every((h: any) => h.type === 'ORGANIZATION')).toBe(true);
  });

  it('wants every word: "Amazon Music" finds Amazon Music, not every Amazon', async () => {
    const data = await fixture.api.data('{ search(text: "Amazon Music", types: [ORGANIZATION]) { node { id ... on Organization { name } } } }');
    expect(data.search.map((h: any) => h.node.name)).toEqual(['Amazon Music']);
  });

  it('falls back to any word when no name holds them all: "Amazon layoffs" still finds Amazon', async () => {
    const data = await fixture.api.data('{ search(text: "Amazon layoffs", types: [ORGANIZATION]) { node { id } } }');
    expect(data.search[0].node.id).toBe('amazon');
    expect(data.search.length).toBeGreaterThan(1);
  });

  it.each(['a:b AND (c', '"unclosed', '[x TO', '\\', '*?~^', 'OR', '&& ||', '🙂🙂', ''])('never errors on Lucene syntax: %j', async (text) => {
    const answer = await fixture.api.execute('query($t: String!) { search(text: $t) { node { id } } }', { t: text });
    expect(answer.errors).toBeUndefined();
  });

  it('refuses a NUL as text no store may hold, before Lucene sees it', async () => {
    const answer = await fixture.api.execute('query($t: String!) { search(text: $t) { node { id } } }', { t: 'ama\u0000zon' });
    expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', '$t']]);
  });
});

describe('pagination', () => {
  it('walks all companies with opaque keyset cursors, no overlap, no gap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const data: any = await fixture.api.data(
        'query($after: String) { companies(first: 5, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...data.companies.edges.map((e: any) => e.node.id));
      if (!data.companies.pageInfo.hasNextPage) break;
      after = data.companies.pageInfo.endCursor;
    }
    const all = (await fixture.api.data('{ companies(first: 100) { nodes { id } } }')).companies.nodes.map((n: any) => n.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.length).toBe(12);
  });

  it('filters companies by kind and by market, regions included', async () => {
    const divisions = (await fixture.api.data('{ companies(filter: { kind: DIVISION }) { nodes { id } } }')).companies.nodes;
    expect(divisions.map((n: any) => n.id)).toContain('prime-video');
    expect(divisions.map((n: any) => n.id)).not.toContain('amazon');
    const inAsia = (await fixture.api.data('{ companies(filter: { market: "asia-pacific" }) { nodes { id } } }')).companies.nodes;
    expect(inAsia).toEqual([{ id: 'twitch' }]);
  });

  it('filters layoffs by organization with its subsidiaries at the time', async () => {
    const data = await fixture.api.data('{ layoffEvents(first: 10, filter: { organization: "amazon", includeSubsidiaries: true }) { nodes { id } } }');
    expect(data.layoffEvents.nodes).toHaveLength(5);
    const own = await fixture.api.data('{ layoffEvents(filter: { organization: "amazon" }) { nodes { id } } }');
    expect(own.layoffEvents.nodes).toEqual([{ id: 'layoff-2022-2023-amazon' }]);
  });
});

describe('bad input', () => {
  it('returns null or an empty list for unknown ids, never an error', async () => {
    const answer = await fixture.api.execute(
      '{ company(id: "no-such-co") { id } node(id: "nope") { id } layoffEvents(filter: { organization: "nope" }) { nodes { id } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ company: null, node: null, layoffEvents: { nodes: [] } });
  });

  it.each([
    ['{ companies(first: 101) { nodes { id } } }', /first must be between 0 and 100, got 101/],
    ['{ companies(first: -1) { nodes { id } } }', /first must be between 0 and 100/],
    ['{ companies(after: "garbage") { nodes { id } } }', /malformed cursor/],
    ['{ layoffEvents(filter: { announced: { from: "2024-13-01" } }) { nodes { id } } }', /calendar date as YYYY-MM-DD/],
    ['{ layoffEvents(filter: { announced: { from: "2024-02-01", to: "2024-01-01" } }) { nodes { id } } }', /from \(2024-02-01\) is after to/],
    ['{ search(text: "x", first: 1000) { score } }', /first must be between 0 and 100/],
  ])('%s gets BAD_USER_INPUT', async (query, message) => {
    const answer = await fixture.api.execute(query);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toMatch(message);
    expect(answer.queries).toBe(0);
  });

  it('rejects a cursor of another ordering', async () => {
    const first = await fixture.api.data('{ layoffEvents(first: 1) { pageInfo { endCursor } } }');
    const answer = await fixture.api.execute('query($c: String) { layoffEvents(after: $c, orderBy: { field: HEADCOUNT }) { nodes { id } } }', {
      c: first.layoffEvents.pageInfo.endCursor,
    });
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
  });
});
