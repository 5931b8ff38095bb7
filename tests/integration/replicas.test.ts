import { loadRecords } from '../../src/ingest/importer';
import { RawRecord } from '../../src/ingest/record-files';
import { proposeMerge } from '../../src/resolution/decisions';
import { openTestGraph, TestGraph, testNeo4j } from '../helpers/graph';
import { ServiceProcess } from '../helpers/service-process';

/**
 * Merges, splits and review decisions with other writes racing them, sent to two API processes on one
 * Neo4j: the way corpgraph scales out (N stateless replicas behind a load balancer). Every guard has to
 * hold in the database: nothing lands on an entity a merge has just absorbed, no fact is lost or moved
 * to the wrong entity, and a merge can always be undone.
 */
const TOKEN = 'replicas-token-0123456789';
let db: TestGraph;
let services: ServiceProcess[] = [];
let urls: string[] = [];

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}
const codeOf = (a: Answer) => a.errors?.[0]?.extensions?.code ?? null;

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, any>>> {
  const session = db.driver.session();
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function load(values: Record<string, unknown>[]): Promise<void> {
  await loadRecords(
    db.graph,
    values.map((value, i): RawRecord => ({ file: 'fixture', line: i + 1, value })),
  );
}

const SOURCE = { type: 'Source', id: 'rp-src', kind: 'NEWS_ARTICLE', title: 'Replicas test source', published: { on: '2024-01-10' } };
const cites = [{ source: 'rp-src' }];
const person = (id: string, name: string) => ({ type: 'Person', id, name, sources: cites });
const company = (id: string, name: string) => ({ type: 'Organization', kind: 'COMPANY', id, name, country: 'US', sources: cites });
const role = (id: string, personId: string, organization: string) => ({
  type: 'Role',
  id,
  title: 'Chief executive',
  roleType: 'CEO',
  person: personId,
  organization,
  since: '2020-01-01',
  sources: cites,
});

const MERGE = `mutation($survivorId: ID!, $absorbedId: ID!) { mergeEntities(survivorId: $survivorId, absorbedId: $absorbedId) { moved decision { id } } }`;
const SPLIT = `mutation($id: ID!) { splitEntity(id: $id) { restored changedSinceMerge } }`;
const UPSERT_ROLE = `mutation($id: ID!, $person: ID!) {
  upsertRole(input: { id: $id, title: "Director", roleType: BOARD_MEMBER, person: $person, organization: "rp-org-1", sources: [{ source: "rp-src" }] }) { person { id } }
}`;

beforeAll(async () => {
  db = openTestGraph();
  await cleanUp();
  await load([SOURCE, company('rp-org-1', 'Replica Widgets Inc.'), company('rp-org-2', 'Replica Gadgets Inc.')]);
  const n = testNeo4j();
  services = [0, 1].map(
    () => new ServiceProcess({ NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password, PORT: '0', API_KEYS: `replicas:${TOKEN}`, RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' }),
  );
  urls = await Promise.all(services.map((s) => s.ready()));
}, 240000);

afterAll(async () => {
  for (const s of services) s.child.kill('SIGTERM');
  await Promise.all(services.map((s) => s.exited));
  await cleanUp();
  await db.close();
});

async function cleanUp(): Promise<void> {
  await cypher("MATCH (d:Decision) WHERE d.subjectKey STARTS WITH 'entity:rp-' OPTIONAL MATCH (d)-[:STASHED]->(s) DETACH DELETE d, s");
  await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH 'rp-' DETACH DELETE n");
  await cypher(
    "MATCH (x:Proposal)-[:PROPOSED_IN]->(e:Extraction) WHERE e.title STARTS WITH 'Replica wire' OPTIONAL MATCH (e)<-[:PROPOSED_IN]-(y:Proposal) DETACH DELETE x, y, e",
  );
  await cypher("MATCH (n:Entity) WHERE n.id STARTS WITH 'layoff-rp-' OR (n:Source AND n.title STARTS WITH 'Replica wire') DETACH DELETE n");
}

/** Every relationship touching the entities `ids` (but the decisions' own), as sorted lines. */
async function relationshipsOf(ids: string[]): Promise<string[]> {
  const rows = await cypher(
    `MATCH (a)-[r]->(b) WHERE (a.id IN $ids OR b.id IN $ids) AND NOT a:Decision AND NOT a:AbsorbedEntity
     RETURN coalesce(a.id, elementId(a)) + ' -' + type(r) + '-> ' + coalesce(b.id, elementId(b)) AS line`,
    { ids },
  );
  return rows.map((r) => r.line as string).sort();
}

describe('a chain of merges, split back step by step', () => {
  it('gives every person back exactly their own roles and announcements (B into A, A into C; split A, then B)', async () => {
    await load([
      person('rp-b', 'Bea Replica'),
      person('rp-a', 'Abe Replica'),
      person('rp-c', 'Cal Replica'),
      role('rp-role-b1', 'rp-b', 'rp-org-1'),
      role('rp-role-b2', 'rp-b', 'rp-org-2'),
      role('rp-role-a', 'rp-a', 'rp-org-1'),
      role('rp-role-c', 'rp-c', 'rp-org-2'),
      {
        type: 'LayoffEvent',
        id: 'rp-layoff-b',
        organizations: ['rp-org-1'],
        announced: '2024-01-10',
        announcedBy: 'rp-b',
        headcount: { value: 50, qualifier: 'EXACT' },
        sources: cites,
      },
    ]);
    const people = ['rp-a', 'rp-b', 'rp-c'];
    const before = await relationshipsOf(people);
    const [api1, api2] = urls;
    expect(codeOf(await post(api1, MERGE, { survivorId: 'rp-a', absorbedId: 'rp-b' }))).toBeNull();
    expect(codeOf(await post(api2, MERGE, { survivorId: 'rp-c', absorbedId: 'rp-a' }))).toBeNull();
    // B's split waits for A's: the survivor was merged on.
    expect(codeOf(await post(api1, SPLIT, { id: 'rp-b' }))).toBe('CONFLICT');
    const splitA = await post(api1, SPLIT, { id: 'rp-a' });
    expect(splitA.data?.splitEntity).toEqual({ restored: expect.any(Number), changedSinceMerge: 0 });
    const splitB = await post(api2, SPLIT, { id: 'rp-b' });
    expect(splitB.data?.splitEntity).toEqual({ restored: expect.any(Number), changedSinceMerge: 0 });
    expect(await relationshipsOf(people)).toEqual(before);
    const answer = await post(api1, `{ person(id: "rp-b") { roles { id } layoffsAnnounced { id } } }`);
    const roles = (answer.data?.person.roles as Array<{ id: string }>).map((r) => r.id).sort();
    expect(roles).toEqual(['rp-role-b1', 'rp-role-b2']);
    expect(answer.data?.person.layoffsAnnounced).toEqual([{ id: 'rp-layoff-b' }]);
  });
});

describe('two API processes on one Neo4j', () => {
  it('answers the same split sent to both once with the split and once with a conflict, never an internal error', async () => {
    await load([person('rp-s1', 'Split Replica'), person('rp-s2', 'Split Replica Twin'), role('rp-role-s2', 'rp-s2', 'rp-org-2')]);
    for (let round = 0; round < 10; round += 1) {
      expect(codeOf(await post(urls[round % 2], MERGE, { survivorId: 'rp-s1', absorbedId: 'rp-s2' }))).toBeNull();
      const answers = await Promise.all(urls.map((url) => post(url, SPLIT, { id: 'rp-s2' })));
      const codes = answers.map(codeOf).sort();
      expect(codes).toEqual(['CONFLICT', null].sort());
      const loser = answers.find((a) => codeOf(a) === 'CONFLICT')!;
      expect(loser.status).toBe(409);
      expect(loser.errors![0].message).toMatch(/was already undone/);
      expect(await cypher("MATCH (p:Person {id: 'rp-s2'})<-[:HELD_BY]-(:Role {id: 'rp-role-s2'}) RETURN p.id AS id")).toHaveLength(1);
    }
  });

  it('lands every role written while a merge absorbs its person on the survivor, none on the redirect', async () => {
    const rounds = 5;
    for (let round = 0; round < rounds; round += 1) {
      await load([person(`rp-m${round}-a`, `Merge Replica ${round}`), person(`rp-m${round}-b`, `Merge Replica Twin ${round}`)]);
      const writes = Array.from({ length: 9 }, (_, i) => post(urls[i % 2], UPSERT_ROLE, { id: `rp-m${round}-role-${i}`, person: `rp-m${round}-b` }));
      const merge = post(urls[round % 2], MERGE, { survivorId: `rp-m${round}-a`, absorbedId: `rp-m${round}-b` });
      const answers = await Promise.all([merge, ...writes]);
      for (const a of answers) expect(codeOf(a)).toBeNull();
      for (const a of answers.slice(1)) expect(a.data?.upsertRole.person.id).toMatch(new RegExp(`^rp-m${round}-[ab]$`));
    }
    expect(await cypher("MATCH (r:Role)-[:HELD_BY]->(p:Redirect) WHERE r.id STARTS WITH 'rp-m' RETURN r.id AS id")).toEqual([]);
    for (let round = 0; round < rounds; round += 1) {
      const { data } = await post(urls[round % 2], `query($id: ID!) { person(id: $id) { id roles { id } } }`, { id: `rp-m${round}-b` });
      expect(data?.person.id).toBe(`rp-m${round}-a`);
      expect(data?.person.roles).toHaveLength(9);
    }
  });

  it('serializes accept and reject of one decision: whatever order they take, the state is one the API can still undo', async () => {
    const ACCEPT = `mutation($id: ID!) { acceptResolution(id: $id) { status kind } }`;
    const REJECT = `mutation($id: ID!) { rejectResolution(id: $id) { status kind } }`;
    const STATE = `query($id: ID!) { resolutionDecision(id: $id) { status kind } }`;
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = [`rp-d${round}-a`, `rp-d${round}-b`];
      await load([person(a, `Decision Replica ${round}`), person(b, `Decision Replica Twin ${round}`), role(`rp-d${round}-role`, b, 'rp-org-1')]);
      const id = await proposeMerge(db.graph, b, a, 'test:replicas');
      const [accept, reject] = await Promise.all([post(urls[round % 2], ACCEPT, { id }), post(urls[(round + 1) % 2], REJECT, { id })]);
      const decision = (await post(urls[0], STATE, { id })).data?.resolutionDecision;
      const absorbed = (await cypher('MATCH (n:Entity {id: $b}) RETURN n:Redirect AS redirect', { b }))[0].redirect;
      // Reject is never refused (it undoes an accepted merge first), so it is the last word.
      expect(codeOf(reject)).toBeNull();
      expect(decision).toEqual({ status: 'ACCEPTED', kind: 'NOT_SAME_AS' });
      expect(absorbed).toBe(false);
      // An accept that came after the reject is refused, and says so.
      if (codeOf(accept)) expect(codeOf(accept)).toBe('CONFLICT');
      expect(await cypher('MATCH (r:Role {id: $r})-[:HELD_BY]->(p) RETURN p.id AS id', { r: `rp-d${round}-role` })).toEqual([{ id: b }]);
    }
  });

  it('lands layoffs accepted from an article while a merge absorbs their company on the survivor', async () => {
    const EXTRACT = `mutation($input: ArticleInput!) { extractArticle(input: $input, submit: true) { proposals { id factType } } }`;
    const ACCEPT = `mutation($id: ID!) { acceptExtractedFact(id: $id) { status fact { id } } }`;
    // The survivor under another name: a merge of a company known by two names (the article uses the absorbed one).
    const names = [
      ['Quarlow Freight', 'Northgate Logistics'],
      ['Bexmoor Textiles', 'Fairhaven Mills'],
      ['Ravelin Foods', 'Stonebrook Provisions'],
      ['Calder Optics', 'Brightwater Lenses'],
      ['Mirefield Paper', 'Ashcombe Pulp'],
      ['Tansy Robotics', 'Kestrel Automation'],
      ['Olvera Plastics', 'Pembury Polymers'],
    ];
    let accepted = 0;
    for (const [round, [name, survivorName]] of names.entries()) {
      const [a, b] = [`rp-x${round}-a`, `rp-x${round}-b`];
      await load([company(a, survivorName), company(b, name)]);
      const text =
        `${name} said on Monday that it would cut 120 jobs at its northern depots. ` +
        `A week later, ${name} announced a second round of 85 job cuts at its head office.`;
      const { data } = await post(urls[round % 2], EXTRACT, {
        input: { text, published: '2024-03-04', title: `Replica wire ${round}`, publishers: ['Replica Wire'] },
      });
      const layoffs = (data?.extractArticle.proposals as Array<{ id: string; factType: string }>).filter((p) => p.factType === 'LAYOFF_EVENT');
      expect(layoffs.length).toBeGreaterThan(0);
      const answers = await Promise.all([
        post(urls[round % 2], MERGE, { survivorId: a, absorbedId: b }),
        ...layoffs.map((p, i) => post(urls[(round + i + 1) % 2], ACCEPT, { id: p.id })),
      ]);
      for (const answer of answers) expect(codeOf(answer)).toBeNull();
      accepted += layoffs.length;
      const { data: held } = await post(urls[0], `query($id: ID!) { company(id: $id) { id layoffEvents { id } } }`, { id: b });
      expect(held?.company.id).toBe(a);
      expect(held?.company.layoffEvents).toHaveLength(layoffs.length);
    }
    expect(accepted).toBeGreaterThanOrEqual(names.length);
    expect(await cypher("MATCH (e:LayoffEvent)-[:AT_ORGANIZATION]->(r:Redirect) WHERE r.id STARTS WITH 'rp-x' RETURN e.id AS id")).toEqual([]);
  });
});
