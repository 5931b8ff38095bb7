import { openTestGraph, TestApi, TestGraph, WRITER } from '../helpers/graph';

/**
 * One company, one node: an analyst who loads a registry's record of a company the graph already
 * holds (or a hand-made record of a company a registry put there first) finds one company, whose ids
 * and identifiers all answer it, the merge recorded as a decision of the identifier rule and undoable.
 */
let db: TestGraph;
let api: TestApi;

const SOURCE = { id: 'idm-src-registry', kind: 'REGISTRY', title: 'A company register (test extract)' };
const UPSERT = 'mutation($o: OrganizationInput!, $s: [SourceInput!]) { upsertOrganization(input: $o, newSources: $s) { id } }';
const COMPANY = `query($id: ID, $identifier: IdentifierInput) {
  company(id: $id, identifier: $identifier) { id name aliases redirectedFrom { fromId reason } identifiers { scheme value source { id } locator } }
}`;
const DECISIONS = `query($entity: ID!) {
  resolutionDecisions(first: 10, filter: { entity: $entity, decidedBy: "rule:identifier" }) { nodes { id kind status subjectId candidateId rule } }
}`;

const org = (id: string, name: string, cik: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  kind: 'COMPANY',
  identifiers: [{ scheme: 'CIK', value: cik, locator: `CIK ${cik}` }],
  sources: [{ source: SOURCE.id }],
  ...extra,
});
const upsert = (o: Record<string, unknown>) => api.data(UPSERT, { o, s: [SOURCE] }, WRITER);

/** The fixture's companies, their decisions and identifiers, gone: other tests count the seed's companies. */
async function cleanUp(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      "MATCH (d:Decision) WHERE d.subjectKey STARTS WITH 'entity:idm-' OR d.subjectKey STARTS WITH 'entity:cik-99994' OPTIONAL MATCH (d)-[:STASHED]->(s) DETACH DELETE d, s",
    );
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'idm-' OR n.id STARTS WITH 'cik-99994' DETACH DELETE n");
    await session.run("MATCH (i:Identifier) WHERE i.key STARTS WITH 'CIK:99994' DETACH DELETE i");
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph);
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await api.stop();
  await db.close();
});

describe('one company, one node, by identifiers', () => {
  it('lands a registry record on the company that carries its CIK, the merge recorded and undoable', async () => {
    await upsert(org('idm-globex', 'Globex', '9999400001'));
    await upsert(org('cik-9999400001', 'GLOBEX CORP', '9999400001'));
    const byRegistryId = (await api.data(COMPANY, { id: 'cik-9999400001' })).company;
    expect(byRegistryId).toMatchObject({ id: 'idm-globex', redirectedFrom: { fromId: 'cik-9999400001', reason: 'MERGED' } });
    expect(byRegistryId.aliases).toContain('GLOBEX CORP');
    const byCik = (await api.data(COMPANY, { identifier: { scheme: 'CIK', value: '9999400001' } })).company;
    expect(byCik.id).toBe('idm-globex');
    expect(byCik.identifiers).toEqual([{ scheme: 'CIK', value: '9999400001', source: { id: SOURCE.id }, locator: 'CIK 9999400001' }]);
    const [decision] = (await api.data(DECISIONS, { entity: 'idm-globex' })).resolutionDecisions.nodes;
    expect(decision).toMatchObject({ kind: 'SAME_AS', status: 'ACCEPTED', subjectId: 'cik-9999400001', candidateId: 'idm-globex', rule: 'identifier' });
    // Loading the registry's record again lands on the same company: no error, nothing split.
    await upsert(org('cik-9999400001', 'GLOBEX CORP', '9999400001'));
    expect((await api.data(COMPANY, { id: 'cik-9999400001' })).company.id).toBe('idm-globex');
    // Undone like any merge: both companies back as they were.
    await api.data('mutation($id: ID!) { splitEntity(id: $id) { decision { status } } }', { id: 'cik-9999400001' }, WRITER);
    expect((await api.data(COMPANY, { id: 'cik-9999400001' })).company).toMatchObject({ id: 'cik-9999400001', redirectedFrom: null });
  });

  it('ends in the same company whichever record came first', async () => {
    await upsert(org('cik-9999400002', 'INITECH INC', '9999400002'));
    await upsert(org('idm-initech', 'Initech', '9999400002'));
    // The hand-made id survives either way (a rule of ids, never of order); the registry's id answers it.
    expect((await api.data(COMPANY, { id: 'cik-9999400002' })).company).toMatchObject({ id: 'idm-initech', redirectedFrom: { fromId: 'cik-9999400002' } });
    expect((await api.data(COMPANY, { identifier: { scheme: 'CIK', value: '9999400002' } })).company.id).toBe('idm-initech');
  });

  it('never merges two companies of one name whose identifiers differ', async () => {
    await upsert(org('idm-umbrella-de', 'Umbrella Holdings', '9999400003'));
    await upsert(org('idm-umbrella-tx', 'Umbrella Holdings', '9999400004'));
    for (const id of ['idm-umbrella-de', 'idm-umbrella-tx']) {
      expect((await api.data(COMPANY, { id })).company).toMatchObject({ id, redirectedFrom: null });
      expect((await api.data(DECISIONS, { entity: id })).resolutionDecisions.nodes).toEqual([]);
    }
  });
});
