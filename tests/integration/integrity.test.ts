import { codes, keepLinkCitations, openTestGraph, testConfig, TestApi, TestGraph, WRITER } from '../helpers/graph';

/**
 * No interleaving of writes may corrupt the graph: an id names exactly one fact (one node of one type,
 * or one parent link), whatever runs at the same time, and every write that was acknowledged is there.
 */
let db: TestGraph;
let api: TestApi;
const cite = [{ source: 'src-news-amazon-layoffs-2024-01' }];

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', API_KEYS: 'ci:test-writer-token-0123456789' }));
  for (const id of ['ix-child', 'ix-parent']) {
    await api.data(
      'mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { id } }',
      { i: { id, name: id, kind: 'COMPANY', sources: cite } },
      WRITER,
    );
  }
});
afterAll(async () => {
  const session = db.driver.session();
  await session.run("MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF]->() WHERE l.id STARTS WITH 'ix-' DELETE l");
  await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'ix-' DETACH DELETE n");
  await session.close();
  await api.stop();
  await db.close();
});

const UPSERT = {
  Person: 'mutation($i: PersonInput!) { upsertPerson(input: $i) { id name } }',
  Organization: 'mutation($i: OrganizationInput!) { upsertOrganization(input: $i) { id name } }',
  Ownership: 'mutation($i: OwnershipInput!) { upsertOwnership(input: $i) { id } }',
} as const;
type Kind = keyof typeof UPSERT;

function input(kind: Kind, id: string, name: string): Record<string, unknown> {
  if (kind === 'Ownership') return { id, kind: 'SUBSIDIARY', child: 'ix-child', parent: 'ix-parent', since: { on: '2020' }, sources: cite };
  if (kind === 'Organization') return { id, name, kind: 'COMPANY', sources: cite };
  return { id, name, sources: cite };
}

/** Every fact an id names: node labels (less Entity) and parent links. */
async function factsOf(ids: string[]): Promise<Map<string, { kinds: string[]; name: string | null }>> {
  const session = db.driver.session();
  try {
    const result = await session.run(
      `UNWIND $ids AS id
       OPTIONAL MATCH (n:Entity {id: id})
       OPTIONAL MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF {id: id}]->()
       RETURN id, CASE WHEN n IS NULL THEN [] ELSE [x IN labels(n) WHERE x <> 'Entity'] END + CASE WHEN l IS NULL THEN [] ELSE ['Ownership'] END AS kinds, n.name AS name`,
      { ids },
    );
    return new Map(result.records.map((r) => [r.get('id') as string, { kinds: r.get('kinds') as string[], name: r.get('name') as string | null }]));
  } finally {
    await session.close();
  }
}

describe('concurrent writes on the same new ids', () => {
  it('leave every id naming exactly one fact, of the type of the writes that were acknowledged (50 rounds of 20)', async () => {
    const kinds: Kind[] = ['Person', 'Organization', 'Ownership'];
    let acknowledged = 0;
    let refused = 0;
    for (let round = 0; round < 50; round += 1) {
      const ids = [`ix-${round}-a`, `ix-${round}-b`];
      const writes = Array.from({ length: 20 }, (_, i) => ({ kind: kinds[(i + round) % 3], id: ids[i % 2], name: `writer ${i}` }));
      const answers = await Promise.all(writes.map((w) => api.execute(UPSERT[w.kind], { i: input(w.kind, w.id, w.name) }, WRITER)));
      const facts = await factsOf(ids);
      for (const id of ids) {
        const mine = writes.map((w, i) => ({ ...w, answer: answers[i] })).filter((w) => w.id === id);
        const ok = mine.filter((w) => !w.answer.errors);
        const stored = facts.get(id)!;
        // Exactly one kind of fact under the id, and it is the kind every acknowledged write had.
        expect(stored.kinds).toHaveLength(1);
        expect(ok.length).toBeGreaterThan(0);
        expect(new Set(ok.map((w) => w.kind))).toEqual(new Set(stored.kinds));
        if (stored.kinds[0] !== 'Ownership') expect(ok.map((w) => w.name)).toContain(stored.name);
        // The others were told why, with the id and the type that holds it.
        for (const w of mine.filter((x) => x.answer.errors)) {
          expect([codes(w.answer), w.answer.errors![0].message]).toEqual([['CONFLICT'], expect.stringContaining(`id "${id}" already names`)]);
          expect(w.answer.errors![0].extensions).toMatchObject({ id, existingType: stored.kinds[0] });
          expect(w.answer.errors![0].message).toContain(`id "${id}" already names`);
        }
        acknowledged += ok.length;
        refused += mine.length - ok.length;
      }
    }
    expect(acknowledged + refused).toBe(1000);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('ids across nodes and parent links', () => {
  it('refuses a node whose id is a parent link, and leaves both facts as they were', async () => {
    const answer = await api.execute(UPSERT.Person, { i: input('Person', 'own-twitch-amazon', 'Not a link') }, WRITER);
    expect(codes(answer)).toEqual(['CONFLICT']);
    expect(answer.errors![0].message).toMatch(/id "own-twitch-amazon" already names an Ownership/);
    expect((await factsOf(['own-twitch-amazon'])).get('own-twitch-amazon')).toEqual({ kinds: ['Ownership'], name: null });
    // cite() on the link id changes only the link.
    const sources = (
      await api.data('mutation { cite(fact: "own-twitch-amazon", sources: [{ source: "src-twitch-blog-2024-01" }]) { source { id } } }', {}, WRITER)
    ).cite;
    expect(sources.map((s: any) => s.source.id)).toContain('src-twitch-blog-2024-01');
    await keepLinkCitations(db, 'own-twitch-amazon');
  });

  it('refuses a parent link whose id is a node', async () => {
    const answer = await api.execute(UPSERT.Ownership, { i: input('Ownership', 'twitch', '') }, WRITER);
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) })]);
    expect(answer.errors![0].extensions).toMatchObject({ id: 'twitch', existingType: 'Organization' });
    expect((await factsOf(['twitch'])).get('twitch')!.kinds).toEqual(['Organization']);
  });

  it('refuses concurrent node and link writes of one new id: one lands, never both', async () => {
    for (let round = 0; round < 10; round += 1) {
      const id = `ix-mixed-${round}`;
      const answers = await Promise.all([
        api.execute(UPSERT.Ownership, { i: input('Ownership', id, '') }, WRITER),
        api.execute(UPSERT.Person, { i: input('Person', id, 'P') }, WRITER),
      ]);
      expect(answers.filter((a) => !a.errors)).toHaveLength(1);
      expect((await factsOf([id])).get(id)!.kinds).toHaveLength(1);
    }
  });
});

describe('request bodies', () => {
  it('refuses invalid UTF-8 with 400 and stores nothing', async () => {
    const port = await api.listen();
    const query =
      'mutation { upsertPerson(input: { id: "ix-utf8", name: "Bad \u0000NAME", sources: [{ source: "src-news-amazon-layoffs-2024-01" }] }) { id } }';
    const body = Buffer.from(JSON.stringify({ query }), 'utf8');
    // Replace the placeholder NUL with a lone continuation byte: not UTF-8.
    const bad = Buffer.from(body.toString('latin1').replace('\\u0000', '\u0080'), 'latin1');
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-writer-token-0123456789' },
      body: bad,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await factsOf(['ix-utf8'])).get('ix-utf8')!.kinds).toEqual([]);
  });
});
