import { loadRecords } from '../../src/ingest/importer';
import { codes, openTestGraph, testConfig, TestApi, TestGraph } from '../helpers/graph';

let db: TestGraph;
let api: TestApi;
const cite = [{ source: 'src-fx', quote: 'fixture' }];
const org = (id: string, kind = 'COMPANY') => ({ type: 'Organization', id, name: id.toUpperCase(), kind, sources: cite });
const owns = (id: string, child: string, parent: string, extra: Record<string, unknown> = {}) => ({
  type: 'Ownership',
  id,
  kind: 'SUBSIDIARY',
  child,
  parent,
  sources: cite,
  ...extra,
});

/** What a real corporate graph has and the seed lacks: depth, a change of owner, nesting, bad data. */
function fixture(): unknown[] {
  const records: unknown[] = [{ type: 'Source', id: 'src-fx', kind: 'FILING', title: 'Traversal fixture', published: '2024-01-01' }];
  for (let i = 0; i <= 15; i += 1) records.push(org(`fx-chain-${String(i).padStart(2, '0')}`));
  for (let i = 1; i <= 15; i += 1) {
    records.push(owns(`fx-chain-link-${i}`, `fx-chain-${String(i).padStart(2, '0')}`, `fx-chain-${String(i - 1).padStart(2, '0')}`, { since: '2000' }));
  }
  records.push(
    org('fx-group-a'),
    org('fx-group-b'),
    org('fx-target'),
    org('fx-target-div', 'DIVISION'),
    org('fx-lonely'),
    {
      type: 'Acquisition',
      id: 'fx-acq-b',
      acquirer: 'fx-group-b',
      target: 'fx-target',
      status: 'COMPLETED',
      completed: '2018-06',
      price: { amount: 5e8, currency: 'EUR' },
      sources: cite,
    },
    owns('fx-target-a', 'fx-target', 'fx-group-a', { since: '2010', until: '2018-06' }),
    owns('fx-target-b', 'fx-target', 'fx-group-b', { since: '2018-06', acquisition: 'fx-acq-b' }),
    { type: 'Ownership', id: 'fx-target-div-link', kind: 'DIVISION', child: 'fx-target-div', parent: 'fx-target', since: '2012', sources: cite },
    { type: 'LayoffEvent', id: 'fx-layoff-2015', organizations: ['fx-target'], announced: '2015-03-01', headcount: 100, sources: cite },
    { type: 'LayoffEvent', id: 'fx-layoff-2020', organizations: ['fx-target'], announced: '2020-05', headcount: { min: 50, max: 80 }, sources: cite },
    { type: 'LayoffEvent', id: 'fx-layoff-2021', organizations: ['fx-target-div'], announced: '2021', headcount: { qualifier: 'UNKNOWN' }, sources: cite },
    // Announced in the month the target changed hands: certainly in neither group's family, possibly in both.
    { type: 'LayoffEvent', id: 'fx-layoff-2018', organizations: ['fx-target'], announced: '2018-06', headcount: 30, sources: cite },
    { type: 'LayoffEvent', id: 'fx-layoff-deep', organizations: ['fx-chain-05'], announced: '2022', headcount: 10, sources: cite },
    org('fx-cyc-a'),
    org('fx-cyc-b'),
    org('fx-cyc-c'),
    org('fx-x'),
    org('fx-y'),
    { type: 'Person', id: 'fx-p1', name: 'P One', sources: cite },
    { type: 'Person', id: 'fx-p2', name: 'P Two', sources: cite },
  );
  for (const [p, o] of [
    ['fx-p1', 'fx-x'],
    ['fx-p1', 'fx-y'],
    ['fx-p2', 'fx-x'],
    ['fx-p2', 'fx-y'],
  ]) {
    records.push({ type: 'Role', id: `fx-role-${p}-${o}`, person: p, organization: o, title: 'Director', roleType: 'BOARD_MEMBER', sources: cite });
  }
  return records;
}

beforeAll(async () => {
  db = openTestGraph();
  await loadRecords(
    db.graph,
    fixture().map((value, i) => ({ file: 'fixture', line: i + 1, value })),
  );
  // Bad data the importer would refuse: a cycle of ownership, written straight into the graph.
  const session = db.driver.session();
  await session.run(`
    MATCH (a:Organization {id: 'fx-cyc-a'}), (b:Organization {id: 'fx-cyc-b'}), (c:Organization {id: 'fx-cyc-c'})
    WITH a, b, c, {kind: 'SUBSIDIARY', sourceIds: ['src-fx'], quotes: [''], sinceEarliest: date('2000-01-01'), sinceLatest: date('2000-12-31')} AS dated
    CREATE (a)-[ab:SUBSIDIARY_OF]->(b), (b)-[bc:SUBSIDIARY_OF]->(c), (c)-[ca:SUBSIDIARY_OF]->(a)
    SET ab = dated, ab.id = 'fx-cyc-ab', bc = dated, bc.id = 'fx-cyc-bc', ca = dated, ca.id = 'fx-cyc-ca'`);
  await session.close();
  api = new TestApi(db.graph);
});

afterAll(async () => {
  const session = db.driver.session();
  await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'fx-' OR n.id = 'src-fx' DETACH DELETE n");
  await session.close();
  await api.stop();
  await db.close();
});

const CHAIN = `query($id: ID!, $asOf: Date, $match: Certainty = CERTAIN, $maxDepth: Int) {
  ownershipChainOf(id: $id, asOf: $asOf, match: $match, maxDepth: $maxDepth) {
    links { depth kind inForce child { id } parent { id } acquisition { id price { value currency } } sources { quote source { id } } }
    parent { id } ultimateParent { id } isUltimateParent cycleDetected truncated
  }
}`;

describe('up the chain', () => {
  it("answers Twitch's parent, ultimate parent and the acquisition behind the link in one Cypher round trip", async () => {
    const answer = await api.execute(CHAIN, { id: 'twitch', asOf: '2024-01-10' });
    expect(answer.errors).toBeUndefined();
    const chain = answer.data!.ownershipChainOf;
    expect(chain.links).toEqual([
      {
        depth: 1,
        kind: 'SUBSIDIARY',
        inForce: 'CERTAIN',
        child: { id: 'twitch' },
        parent: { id: 'amazon' },
        acquisition: { id: 'acq-amazon-twitch', price: { value: 970000000, currency: 'USD' } },
        sources: [{ quote: 'its subsidiary, Twitch', source: { id: 'src-news-amazon-layoffs-2024-01' } }],
      },
    ]);
    expect(chain.ultimateParent).toEqual({ id: 'amazon' });
    expect(answer.queries).toBe(1);
  });

  it('follows a chain 15 deep in order, and stops at maxDepth saying so', async () => {
    const full = (await api.data(CHAIN, { id: 'fx-chain-15' })).ownershipChainOf;
    expect(full.links.map((l: any) => l.parent.id)).toEqual(Array.from({ length: 15 }, (_, i) => `fx-chain-${String(14 - i).padStart(2, '0')}`));
    expect(full.ultimateParent.id).toBe('fx-chain-00');
    expect(full.truncated).toBe(false);
    const cut = (await api.data(CHAIN, { id: 'fx-chain-15', maxDepth: 5 })).ownershipChainOf;
    expect(cut.links).toHaveLength(5);
    expect(cut.truncated).toBe(true);
  });

  it('answers differently before and after a company changed owner', async () => {
    const owner = async (asOf: string) => (await api.data(CHAIN, { id: 'fx-target', asOf })).ownershipChainOf.parent?.id ?? null;
    expect(await owner('2015-01-01')).toBe('fx-group-a');
    expect(await owner('2020-01-01')).toBe('fx-group-b');
  });

  it('tells a certain link from a possible one when the change of owner has a fuzzy date', async () => {
    const certain = (await api.data(CHAIN, { id: 'fx-target', asOf: '2018-06-15' })).ownershipChainOf;
    expect(certain).toMatchObject({ links: [], isUltimateParent: true });
    const possible = (await api.data(CHAIN, { id: 'fx-target', asOf: '2018-06-15', match: 'POSSIBLE' })).ownershipChainOf;
    expect(possible.links).toHaveLength(1);
    expect(possible.links[0].inForce).toBe('POSSIBLE');
    expect(['fx-group-a', 'fx-group-b']).toContain(possible.parent.id);
  });

  it('climbs from a division through the subsidiary that holds it', async () => {
    const chain = (await api.data(CHAIN, { id: 'fx-target-div', asOf: '2020-01-01' })).ownershipChainOf;
    expect(chain.links.map((l: any) => [l.kind, l.parent.id])).toEqual([
      ['DIVISION', 'fx-target'],
      ['SUBSIDIARY', 'fx-group-b'],
    ]);
    expect(chain.links[1].acquisition.id).toBe('fx-acq-b');
  });

  it('terminates on a cycle of bad data and reports it', async () => {
    const chain = (await api.data(CHAIN, { id: 'fx-cyc-a' })).ownershipChainOf;
    expect(chain.links.map((l: any) => l.parent.id)).toEqual(['fx-cyc-b', 'fx-cyc-c']);
    expect(chain.cycleDetected).toBe(true);
  });

  it('makes a company with no parent its own ultimate parent', async () => {
    const chain = (await api.data(CHAIN, { id: 'fx-lonely' })).ownershipChainOf;
    expect(chain).toMatchObject({ links: [], parent: null, ultimateParent: { id: 'fx-lonely' }, isUltimateParent: true, cycleDetected: false });
    expect((await api.data('{ company(id: "amazon") { ultimateParent { id } parent { id } } }')).company).toEqual({
      ultimateParent: { id: 'amazon' },
      parent: null,
    });
  });
});

const FAMILY = `query($id: ID!, $depth: Int = 1, $asOf: Date, $kinds: [OwnershipKind!]) {
  corporateFamilyOf(id: $id, depth: $depth, asOf: $asOf, kinds: $kinds) {
    count truncated cycleDetected
    members { depth organization { id } parent { id } link { kind } cycleDetected }
    tree { organization { id } children { organization { id } children { organization { id } } } }
  }
}`;

describe('down the tree', () => {
  it("lists Amazon's subsidiaries and divisions as a table and as a tree", async () => {
    const family = (await api.data(FAMILY, { id: 'amazon', depth: 2, asOf: '2024-02-01' })).corporateFamilyOf;
    expect(family.members.filter((m: any) => m.depth === 1).map((m: any) => m.organization.id)).toEqual([
      'alexa',
      'amazon-music',
      'mgm',
      'prime-video-and-amazon-mgm-studios',
      'twitch',
    ]);
    expect(family.members.filter((m: any) => m.depth === 2).map((m: any) => [m.organization.id, m.parent.id])).toEqual([
      ['amazon-mgm-studios', 'prime-video-and-amazon-mgm-studios'],
      ['prime-video', 'prime-video-and-amazon-mgm-studios'],
    ]);
    const studios = family.tree.find((n: any) => n.organization.id === 'prime-video-and-amazon-mgm-studios');
    expect(studios.children.map((c: any) => c.organization.id)).toEqual(['amazon-mgm-studios', 'prime-video']);
  });

  it('follows depth 2 by default, only subsidiaries when asked, and as of a date', async () => {
    expect((await api.data(FAMILY, { id: 'amazon', asOf: '2024-02-01' })).corporateFamilyOf.count).toBe(5);
    // The field's own default is two levels: Amazon's five direct members and the two divisions inside its studios division.
    expect((await api.data('{ corporateFamilyOf(id: "amazon", asOf: "2024-02-01") { count } }')).corporateFamilyOf.count).toBe(7);
    const owned = (await api.data(FAMILY, { id: 'amazon', depth: 3, asOf: '2024-01-10', kinds: ['SUBSIDIARY'] })).corporateFamilyOf;
    expect(owned.members.map((m: any) => m.organization.id)).toEqual(['mgm', 'twitch']);
    const before = (await api.data(FAMILY, { id: 'amazon', asOf: '2020-01-01', kinds: ['SUBSIDIARY'] })).corporateFamilyOf;
    expect(before.members.map((m: any) => m.organization.id)).toEqual(['twitch']);
  });

  it('counts a link whose start is unknown as certain only once a source had stated it', async () => {
    // The divisions' links have no start date; the report that states them is dated 10-12 January 2024.
    const members = async (asOf: string, match: string) =>
      (await api.data(`{ corporateFamilyOf(id: "amazon", depth: 1, asOf: "${asOf}", match: ${match}) { members { organization { id } link { inForce } } } }`))
        .corporateFamilyOf.members;
    expect((await members('2024-01-10', 'CERTAIN')).map((m: any) => m.organization.id)).toEqual(['mgm', 'twitch']);
    const possible = await members('2024-01-10', 'POSSIBLE');
    expect(possible.map((m: any) => m.organization.id)).toEqual(['alexa', 'amazon-music', 'mgm', 'prime-video-and-amazon-mgm-studios', 'twitch']);
    expect(possible.find((m: any) => m.organization.id === 'alexa').link.inForce).toBe('POSSIBLE');
    expect(possible.find((m: any) => m.organization.id === 'twitch').link.inForce).toBe('CERTAIN');
    expect((await members('2010-01-01', 'POSSIBLE')).map((m: any) => m.organization.id)).not.toContain('twitch');
    const chain = async (asOf: string, match: string) =>
      (await api.data(`{ ownershipChainOf(id: "prime-video", asOf: "${asOf}", match: ${match}) { links { parent { id } } } }`)).ownershipChainOf.links.map(
        (l: any) => l.parent.id,
      );
    expect(await chain('2019-01-01', 'CERTAIN')).toEqual([]);
    expect(await chain('2019-01-01', 'POSSIBLE')).toEqual(['prime-video-and-amazon-mgm-studios', 'amazon']);
    expect(await chain('2024-02-01', 'CERTAIN')).toEqual(['prime-video-and-amazon-mgm-studios', 'amazon']);
  });

  it('moves a sold company (and its division) from one group to the other', async () => {
    const ids = async (id: string, asOf: string) =>
      (await api.data(FAMILY, { id, depth: 3, asOf })).corporateFamilyOf.members.map((m: any) => m.organization.id);
    expect(await ids('fx-group-a', '2015-01-01')).toEqual(['fx-target', 'fx-target-div']);
    expect(await ids('fx-group-a', '2020-01-01')).toEqual([]);
    expect(await ids('fx-group-b', '2020-01-01')).toEqual(['fx-target', 'fx-target-div']);
  });

  it('walks 15 levels down a deep chain and terminates on a cycle, reporting it', async () => {
    expect((await api.data(FAMILY, { id: 'fx-chain-00', depth: 15 })).corporateFamilyOf.count).toBe(15);
    const cyclic = (await api.data(FAMILY, { id: 'fx-cyc-a', depth: 10 })).corporateFamilyOf;
    expect(cyclic.members.map((m: any) => m.organization.id)).toEqual(['fx-cyc-c', 'fx-cyc-b']);
    expect(cyclic.cycleDetected).toBe(true);
  });
});

const PATH = `query($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!]) {
  path(from: $from, to: $to, maxHops: $maxHops, relationshipTypes: $types) {
    found length paths { nodes { id } steps { from { id } relationship direction to { id } } }
  }
}`;

describe('paths between entities', () => {
  it('connects Dan Clancy to Andy Jassy through Twitch and Amazon, in one round trip', async () => {
    const answer = await api.execute(PATH, { from: 'dan-clancy', to: 'andy-jassy', types: ['HELD_BY', 'AT', 'SUBSIDIARY_OF'] });
    expect(answer.queries).toBe(1);
    const result = answer.data!.path;
    expect(result).toMatchObject({ found: true, length: 5 });
    expect(result.paths).toHaveLength(1);
    expect(result.paths[0].nodes.map((n: any) => n.id)).toEqual([
      'dan-clancy',
      'role-dan-clancy-twitch-ceo',
      'twitch',
      'amazon',
      'role-andy-jassy-amazon-ceo',
      'andy-jassy',
    ]);
    expect(result.paths[0].steps[2]).toEqual({ from: { id: 'twitch' }, relationship: 'SUBSIDIARY_OF', direction: 'FORWARD', to: { id: 'amazon' } });
    expect(result.paths[0].steps[0].direction).toBe('BACKWARD');
  });

  it('connects two people through people and organizations by default, each step with its sources', async () => {
    const answer = await api.execute(
      `{ path(from: "dan-clancy", to: "andy-jassy") { length paths { nodes { id } steps { from { id } relationship direction to { id } via { id } sources { quote source { id } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.queries).toBe(1);
    const [path] = answer.data!.path.paths;
    expect(answer.data!.path.length).toBe(3);
    expect(path.nodes.map((n: any) => n.id)).toEqual(['dan-clancy', 'twitch', 'amazon', 'andy-jassy']);
    expect(path.steps.map((s: any) => [s.from.id, s.relationship, s.direction, s.to.id, s.via?.id ?? null])).toEqual([
      ['dan-clancy', 'HELD_BY', 'FORWARD', 'twitch', 'role-dan-clancy-twitch-ceo'],
      ['twitch', 'SUBSIDIARY_OF', 'FORWARD', 'amazon', null],
      ['amazon', 'HELD_BY', 'BACKWARD', 'andy-jassy', 'role-andy-jassy-amazon-ceo'],
    ]);
    expect(path.steps[0].sources).toEqual(
      expect.arrayContaining([{ quote: 'Twitch Chief Executive Officer Dan Clancy', source: { id: 'src-news-amazon-layoffs-2024-01' } }]),
    );
    expect(path.steps[1].sources).toEqual([{ quote: 'its subsidiary, Twitch', source: { id: 'src-news-amazon-layoffs-2024-01' } }]);
    const mixed = await api.execute('{ path(from: "a", to: "b", between: PEOPLE_AND_ORGANIZATIONS, relationshipTypes: [AT]) { found } }');
    expect(codes(mixed)).toEqual(['BAD_USER_INPUT']);
  });

  it('returns both paths when two have the same length', async () => {
    const result = (await api.data(PATH, { from: 'fx-p1', to: 'fx-p2' })).path;
    // Through people and organizations: P One, a company both sit on the board of, P Two.
    expect(result.length).toBe(2);
    expect(result.paths.map((p: any) => p.nodes[1].id)).toEqual(['fx-x', 'fx-y']);
  });

  it('answers found: false when nothing connects within the limit, or an id is unknown', async () => {
    const far = await api.execute(PATH, { from: 'dan-clancy', to: 'andy-jassy', maxHops: 2 });
    expect(far.errors).toBeUndefined();
    expect(far.data!.path).toEqual({ found: false, length: null, paths: [] });
    expect((await api.data(PATH, { from: 'nobody', to: 'andy-jassy' })).path.found).toBe(false);
  });
});

describe('timelines and roll-ups', () => {
  it("orders Amazon's family history by date, fuzzy dates by their intervals", async () => {
    const events = (await api.data('{ timelineOf(id: "amazon", includeFamily: true) { kind date { earliest latest } summary } }')).timelineOf;
    const keys = events.map((e: any) => `${e.date.earliest}|${e.date.latest}`);
    expect(keys).toEqual([...keys].sort());
    expect(events.map((e: any) => e.summary)).toEqual(
      expect.arrayContaining([
        'Amazon completed the acquisition of Twitch',
        'Amazon completed the acquisition of MGM',
        'Twitch announced leaving South Korea',
        'Twitch job cuts: just over 500',
      ]),
    );
    const own = (await api.data('{ timelineOf(id: "amazon", kinds: [LAYOFF]) { summary } }')).timelineOf;
    expect(own).toEqual([{ summary: 'Amazon job cuts: more than 27,000' }]);
    const windowed = (await api.data('{ timelineOf(id: "amazon", includeFamily: true, between: { from: "2024-01-01", to: "2024-12-31" }) { kind } }'))
      .timelineOf;
    expect(windowed.map((e: any) => e.kind)).toEqual(['LAYOFF', 'LAYOFF']);
  });

  it('rolls up family layoffs as bounds, never a made-up total', async () => {
    const rollup = (
      await api.data(
        '{ layoffRollupOf(id: "amazon", groupBy: ORGANIZATION, match: POSSIBLE) { total { events low high unknownCount } groups { key low high unknownCount } } }',
      )
    ).layoffRollupOf;
    // 27,001 ("more than 27,000") + 200 + 0 (unknown) + 200 + 501 ("just over 500"), no upper bound, one unknown.
    expect(rollup.total).toEqual({ events: 5, low: 27902, high: null, unknownCount: 1 });
    expect(rollup.groups.find((g: any) => g.key === 'amazon-music')).toEqual({ key: 'amazon-music', low: 0, high: null, unknownCount: 1 });
    const years = (await api.data('{ layoffRollupOf(id: "amazon", match: POSSIBLE) { groups { key events low high unknownCount } } }')).layoffRollupOf.groups;
    expect(years.map((g: any) => g.key)).toEqual(['2022-2023', '2023-2024', '2024']);
    expect(years[1]).toEqual({ key: '2023-2024', events: 2, low: 200, high: null, unknownCount: 1 });
    // Certainly, by default: the divisions' links are dated only by the report of 10-12 January 2024,
    // but that report is the one that tells of their cuts, so it calls them Amazon's units on the day.
    const certain = (await api.data('{ layoffRollupOf(id: "amazon", groupBy: ORGANIZATION) { total { eventIds } leftOut { events } } }')).layoffRollupOf;
    expect(certain.total.eventIds).toHaveLength(5);
    expect(certain.leftOut.events).toBe(0);
  });

  it('says beside a certain total what it left out, the events only possibly in the family on the day', async () => {
    const rollup = async (id: string, match = 'CERTAIN') =>
      (await api.data(`{ layoffRollupOf(id: "${id}", match: ${match}) { total { eventIds low high } leftOut { key events low high unknownCount eventIds } } }`))
        .layoffRollupOf;
    // The June 2018 cut came in the month fx-target passed from group A to group B.
    for (const group of ['fx-group-a', 'fx-group-b']) {
      const certain = await rollup(group);
      expect(certain.total.eventIds).not.toContain('fx-layoff-2018');
      expect(certain.leftOut).toEqual({ key: 'left-out', events: 1, low: 30, high: 30, unknownCount: 0, eventIds: ['fx-layoff-2018'] });
      const possible = await rollup(group, 'POSSIBLE');
      expect(possible.total.eventIds).toContain('fx-layoff-2018');
      expect(possible.leftOut.events).toBe(0);
    }
  });

  it('counts a layoff for the group that owned the company at the time', async () => {
    const total = async (id: string) => (await api.data(`{ layoffRollupOf(id: "${id}") { total { eventIds low high unknownCount } } }`)).layoffRollupOf.total;
    expect(await total('fx-group-a')).toEqual({ eventIds: ['fx-layoff-2015'], low: 100, high: 100, unknownCount: 0 });
    expect(await total('fx-group-b')).toEqual({ eventIds: ['fx-layoff-2020', 'fx-layoff-2021'], low: 50, high: null, unknownCount: 1 });
  });

  it('follows TRAVERSAL_MAX_DEPTH for family layoffs, as for every traversal', async () => {
    const query =
      '{ company(id: "fx-chain-00") { layoffEvents(includeSubsidiaries: true) { id } } layoffEvents(filter: { organization: "fx-chain-00", includeSubsidiaries: true }) { nodes { id } } }';
    const deep = await api.data(query);
    expect(deep.company.layoffEvents.map((e: any) => e.id)).toEqual(['fx-layoff-deep']);
    expect(deep.layoffEvents.nodes.map((e: any) => e.id)).toEqual(['fx-layoff-deep']);
    const shallow = new TestApi(db.graph, testConfig({ TRAVERSAL_MAX_DEPTH: '3' }));
    try {
      expect(await shallow.data(query)).toEqual({ company: { layoffEvents: [] }, layoffEvents: { nodes: [] } });
    } finally {
      await shallow.stop();
    }
  });

  it('says where a company operated on a date: certainly once a source dates it, possibly before', async () => {
    const markets = async (asOf: string, match: string) =>
      (await api.data(`{ company(id: "twitch") { marketPresences(asOf: "${asOf}", match: ${match}) { market { id } } } }`)).company.marketPresences.map(
        (p: any) => p.market.id,
      );
    expect(await markets('2024-01-10', 'CERTAIN')).toEqual(['south-korea']);
    expect(await markets('2020-01-01', 'CERTAIN')).toEqual([]);
    expect((await markets('2020-01-01', 'POSSIBLE')).sort()).toEqual(['live-game-streaming', 'south-korea']);
    const all = (await api.data('{ company(id: "twitch") { marketPresences { id } } }')).company.marketPresences;
    expect(all).toHaveLength(2);
  });

  it('says who led an organization, or held a role, on a date', async () => {
    const leaders = async (asOf: string) =>
      (await api.data(`{ company(id: "amazon") { leaders(asOf: "${asOf}") { roleType person { id } } } }`)).company.leaders;
    expect(await leaders('2020-01-01')).toEqual([{ roleType: 'CEO', person: { id: 'jeff-bezos' } }]);
    // Amazon was founded in 1994 and Bezos became CEO in May 1996 (per its 10-K): nobody led it in 1990.
    expect(await leaders('1990-01-01')).toEqual([]);
    // Dan Clancy became Twitch's CEO in March 2023; Emmett Shear led it before, since a day no source gives.
    const twitch = async (asOf: string, match = 'CERTAIN') =>
      (await api.data(`{ company(id: "twitch") { leaders(asOf: "${asOf}", match: ${match}) { person { id } } } }`)).company.leaders.map(
        (l: any) => l.person.id,
      );
    expect(await twitch('2013-06-01')).toEqual([]);
    expect(await twitch('2013-06-01', 'POSSIBLE')).toEqual(['emmett-shear']);
    expect(await twitch('2023-06-01')).toEqual(['dan-clancy']);
    const ceos2020 = (await api.data('{ roleHolders(roleType: CEO, asOf: "2020-01-01") { person { id } } }')).roleHolders;
    expect(ceos2020.map((r: any) => r.person.id)).toEqual(['jeff-bezos']);
    expect(await leaders('2022-01-01')).toEqual([
      { roleType: 'CEO', person: { id: 'andy-jassy' } },
      { roleType: 'CHAIR', person: { id: 'jeff-bezos' } },
    ]);
    const ceos = (await api.data('{ roleHolders(roleType: CEO, asOf: "2024-01-10") { person { id } organization { id } } }')).roleHolders;
    expect(ceos).toEqual([
      { person: { id: 'andy-jassy' }, organization: { id: 'amazon' } },
      { person: { id: 'dan-clancy' }, organization: { id: 'twitch' } },
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['{ corporateFamilyOf(id: "amazon", depth: 26) { count } }', /depth must be a whole number from 1 to 25, got 26/],
    ['{ corporateFamilyOf(id: "amazon", depth: 0) { count } }', /depth must be a whole number from 1 to 25, got 0/],
    ['{ corporateFamilyOf(id: "amazon", depth: -3) { count } }', /depth must be a whole number from 1 to 25/],
    ['{ corporateFamilyOf(id: "amazon", depth: 1.5) { count } }', /Int cannot represent non-integer value/],
    ['{ ownershipChainOf(id: "twitch", maxDepth: 99) { truncated } }', /maxDepth must be a whole number from 1 to 25, got 99/],
    ['{ path(from: "a", to: "b", maxHops: 9) { found } }', /maxHops must be a whole number from 1 to 8, got 9/],
    ['{ path(from: "a", to: "b", maxHops: -1) { found } }', /maxHops must be a whole number from 1 to 8/],
    ['{ ownershipChainOf(id: "twitch", asOf: "2024-02-30") { truncated } }', /calendar date as YYYY-MM-DD/],
    ['{ timelineOf(id: "amazon", limit: 5000) { kind } }', /limit must be a whole number from 1 to 1000/],
  ])('%s gets BAD_USER_INPUT without touching Neo4j', async (query, message) => {
    const answer = await api.execute(query);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toMatch(message);
    expect(answer.queries).toBe(0);
  });

  it('answers unknown ids with null or an empty list', async () => {
    const answer = await api.execute(
      '{ ownershipChainOf(id: "nope") { truncated } corporateFamilyOf(id: "nope") { count } layoffRollupOf(id: "nope") { groupBy } timelineOf(id: "nope") { kind } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ ownershipChainOf: null, corporateFamilyOf: null, layoffRollupOf: null, timelineOf: [] });
  });
});
