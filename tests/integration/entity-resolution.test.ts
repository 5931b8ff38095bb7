import { loadRecords } from '../../src/ingest/importer';
import { RawRecord } from '../../src/ingest/record-files';
import { proposeOrganizationTwins, resolveEmployerNames } from '../../src/resolution/auto-resolve';
import { mergeIn } from '../../src/resolution/merge';
import { runCli } from '../helpers/cli';
import { codes, openTestGraph, testConfig, TestApi, TestGraph, testNeo4j, WRITER } from '../helpers/graph';

/**
 * Entity resolution as an analyst and a reviewer meet it: duplicates merged into one company whose old
 * ids and identifiers still answer, merges undone exactly, notices filed under a warehouse's name rolled
 * up into the company's family, decisions reviewed and never overridden by a later automatic run.
 */
let db: TestGraph;
let api: TestApi;

const source = (id: string, kind: string, title: string, published: string) => ({ type: 'Source', id, kind, title, published: { on: published } });
const cites = (id: string, quote?: string) => [{ source: id, ...(quote ? { quote } : {}) }];

const FIXTURE: Record<string, unknown>[] = [
  source('er-src-news', 'NEWS_ARTICLE', 'Acme to cut 120 jobs at its plant', '2023-03-01'),
  source('er-src-registry', 'REGISTRY', 'A company register', '2023-01-01'),
  source('er-src-warn', 'WARN_NOTICES', 'WARN notices, test extract', '2023-04-01'),
  { type: 'Market', id: 'er-us-oh', name: 'Ohio (test)', kind: 'REGION', isoCode: 'US-OH', sources: cites('er-src-warn') },
  {
    type: 'Organization',
    kind: 'COMPANY',
    id: 'er-acme',
    name: 'Acme Holdings Inc.',
    country: 'US',
    identifiers: [{ scheme: 'CIK', value: '9999100001' }],
    sources: cites('er-src-registry'),
  },
  {
    type: 'Organization',
    kind: 'COMPANY',
    id: 'er-acme-dup',
    name: 'ACME HOLDINGS',
    aliases: ['Acme'],
    country: 'US',
    identifiers: [{ scheme: 'CIK', value: '9999100002' }],
    sources: cites('er-src-news', 'Acme'),
  },
  { type: 'Organization', kind: 'COMPANY', id: 'er-acme-third', name: 'Acme Holdings Company', country: 'US', sources: cites('er-src-news') },
  { type: 'Organization', kind: 'COMPANY', id: 'er-widgets', name: 'Acme Widgets', country: 'US', sources: cites('er-src-registry') },
  { type: 'Organization', kind: 'COMPANY', id: 'er-group', name: 'Acme Group', country: 'US', sources: cites('er-src-registry') },
  {
    type: 'Ownership',
    id: 'er-own-widgets',
    kind: 'SUBSIDIARY',
    child: 'er-widgets',
    parent: 'er-acme-dup',
    since: '2020-01-01',
    sources: cites('er-src-registry'),
  },
  { type: 'Ownership', id: 'er-own-acme', kind: 'SUBSIDIARY', child: 'er-acme', parent: 'er-group', since: '2020-01-01', sources: cites('er-src-registry') },
  { type: 'Person', id: 'er-jane', name: 'Jane Roe', sources: cites('er-src-news') },
  {
    type: 'Role',
    id: 'er-role',
    title: 'Chief executive',
    roleType: 'CEO',
    person: 'er-jane',
    organization: 'er-acme-dup',
    since: '2021-05-01',
    sources: cites('er-src-news'),
  },
  {
    type: 'LayoffEvent',
    id: 'er-layoff-news',
    organizations: ['er-acme-dup'],
    announced: '2023-03-01',
    headcount: { value: 120, qualifier: 'EXACT' },
    sources: cites('er-src-news', 'to cut 120 jobs'),
  },
  ...[
    ['er-notice-1', 'Acme Holdings - Plant 7', 120, '2023-03-02'],
    ['er-notice-2', 'Acme Holdings - Plant 7', 40, '2023-05-10'],
    ['er-notice-3', 'ACME HOLDINGS INC', 15, '2023-06-01'],
    ['er-notice-4', 'Acme Holdings Services', 9, '2023-06-02'],
    ['er-notice-5', 'Acme Pizza Kitchen', 12, '2023-06-03'],
  ].map(([id, employerName, jobs, day]) => ({
    type: 'LayoffEvent',
    id,
    employerName,
    announced: day,
    headcount: { value: jobs, qualifier: 'EXACT' },
    regions: [{ market: 'er-us-oh' }],
    sources: [{ source: 'er-src-warn', locator: id }],
  })),
  {
    type: 'LayoffEvent',
    id: 'er-notice-2a',
    employerName: 'Acme Holdings - Plant 7',
    amends: 'er-notice-2',
    announced: '2023-05-20',
    headcount: { value: 45, qualifier: 'EXACT' },
    regions: [{ market: 'er-us-oh' }],
    sources: [{ source: 'er-src-warn', locator: 'er-notice-2a' }],
  },
];
const ACME_NAMES = (name: string) => /^acme/i.test(name);

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ API_KEYS: 'reviewer:reviewer-token-0123456789' }));
  await cleanUp();
  await loadRecords(
    db.graph,
    FIXTURE.map((value, i): RawRecord => ({ file: 'fixture', line: i + 1, value })),
  );
});
afterAll(async () => {
  await cleanUp();
  await api.stop();
  await db.close();
});

async function cleanUp(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      "MATCH (d:Decision) WHERE d.subjectKey STARTS WITH 'name:Acme' OR d.subjectKey STARTS WITH 'name:ACME' OR d.subjectKey STARTS WITH 'entity:er-' " +
        'OPTIONAL MATCH (d)-[:STASHED]->(s) DETACH DELETE d, s',
    );
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'er-' OR n.id STARTS WITH 'est-acme-' DETACH DELETE n");
    await session.run("MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF]->() WHERE l.id STARTS WITH 'er-' OR l.id STARTS WITH 'est-acme-' DELETE l");
    await session.run("MATCH (i:Identifier) WHERE i.key STARTS WITH 'CIK:00099991' AND NOT EXISTS { (i)-[:IDENTIFIES]->() } DELETE i");
  } finally {
    await session.close();
  }
}

/** Every node and relationship of the graph but the decisions' own records and the change feed (a log of writes, not facts), as sorted lines: equal digests, equal graphs. */
async function graphDigest(): Promise<string[]> {
  const session = db.driver.session();
  const key = (n: string) => `coalesce(${n}.id, ${n}.key, elementId(${n}))`;
  try {
    const nodes = await session.run(
      'MATCH (n) WHERE NOT n:Decision AND NOT n:AbsorbedEntity AND NOT n:ChangeSet AND NOT n:PendingChangeSet AND NOT n:ChangeFeed RETURN apoc_free_labels AS l, properties(n) AS p'.replace(
        'apoc_free_labels',
        "reduce(s = '', l IN labels(n) | s + ':' + l)",
      ),
    );
    const rels = await session.run(
      `MATCH (a)-[r]->(b) WHERE NOT a:Decision AND NOT a:AbsorbedEntity RETURN ${key('a')} AS a, type(r) AS t, ${key('b')} AS b, properties(r) AS p`,
    );
    const lines = [
      ...nodes.records.map((r) => `${[...String(r.get('l')).split(':')].sort().join(':')} ${stable(r.get('p'))}`),
      ...rels.records.map((r) => `${r.get('a')} -${r.get('t')}-> ${r.get('b')} ${stable(r.get('p'))}`),
    ];
    return lines.sort();
  } finally {
    await session.close();
  }
}
const stable = (props: Record<string, unknown>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.keys(props)
        .sort()
        .map((k) => [k, String(props[k])]),
    ),
  );

const MERGE = `mutation($survivorId: ID!, $absorbedId: ID!, $note: String) {
  mergeEntities(survivorId: $survivorId, absorbedId: $absorbedId, note: $note) {
    moved copied alreadyThere aliasesAdded decision { id kind status decidedBy note subjectId candidateId }
  }
}`;
const SPLIT = `mutation($id: ID!) { splitEntity(id: $id) { restored changedSinceMerge decision { id status undoneBy } } }`;
const COMPANY = `query($id: ID!) {
  company(id: $id) {
    id name aliases redirectedFrom { fromId reason fromName }
    identifiers { scheme value }
    roles { title person { id } }
    corporateFamily { members { organization { id } } }
    layoffEvents { id }
    sources { source { id } quote }
  }
}`;

describe('merging duplicates', () => {
  it('moves the absorbed company’s leaders, subsidiaries, layoffs and sources to the survivor, keeps its names, and its id and CIK answer the survivor', async () => {
    const before = await graphDigest();
    const { mergeEntities: merged } = await api.data(
      MERGE,
      { survivorId: 'er-acme', absorbedId: 'er-acme-dup', note: 'same CIK filer, two spellings' },
      WRITER,
    );
    expect(merged.decision).toMatchObject({ kind: 'SAME_AS', status: 'ACCEPTED', decidedBy: 'key:tests', subjectId: 'er-acme-dup', candidateId: 'er-acme' });
    expect(merged.aliasesAdded).toEqual(['ACME HOLDINGS', 'Acme']);
    expect(merged.moved).toBe(3); // the role, the subsidiary link, the layoff
    expect(merged.copied).toBe(1); // its citation

    const { company } = await api.data(COMPANY, { id: 'er-acme-dup' });
    expect(company.id).toBe('er-acme');
    expect(company.redirectedFrom).toEqual({ fromId: 'er-acme-dup', reason: 'MERGED', fromName: 'ACME HOLDINGS' });
    expect(company.aliases).toEqual(['ACME HOLDINGS', 'Acme']);
    expect(company.identifiers.map((i: { value: string }) => i.value).sort()).toEqual(['9999100001', '9999100002']);
    expect(company.roles.map((r: { person: { id: string } }) => r.person.id)).toEqual(['er-jane']);
    expect(company.corporateFamily.members.map((m: { organization: { id: string } }) => m.organization.id)).toContain('er-widgets');
    expect(company.layoffEvents.map((e: { id: string }) => e.id)).toEqual(['er-layoff-news']);
    expect(company.sources.map((s: { source: { id: string } }) => s.source.id).sort()).toEqual(['er-src-news', 'er-src-registry']);

    const byCik = await api.data(`{ company(identifier: {scheme: CIK, value: "9999100002"}) { id redirectedFrom { fromId reason } } }`);
    expect(byCik.company).toEqual({ id: 'er-acme', redirectedFrom: { fromId: 'er-acme-dup', reason: 'MERGED' } });
    const search = await api.data(`{ search(text: "Acme Holdings", first: 10) { node { ... on Organization { id } } } }`);
    expect(search.search.map((h: { node: { id?: string } }) => h.node.id)).not.toContain('er-acme-dup');

    // Splitting gives back the graph as it was, node for node, property for property.
    const { splitEntity: split } = await api.data(SPLIT, { id: 'er-acme-dup' }, WRITER);
    expect(split).toMatchObject({ restored: 4, changedSinceMerge: 0, decision: { status: 'UNDONE', undoneBy: 'key:tests' } });
    expect(await graphDigest()).toEqual(before);
  });

  it('refuses to merge a company with itself, with a person, with its own parent, or a merged id again, and changes nothing', async () => {
    const before = await graphDigest();
    const attempts: Array<[Record<string, string>, string]> = [
      [{ survivorId: 'er-acme', absorbedId: 'er-acme' }, 'BAD_USER_INPUT'],
      [{ survivorId: 'er-acme', absorbedId: 'er-jane' }, 'BAD_USER_INPUT'],
      [{ survivorId: 'er-acme', absorbedId: 'er-group' }, 'CONFLICT'],
      [{ survivorId: 'er-group', absorbedId: 'er-acme' }, 'CONFLICT'],
      [{ survivorId: 'er-acme', absorbedId: 'er-nobody' }, 'BAD_USER_INPUT'],
    ];
    for (const [variables, code] of attempts) expect(codes(await api.execute(MERGE, variables, WRITER))).toEqual([code]);
    expect(codes(await api.execute(MERGE, { survivorId: 'er-acme', absorbedId: 'er-acme-dup' }))).toEqual(['UNAUTHENTICATED']);
    expect(await graphDigest()).toEqual(before);

    // A = B and B = C never silently makes A = C: once B is merged, C is decided against A, explicitly.
    await api.data(MERGE, { survivorId: 'er-acme', absorbedId: 'er-acme-dup' }, WRITER);
    const again = await api.execute(MERGE, { survivorId: 'er-acme-dup', absorbedId: 'er-acme-third' }, WRITER);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].message).toMatch(/"er-acme-dup" already redirects to "er-acme"/);
    await api.data(SPLIT, { id: 'er-acme-dup' }, WRITER);
    expect(await graphDigest()).toEqual(before);
  });

  it('lands a new fact about a merged id on its survivor, and refuses to rewrite the merged id as a company', async () => {
    await api.data(MERGE, { survivorId: 'er-acme', absorbedId: 'er-acme-dup' }, WRITER);
    const role = `mutation { upsertRole(input: { id: "er-role-2", title: "Chief financial officer", roleType: EXECUTIVE, person: "er-jane", organization: "er-acme-dup", sources: [{ source: "er-src-news" }] }) { organization { id } } }`;
    expect((await api.data(role, {}, WRITER)).upsertRole.organization.id).toBe('er-acme');
    const rewrite = await api.execute(
      `mutation { upsertOrganization(input: { id: "er-acme-dup", name: "ACME HOLDINGS", kind: COMPANY, sources: [{ source: "er-src-news" }] }) { id } }`,
      {},
      WRITER,
    );
    expect(codes(rewrite)).toEqual(['CONFLICT']);
    expect(rewrite.errors![0].message).toMatch(/now redirects to "er-acme"/);
    const session = db.driver.session();
    await session.run("MATCH (r:Role {id: 'er-role-2'}) DETACH DELETE r");
    await session.close();
    await api.data(SPLIT, { id: 'er-acme-dup' }, WRITER);
  });

  it('proposes merging the companies that share a name key, for a reviewer, never merging them itself', async () => {
    const before = await graphDigest();
    await proposeOrganizationTwins(db.graph, { by: 'test:twins' });
    const { resolutionDecisions } = await api.data(
      `{ resolutionDecisions(filter: { entity: "er-acme", status: PENDING }) { nodes { kind subjectId candidateId proposedBy reasons { kind } } } }`,
    );
    expect(
      resolutionDecisions.nodes
        .filter((d: { proposedBy: string }) => d.proposedBy === 'test:twins')
        .map((d: { subjectId: string }) => d.subjectId)
        .sort(),
      // er-acme-dup was merged and split by the tests above: a pair decided once is left alone.
    ).toEqual(['er-acme-third']);
    expect(resolutionDecisions.nodes[0]).toMatchObject({
      kind: 'SAME_AS',
      candidateId: 'er-acme',
      reasons: [{ kind: 'NAME_KEY_EQUAL' }, { kind: 'SAME_COUNTRY' }],
    });
    expect(await graphDigest()).toEqual(before);
    const session = db.driver.session();
    await session.run("MATCH (d:Decision {proposedBy: 'test:twins'}) DETACH DELETE d");
    await session.close();
  });

  it('serializes concurrent merges touching the same company: no fact lost or doubled, even without the in-process locks', async () => {
    const before = await graphDigest();
    const facts = async () => {
      const session = db.driver.session();
      try {
        const r = await session.run(
          "MATCH (x)-[r:AT|AT_ORGANIZATION|SUBSIDIARY_OF]->(o:Organization) WHERE o.id IN ['er-acme', 'er-acme-dup', 'er-acme-third'] RETURN count(r) AS n",
        );
        return r.records[0].get('n').toNumber();
      } finally {
        await session.close();
      }
    };
    const factsBefore = await facts();
    // Two requests at once through the API, and two transactions straight to Neo4j (as two processes would).
    const results = await Promise.allSettled([
      api.data(MERGE, { survivorId: 'er-acme', absorbedId: 'er-acme-dup' }, WRITER),
      db.graph.writeTransaction((tx) => mergeIn(tx, { survivorId: 'er-acme', absorbedId: 'er-acme-third', by: 'test:second-process' })),
      db.graph.writeTransaction((tx) => mergeIn(tx, { survivorId: 'er-acme-dup', absorbedId: 'er-acme-third', by: 'test:third-process' })),
    ]);
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    expect(succeeded).toBeGreaterThanOrEqual(2);
    expect(await facts()).toBe(factsBefore);
    const { company } = await api.data(COMPANY, { id: 'er-acme-third' });
    expect(['er-acme', 'er-acme-dup']).toContain(company.id);
    // Undo in reverse order: whichever merged last is split first.
    for (const id of ['er-acme-third', 'er-acme-dup', 'er-acme-third']) {
      const answer = await api.execute(SPLIT, { id }, WRITER);
      if (answer.errors) expect(codes(answer)).toEqual(expect.arrayContaining([expect.stringMatching(/BAD_USER_INPUT|CONFLICT/)]));
    }
    expect(await graphDigest()).toEqual(before);
  });
});

const QUEUE = `query($status: DecisionStatus) {
  resolutionDecisions(filter: { status: $status }, first: 100) {
    nodes { id kind status subjectName candidateId score rule decidedBy notices establishmentId reasons { kind } }
  }
}`;
const ROLLUP = `query($id: ID!, $groupBy: RollupGrouping) {
  company(id: $id) { layoffRollup(groupBy: $groupBy) { groups { key events low high eventIds } total { events low high eventIds } } }
}`;
const acmeDecisions = async (status?: string) =>
  ((await api.data(QUEUE, { status })).resolutionDecisions.nodes as Array<Record<string, any>>).filter((d) => d.subjectName && ACME_NAMES(d.subjectName));

describe('resolving the employers of WARN notices', () => {
  beforeAll(async () => {
    await api.data(MERGE, { survivorId: 'er-acme', absorbedId: 'er-acme-dup' }, WRITER);
    await api.data(MERGE, { survivorId: 'er-acme', absorbedId: 'er-acme-third' }, WRITER);
  });

  it('links the notices of an exact name and of a site of the company automatically, and leaves the unsure to a reviewer', async () => {
    const run = await resolveEmployerNames(db.graph, { filter: ACME_NAMES });
    expect(run).toMatchObject({ names: 4, accepted: { SAME_AS: 1, ESTABLISHMENT_OF: 1 }, pending: 2, unmatched: 0, establishments: 1 });
    const decided = await acmeDecisions('ACCEPTED');
    const site = decided.find((d) => d.subjectName === 'Acme Holdings - Plant 7')!;
    expect(site).toMatchObject({ kind: 'ESTABLISHMENT_OF', candidateId: 'er-acme', decidedBy: 'rule:auto-v1', notices: 3 });
    expect(site.reasons.map((r: { kind: string }) => r.kind)).toContain('SITE_OF');
    expect(decided.find((d) => d.subjectName === 'ACME HOLDINGS INC')).toMatchObject({ kind: 'SAME_AS', candidateId: 'er-acme' });
    const pending = await acmeDecisions('PENDING');
    expect(pending.find((d) => d.subjectName === 'Acme Holdings Services')).toMatchObject({ status: 'PENDING', decidedBy: null });
    // A pizza place that shares the listed company's first word is a question for a reviewer, never an answer.
    expect(pending.find((d) => d.subjectName === 'Acme Pizza Kitchen')).toMatchObject({
      status: 'PENDING',
      reasons: [{ kind: 'BRAND_WORD' }, { kind: 'SAME_COUNTRY' }],
    });

    const establishment = await api.data(
      `query($id: ID!) { company(id: $id) { kind name parent { id } layoffEvents { id } sources { source { id } locator } } }`,
      {
        id: site.establishmentId,
      },
    );
    expect(establishment.company).toMatchObject({ kind: 'ESTABLISHMENT', name: 'Acme Holdings - Plant 7', parent: { id: 'er-acme' } });
    expect(establishment.company.layoffEvents.map((e: { id: string }) => e.id).sort()).toEqual(['er-notice-1', 'er-notice-2', 'er-notice-2a']);
  });

  it('rolls the establishment’s notices up into the family, the amendment counted instead of the notice it corrects', async () => {
    const { company } = await api.data(ROLLUP, { id: 'er-acme', groupBy: 'SOURCE_KIND' });
    const warn = company.layoffRollup.groups.find((g: { key: string }) => g.key === 'WARN_NOTICES');
    expect(warn.eventIds.sort()).toEqual(['er-notice-1', 'er-notice-2a', 'er-notice-3']);
    expect(warn).toMatchObject({ events: 3, low: 120 + 45 + 15 });
    expect(company.layoffRollup.total).toMatchObject({ events: 4, low: 120 + 120 + 45 + 15 });
  });

  it('counts a layoff told by the news and by a notice once when a reviewer merges the two events', async () => {
    await api.data(MERGE, { survivorId: 'er-layoff-news', absorbedId: 'er-notice-1', note: 'same plant, same 120 jobs' }, WRITER);
    const { company } = await api.data(ROLLUP, { id: 'er-acme', groupBy: 'SOURCE_KIND' });
    expect(company.layoffRollup.total).toMatchObject({ events: 3, low: 120 + 45 + 15 });
    const groups = Object.fromEntries(company.layoffRollup.groups.map((g: { key: string; eventIds: string[] }) => [g.key, g.eventIds.sort()]));
    expect(groups).toEqual({ NEWS_ARTICLE: ['er-layoff-news'], WARN_NOTICES: ['er-layoff-news', 'er-notice-2a', 'er-notice-3'] });
    const event = await api.data(`{ layoffEvent(id: "er-notice-1") { id sources { source { kind } locator } } }`);
    expect(event.layoffEvent.id).toBe('er-layoff-news');
    expect(event.layoffEvent.sources.map((s: { source: { kind: string } }) => s.source.kind).sort()).toEqual(['NEWS_ARTICLE', 'WARN_NOTICES']);
    await api.data(SPLIT, { id: 'er-notice-1' }, WRITER);
  });

  it('lets a reviewer reject a proposal, and no later automatic run proposes it again', async () => {
    const pending = (await acmeDecisions('PENDING')).find((d) => d.subjectName === 'Acme Holdings Services')!;
    const reject = `mutation($id: ID!) { rejectResolution(id: $id, note: "a services firm, not the holding") { kind status decidedBy note } }`;
    expect((await api.data(reject, { id: pending.id }, WRITER)).rejectResolution).toEqual({
      kind: 'NOT_SAME_AS',
      status: 'ACCEPTED',
      decidedBy: 'key:tests',
      note: 'a services firm, not the holding',
    });
    const rerun = await resolveEmployerNames(db.graph, { filter: ACME_NAMES });
    expect(rerun).toMatchObject({ names: 1, pending: 0, unmatched: 1, accepted: { SAME_AS: 0, ESTABLISHMENT_OF: 0 } });
    expect((await acmeDecisions('PENDING')).map((d) => d.subjectName)).toEqual(['Acme Pizza Kitchen']);
    expect((await acmeDecisions('ACCEPTED')).find((d) => d.id === pending.id)).toMatchObject({ kind: 'NOT_SAME_AS' });
  });

  it('undoes an automatic link: the establishment and its links go, and accepting it again brings them back', async () => {
    const site = (await acmeDecisions('ACCEPTED')).find((d) => d.subjectName === 'Acme Holdings - Plant 7')!;
    const undo = `mutation($id: ID!) { undoResolution(id: $id) { status undoneBy establishment { id } } }`;
    expect((await api.data(undo, { id: site.id }, WRITER)).undoResolution).toEqual({ status: 'UNDONE', undoneBy: 'key:tests', establishment: null });
    expect((await api.data(`query($id: ID!) { company(id: $id) { id } }`, { id: site.establishmentId })).company).toBeNull();
    const accept = `mutation($id: ID!) { acceptResolution(id: $id, note: "checked the address") { status decidedBy note establishment { layoffEvents { id } } } }`;
    const accepted = (await api.data(accept, { id: site.id }, WRITER)).acceptResolution;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', decidedBy: 'key:tests', note: 'checked the address' });
    expect(accepted.establishment.layoffEvents).toHaveLength(3);
    expect(codes(await api.execute(accept, { id: site.id }, WRITER))).toEqual(['CONFLICT']);
    expect(codes(await api.execute(accept, { id: 'dec-nothing' }, WRITER))).toEqual(['BAD_USER_INPUT']);
  });

  it('gives the review queue on the command line too: list, a refused merge, a split', async () => {
    const listed = await cli(['review', 'list', '--status', 'ACCEPTED', '--format', 'json', '--first', '100']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ subject: 'ACME HOLDINGS INC', kind: 'SAME_AS', candidate: 'er-acme' })]),
    );
    const refused = await cli(['review', 'merge', 'er-acme', 'er-widgets']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/CONFLICT: .*ownership cycle/);
    const split = await cli(['review', 'split', 'er-acme-third', '--by', 'analyst', '--note', 'a different filer']);
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout)).toMatchObject({ absorbedId: 'er-acme-third', survivorId: 'er-acme' });
    expect((await api.data(COMPANY, { id: 'er-acme-third' })).company).toMatchObject({ id: 'er-acme-third', redirectedFrom: null });
  });
});

function cli(args: string[]) {
  const { uri, password } = testNeo4j();
  return runCli(args, { NEO4J_URI: uri, NEO4J_PASSWORD: password });
}
