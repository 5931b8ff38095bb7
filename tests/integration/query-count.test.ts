import { GraphClient } from '../../src/graph/graph-client';
import { loadRecords } from '../../src/ingest/importer';
import { openTestGraph, TestApi, TestGraph } from '../helpers/graph';

const COMPANIES = 50;
const PREFIX = 'qc-co-';
let db: TestGraph;
let api: TestApi;

/** 50 companies, each with a division, a CEO, a layoff event and a market presence, all cited. */
async function loadFixture(graph: GraphClient): Promise<void> {
  const records: unknown[] = [{ type: 'Source', id: 'src-qc', kind: 'NEWS_ARTICLE', title: 'Query count fixture', published: '2024-01-01' }];
  for (let i = 0; i < COMPANIES; i += 1) {
    const id = `${PREFIX}${String(i).padStart(2, '0')}`;
    const cite = [{ source: 'src-qc', quote: `fixture ${i}` }];
    records.push(
      { type: 'Organization', id, name: `QC Company ${i}`, kind: 'COMPANY', headquarters: 'san-francisco', sources: cite },
      { type: 'Organization', id: `${id}-div`, name: `QC Division ${i}`, kind: 'DIVISION', sources: cite },
      { type: 'Ownership', id: `${id}-div-link`, kind: 'DIVISION', child: `${id}-div`, parent: id, sources: cite },
      { type: 'Person', id: `${id}-ceo`, name: `QC CEO ${i}`, sources: cite },
      { type: 'Role', id: `${id}-ceo-role`, person: `${id}-ceo`, organization: id, title: 'CEO', roleType: 'CEO', since: '2020', sources: cite },
      {
        type: 'LayoffEvent',
        id: `${id}-layoff`,
        organizations: [`${id}-div`],
        announced: '2023-05',
        headcount: { min: 10, max: 20 },
        announcedBy: `${id}-ceo`,
        regions: [{ market: 'americas' }],
        sources: cite,
      },
      { type: 'MarketPresence', id: `${id}-presence`, organization: id, market: 'video-streaming', status: 'ACTIVE', sources: cite },
    );
  }
  await loadRecords(
    graph,
    records.map((value, i) => ({ file: 'fixture', line: i + 1, value })),
  );
}

beforeAll(async () => {
  db = openTestGraph();
  await loadFixture(db.graph);
  api = new TestApi(db.graph);
});
afterAll(async () => {
  const session = db.driver.session();
  await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH $p OR n.id = 'src-qc' DETACH DELETE n", { p: PREFIX });
  await session.close();
  await api.stop();
  await db.close();
});

const NESTED = `query($first: Int!) {
  companies(first: $first, filter: { nameContains: "qc company" }) {
    nodes {
      id name headquarters { name within { name } }
      sources { quote source { title } }
      roles { title person { name layoffsAnnounced { id } } sources { quote } }
      marketPresences { market { name } }
      layoffEvents(includeSubsidiaries: true) {
        id headcount { low high }
        organizations { name }
        announcedBy { name }
        affectedMarkets { market { name } }
        sources { quote source { title publishers } }
      }
    }
  }
}`;

describe('Cypher round trips per request', () => {
  it('do not grow with the number of rows: companies -> roles/layoffs -> sources -> ...', async () => {
    const one = await api.execute(NESTED, { first: 1 });
    const fifty = await api.execute(NESTED, { first: COMPANIES });
    expect(one.errors).toBeUndefined();
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data!.companies.nodes).toHaveLength(COMPANIES);
    const last = fifty.data!.companies.nodes.find((n: any) => n.id === `${PREFIX}49`);
    expect(last.layoffEvents[0].sources[0].quote).toBe('fixture 49');
    expect(fifty.queries).toBe(one.queries);
    // At most one query per relation field of the selection above (16 of them, at 5 levels), never one per row.
    expect(one.queries).toBeLessThanOrEqual(16);
  });
});

describe('Lookahead: a request reads what it selects, in as few queries as its shape allows', () => {
  const id = `${PREFIX}07`;

  it('company(id) with its leaders, presences, sources and headquarters costs one query and answers as the plain lookups do', async () => {
    const fields = `id name founded { text } leaders { title person { id name } } marketPresences { status market { id name } }
      sources { quote source { id title } } headquarters { id name } layoffEvents { id }`;
    const ahead = await api.execute(`query($id: ID!) { company(id: $id) { ${fields} } }`, { id });
    // By name there is no lookahead: every relation is read by its own loader.
    const plain = await api.execute(`query($name: String!) { company(name: $name) { ${fields} } }`, { name: 'QC Company 7' });
    expect(ahead.errors).toBeUndefined();
    expect(ahead.queries).toBe(1);
    expect(plain.queries).toBeGreaterThan(1);
    expect(ahead.data!.company.leaders[0].person.name).toBe('QC CEO 7');
    expect(ahead.data!.company.marketPresences[0].market.id).toBe('video-streaming');
    expect(ahead.data!.company.sources[0].quote).toBe('fixture 7');
    expect(ahead.data).toEqual(plain.data);
  });

  it('an unknown id is still null, and fields with arguments are left to their resolvers', async () => {
    const missing = await api.execute(`{ company(id: "qc-none") { id leaders { title } } }`);
    expect(missing.data!.company).toBeNull();
    const withArgs = await api.execute(`query($id: ID!) { company(id: $id) { leaders(asOf: "2019-01-01") { title } roles(roleType: CEO) { title } } }`, { id });
    expect(withArgs.data!.company.leaders).toEqual([]);
    expect(withArgs.data!.company.roles).toEqual([{ title: 'CEO' }]);
  });

  it('a family read with only the selected properties gives the same members as a full read', async () => {
    const member = `depth organization { id name kind founded { earliest } layoffEvents { id announced { text } headcount { low high } } } parent { id name }`;
    const lean = await api.execute(`query($id: ID!) { corporateFamilyOf(id: $id, depth: 2) { members { ${member} } } }`, { id });
    // Selecting the tree reads every property and link detail.
    const full = await api.execute(
      `query($id: ID!) { corporateFamilyOf(id: $id, depth: 2) { members { ${member} link { sources { quote } } } tree { depth } } }`,
      { id },
    );
    expect(lean.errors).toBeUndefined();
    expect(lean.queries).toBeLessThanOrEqual(2);
    const members = lean.data!.corporateFamilyOf.members;
    expect(members).toHaveLength(1);
    expect(members[0].organization.layoffEvents[0].headcount).toEqual({ low: 10, high: 20 });
    expect(members).toEqual(full.data!.corporateFamilyOf.members.map(({ link: _link, ...rest }: any) => rest));
  });

  it('a chain and a page of layoffs read with only the selected properties match the full entities', async () => {
    const chain = await api.execute(`query($id: ID!) { ownershipChainOf(id: $id) { ultimateParent { id name kind } links { kind parent { id name } } } }`, {
      id: `${id}-div`,
    });
    expect(chain.data!.ownershipChainOf).toEqual({
      ultimateParent: { id, name: 'QC Company 7', kind: 'COMPANY' },
      links: [{ kind: 'DIVISION', parent: { id, name: 'QC Company 7' } }],
    });
    const page = await api.execute(
      `{ layoffEvents(first: 3, filter: { organization: "${id}", includeSubsidiaries: true }) { nodes { id announced { earliest latest text } headcount { low high } } } }`,
    );
    const [event] = page.data!.layoffEvents.nodes;
    const whole = await api.execute(`query($id: ID!) { layoffEvent(id: $id) { id announced { earliest latest text } headcount { low high } } }`, {
      id: event.id,
    });
    expect(event).toEqual(whole.data!.layoffEvent);
    expect(event.announced.earliest).toBe('2023-05-01');
  });
});

/**
 * Each lookahead of src/graphql/lookahead/, pinned: which queries it runs (names and the parameters
 * that switch its sections), and that its answer equals the plain path's (the same request with the
 * context's lookahead off, where every resolver reads through its own loader and every query reads
 * everything).
 */
describe('Each lookahead against the plain path', () => {
  const id = `${PREFIX}11`;
  const both = async (query: string, variables: Record<string, unknown> = {}) => {
    const ahead = await api.execute(query, variables);
    const plain = await api.execute(query, variables, undefined, { lookahead: false });
    expect(ahead.errors).toBeUndefined();
    expect(plain.errors).toBeUndefined();
    expect(ahead.data).toEqual(plain.data);
    return { ahead, plain, names: (a: typeof ahead) => a.calls.map((c) => c.name) };
  };

  it('organization profile: company(id) and its default relations in organization/profile alone', async () => {
    const { ahead, plain, names } = await both(
      `query($id: ID!) { company(id: $id) { id name leaders { title person { name } } marketPresences { market { id } } sources { quote } headquarters { id } layoffEvents { id } } }`,
      { id },
    );
    expect(names(ahead)).toEqual(['organization/profile']);
    expect(ahead.calls[0].params).toMatchObject({ id, withRoles: true, withPresences: true, withCitations: true, withHeadquarters: true, withLayoffs: true });
    expect(names(plain)).toEqual(
      expect.arrayContaining([
        'node/by-ids',
        'organization/roles',
        'market/presences-of-organizations',
        'citations/of-nodes',
        'organization/headquarters',
        'layoff/of-organizations',
      ]),
    );
  });

  it('chain reads: the selected organization properties only, no link details unless selected', async () => {
    const { ahead, plain, names } = await both(`query($id: ID!) { ownershipChainOf(id: $id) { ultimateParent { id name } links { kind parent { id } } } }`, {
      id: `${id}-div`,
    });
    expect(names(ahead)).toEqual(['traversal/ancestors']);
    expect(ahead.calls[0].params).toMatchObject({ orgProps: ['id', 'name'], linkProps: ['id', 'kind'] });
    expect(ahead.calls[0].bounds).toMatchObject({ withLinkDetails: false, certain: true });
    expect(plain.calls[0].params).toMatchObject({ orgProps: null });
    expect(plain.calls[0].bounds).toMatchObject({ withLinkDetails: true });
  });

  it("family reads: members' layoff events inline in traversal/descendants, selected properties only", async () => {
    const { ahead, plain, names } = await both(
      `query($id: ID!) { corporateFamilyOf(id: $id) { members { organization { id name layoffEvents { id headcount { low high } } } } } }`,
      { id },
    );
    expect(names(ahead)).toEqual(['traversal/descendants']);
    expect(ahead.calls[0].params).toMatchObject({ childProps: ['id', 'name'] });
    expect(ahead.calls[0].bounds).toMatchObject({ withLayoffs: true, withLink: false, withLinkDetails: false, withCycles: false });
    expect(names(plain)).toEqual(['traversal/descendants', 'layoff/of-organizations']);
    expect(plain.calls[0].params).toMatchObject({ childProps: null });
    expect(plain.calls[0].bounds).toMatchObject({ withLayoffs: false, withLink: true });
  });

  it('layoff page reads: the selected event properties only', async () => {
    const { ahead, plain, names } = await both(
      `{ layoffEvents(first: 5, filter: { organization: "${id}", includeSubsidiaries: true }) { nodes { id announced { earliest text } } } }`,
    );
    expect(names(ahead)).toEqual(['layoff/list']);
    expect(ahead.calls[0].params.nodeProps).toEqual(['id', 'announcedPrecision', 'announcedEarliest', 'announcedText']);
    expect(plain.calls[0].params.nodeProps).toBeNull();
  });
});
