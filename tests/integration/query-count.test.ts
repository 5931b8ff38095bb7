import { GraphClient } from '../../src/graph/graph-client';
import { loadRecords } from '../../src/ingest/loader';
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
      { type: 'LayoffEvent', id: `${id}-layoff`, organizations: [`${id}-div`], announced: '2023-05', headcount: { min: 10, max: 20 }, announcedBy: `${id}-ceo`, regions: [{ market: 'americas' }], sources: cite },
      { type: 'MarketPresence', id: `${id}-presence`, organization: id, market: 'video-streaming', status: 'ACTIVE', sources: cite },
    );
  }
  await loadRecords(graph, records.map((value, i) => ({ file: 'fixture', line: i + 1, value })));
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
