import { loadRecords } from '../../src/ingest/importer';
import { RawRecord } from '../../src/ingest/record-files';
import { resolveEmployerNames } from '../../src/resolution/auto-resolve';
import { runCli } from '../helpers/cli';
import { codes, openTestGraph, TestApi, TestGraph, testNeo4j } from '../helpers/graph';

/**
 * The review queue as a reviewer works it: what matters first (the jobs in the notices), one company's
 * names as one item, the count and the jobs at the top, filters that narrow it, pages that go on.
 * The fixture's notices are filed in ZZ (a code no country has), so the queue can be read apart from
 * whatever else the test database holds.
 */
let db: TestGraph;
let api: TestApi;

const FIXTURE: Record<string, unknown>[] = [
  { type: 'Source', id: 'rq-src-warn', kind: 'WARN_NOTICES', title: 'WARN notices, test extract' },
  { type: 'Source', id: 'rq-src-register', kind: 'REGISTRY', title: 'A company register (test extract)' },
  { type: 'Market', id: 'rq-zz-qa', name: 'Qa (test)', kind: 'REGION', isoCode: 'ZZ-QA', sources: [{ source: 'rq-src-warn' }] },
  { type: 'Market', id: 'rq-zz-qb', name: 'Qb (test)', kind: 'REGION', isoCode: 'ZZ-QB', sources: [{ source: 'rq-src-warn' }] },
  { type: 'Organization', id: 'rq-quorra', kind: 'COMPANY', name: 'Quorra Logistics Inc.', sources: [{ source: 'rq-src-register' }] },
  { type: 'Organization', id: 'rq-zeller', kind: 'COMPANY', name: 'Zeller Foods Corp', sources: [{ source: 'rq-src-register' }] },
  ...(
    [
      ['rq-n1', 'Quorra Logistics Services', 200, 'rq-zz-qa'],
      ['rq-n2', 'Quorra Logistics Services', 100, 'rq-zz-qa'],
      ['rq-n3', 'Quorra Logistics Trucking', 50, 'rq-zz-qb'],
      ['rq-n4', 'Zeller Foods Packing', 500, 'rq-zz-qb'],
    ] as const
  ).map(([id, employerName, jobs, market]) => ({
    type: 'LayoffEvent',
    id,
    employerName,
    announced: '2023-04-01',
    headcount: { value: jobs, qualifier: 'EXACT' },
    regions: [{ market }],
    sources: [{ source: 'rq-src-warn', locator: id }],
  })),
];
const NAMES = (name: string) => /^(Quorra|Zeller)/.test(name);

const QUEUE = `query($filter: ReviewFilter, $first: Int, $after: String) {
  reviewQueue(filter: $filter) {
    pending groupCount notices jobs
    groups(first: $first, after: $after) { nodes { candidate { id name } kind pending notices jobs decisions { subjectName jobs notices subjectRegion } } pageInfo { hasNextPage endCursor } }
  }
}`;

async function cleanUp(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      "MATCH (d:Decision) WHERE d.subjectKey STARTS WITH 'name:Quorra' OR d.subjectKey STARTS WITH 'name:Zeller' OPTIONAL MATCH (d)-[:STASHED]->(s) DETACH DELETE d, s",
    );
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'rq-' DETACH DELETE n");
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph);
  await cleanUp();
  await loadRecords(
    db.graph,
    FIXTURE.map((value, i): RawRecord => ({ file: 'fixture', line: i + 1, value })),
  );
  await resolveEmployerNames(db.graph, { filter: NAMES });
});
afterAll(async () => {
  await cleanUp();
  await api.stop();
  await db.close();
});

describe('the review queue', () => {
  it('puts what covers the most jobs first, one company’s names as one item, under the count and the jobs', async () => {
    const queue = (await api.data(QUEUE, { filter: { region: 'ZZ' } })).reviewQueue;
    expect(queue).toMatchObject({ pending: 3, groupCount: 2, notices: 4, jobs: 850 });
    const groups = queue.groups.nodes;
    expect(groups.map((g: any) => [g.candidate.id, g.pending, g.notices, g.jobs])).toEqual([
      ['rq-zeller', 1, 1, 500],
      ['rq-quorra', 2, 3, 350],
    ]);
    // Within an item, its names by the jobs they cover, with where they were filed.
    expect(groups[1].decisions).toEqual([
      { subjectName: 'Quorra Logistics Services', jobs: 300, notices: 2, subjectRegion: 'ZZ-QA' },
      { subjectName: 'Quorra Logistics Trucking', jobs: 50, notices: 1, subjectRegion: 'ZZ-QB' },
    ]);
  });

  it('narrows by where the notices were filed and by score, and pages on with a cursor', async () => {
    const qa = (await api.data(QUEUE, { filter: { region: 'ZZ-QA' } })).reviewQueue;
    expect(qa).toMatchObject({ pending: 1, jobs: 300 });
    expect((await api.data(QUEUE, { filter: { region: 'ZZ', minScore: 0.99 } })).reviewQueue).toMatchObject({ pending: 0, groupCount: 0, jobs: 0 });
    const first = (await api.data(QUEUE, { filter: { region: 'ZZ' }, first: 1 })).reviewQueue.groups;
    expect(first.nodes.map((g: any) => g.candidate.id)).toEqual(['rq-zeller']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await api.data(QUEUE, { filter: { region: 'ZZ' }, first: 1, after: first.pageInfo.endCursor })).reviewQueue.groups;
    expect(next.nodes.map((g: any) => g.candidate.id)).toEqual(['rq-quorra']);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a filter or cursor that is not one, as the client’s mistake', async () => {
    expect(codes(await api.execute(QUEUE, { filter: { region: 'somewhere' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.execute(QUEUE, { filter: { minScore: 2 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.execute(QUEUE, { after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('prints the same queue on the command line, count and jobs on top', async () => {
    const { uri, password } = testNeo4j();
    const result = await runCli(['review', 'queue', '--region', 'ZZ'], { NEO4J_URI: uri, NEO4J_PASSWORD: password });
    expect(result.code).toBe(0);
    const [top, ...table] = result.stdout.split('\n');
    expect(top).toBe('3 pending decisions in 2 groups, covering 4 notices and 850 jobs');
    expect(table.join('\n').indexOf('Zeller Foods Corp')).toBeLessThan(table.join('\n').indexOf('Quorra Logistics Inc.'));
  });
});
