import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRecords } from '../../src/ingest/importer';
import { mergeEntities } from '../../src/resolution/merge';
import { runCli } from '../helpers/cli';
import { codes, openTestGraph, testConfig, TestApi, TestGraph, testNeo4j, WRITER } from '../helpers/graph';

/**
 * Facts from an article to the graph, as an analyst and a reviewer meet it: the article submitted,
 * its facts proposed with their quotes and nothing written, the review queue with the passage in
 * place, an accepted fact that reads exactly like a hand-made one, and what changed in between
 * (entities merged or deleted, a fact the graph already holds) settled when it is accepted. The
 * articles are in our own words; the companies of the fixtures are made up (xt- ids).
 */
let db: TestGraph;
let api: TestApi;
const TOKEN = 'xt-writer-token-0123456789';
beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', API_KEYS: `ci:${TOKEN}` }));
  const src = { type: 'Source', id: 'xt-src-registry', kind: 'REGISTRY', title: 'A company register (test)', published: { on: '2023-01-01' } };
  const org = (id: string, name: string) => ({ type: 'Organization', id, name, kind: 'COMPANY', sources: [{ source: src.id }] });
  await loadRecords(
    db.graph,
    [src, org('xt-northwind', 'Northwind Quarry'), org('xt-northwind-twin', 'Northwind Quarry Holdings'), org('xt-bluefin', 'Bluefin Pumps')].map(
      (value, i) => ({ file: 'fixture', line: i + 1, value }),
    ),
  );
});
afterAll(async () => {
  const session = db.driver.session();
  try {
    await session.run('MATCH (x:Proposal) OPTIONAL MATCH (x)-[:PROPOSED_IN]->(e:Extraction) DETACH DELETE x, e');
    await session.run(
      "MATCH (n:Entity) WHERE n.id STARTS WITH 'xt-' OR n.id STARTS WITH 'src-article-' OR n.id IN ['harbor-glass', 'porto', 'acq-xt-northwind-harbor-glass', 'acq-xt-bluefin-harbor-glass'] OR n.id STARTS WITH 'role-ines-' OR n.id = 'ines-moura' OR n.id STARTS WITH 'layoff-xt-' DETACH DELETE n",
    );
    await session.run("MATCH (d:Decision) WHERE d.subjectKey CONTAINS 'xt-' OPTIONAL MATCH (d)-[:STASHED]->(s) DETACH DELETE d, s");
    // The seed's acquisition keeps only its own sources.
    await session.run("MATCH (:Acquisition {id: 'acq-amazon-twitch'})-[c:CITES]->(s:Source) WHERE s.id STARTS WITH 'src-article-' DELETE c");
  } finally {
    await session.close();
  }
  await api.stop();
  await db.close();
});

const ARTICLE =
  'Northwind Quarry to buy Harbor Glass\n\n' +
  'Northwind Quarry agreed to buy Harbor Glass on Tuesday for $410 million, the stone producer said. ' +
  'Ines Moura, the chief executive of Northwind Quarry, said the deal would close in the summer. ' +
  'Harbor Glass is based in Porto. Northwind Quarry will also cut about 120 jobs at its older plants.';
const EXTRACT = `mutation($input: ArticleInput!, $submit: Boolean) {
  extractArticle(input: $input, submit: $submit) {
    extractionId sourceId submitted created fromMarkup textLength
    proposals { id factType summary status quote start end requires recordId record entities { part id name known } }
  }
}`;
const input = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  published: '2024-05-09',
  title: 'Northwind Quarry to buy Harbor Glass',
  publishers: ['Test Wire'],
  ...extra,
});
type Fact = {
  id: string;
  factType: string;
  summary: string;
  status: string | null;
  quote: string;
  start: number;
  end: number;
  requires: string[];
  recordId: string;
  record: string;
};
const ACCEPT = 'mutation($id: ID!, $note: String) { acceptExtractedFact(id: $id, note: $note) { id status decidedBy note fact { id } } }';
const REJECT = 'mutation($id: ID!) { rejectExtractedFact(id: $id) { id status } }';
let port: number | undefined;
/** The API over HTTP, served once for the file. */
const served = async () => (port ??= await api.listen());
const node = async (id: string) => (await api.data('query($id: ID!) { node(id: $id) { id } }', { id })).node;

describe('extracting the facts of an article', () => {
  it('proposes what the article states, each with its quote and offsets, and writes nothing', async () => {
    const answer = await api.data(EXTRACT, { input: input(ARTICLE) }, WRITER);
    const { proposals, submitted, textLength } = answer.extractArticle;
    expect(submitted).toBe(false);
    expect(textLength).toBe(ARTICLE.length);
    expect(proposals.map((p: Fact) => [p.factType, p.summary])).toEqual(
      expect.arrayContaining([
        ['ACQUISITION', 'Northwind Quarry agreed to acquire Harbor Glass for $410 million (on Tuesday)'],
        ['ORGANIZATION', 'New organization: Harbor Glass'],
        ['ROLE', 'Ines Moura: Chief Executive of Northwind Quarry'],
        ['LAYOFF_EVENT', 'Northwind Quarry cut about 120 jobs'],
      ]),
    );
    for (const p of proposals as Fact[]) {
      expect(ARTICLE.slice(p.start, p.end)).toContain(p.quote);
      expect(p.status).toBeNull();
      expect(await node(p.recordId)).toBeNull(); // nothing landed
    }
    const deal = JSON.parse(proposals.find((p: Fact) => p.factType === 'ACQUISITION').record);
    expect(deal).toMatchObject({
      acquirer: 'xt-northwind',
      target: 'harbor-glass',
      price: { amount: 410e6, currency: 'USD' },
      announced: { earliest: '2024-05-07', latest: '2024-05-07' },
    });
    // The same text gives the same proposals.
    expect((await api.data(EXTRACT, { input: input(ARTICLE) }, WRITER)).extractArticle).toEqual(answer.extractArticle);
  });

  it('needs a token, and refuses what it cannot read with a reason', async () => {
    expect(codes(await api.execute(EXTRACT, { input: input(ARTICLE) }))).toEqual(['UNAUTHENTICATED']);
    const reason = async (text: string) =>
      (await api.execute(EXTRACT, { input: input(text) }, WRITER)).errors?.map((e) => [e.extensions?.code, e.extensions?.reason]);
    expect(await reason('')).toEqual([['UNSUPPORTED_CONTENT', 'EMPTY']]);
    expect(await reason('Le groupe supprimera 120 emplois dans ses usines, a annoncé la direction mardi. La vente sera conclue en été.')).toEqual([
      ['UNSUPPORTED_CONTENT', 'NOT_ENGLISH'],
    ]);
    expect(await reason(`\u0003\u0001PK${'\u0002'.repeat(50)}`)).toEqual([['UNSUPPORTED_CONTENT', 'BINARY']]);
    // A NUL is refused before that, as text no store may hold (src/ingest/valid-text.ts).
    expect(await reason(`\u0000\u0001PK${'\u0002'.repeat(50)}`)).toEqual([['BAD_USER_INPUT', undefined]]);
    expect(codes(await api.execute(EXTRACT, { input: input(ARTICLE, { published: '2024-13-45' }) }, WRITER))).toEqual(['BAD_USER_INPUT']);
    // HTML is read as the text it shows.
    const html = `<html><body><h1>Northwind Quarry to buy Harbor Glass</h1>${ARTICLE.split('\n\n')[1]
      .split('. ')
      .map((s) => `<p>${s.replace(/\.$/, '')}.</p>`)
      .join('')}</body></html>`;
    const fromHtml = (await api.data(EXTRACT, { input: input(html) }, WRITER)).extractArticle;
    expect(fromHtml.fromMarkup).toBe(true);
    expect(fromHtml.proposals.map((p: Fact) => p.factType)).toEqual(expect.arrayContaining(['ACQUISITION', 'ROLE', 'LAYOFF_EVENT']));
  });

  it('answers over HTTP with the right status: 422 for what it cannot read, 413 for a 5 MB text, nothing written', async () => {
    const port = await served();
    const post = (text: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query: EXTRACT, variables: { input: input(text), submit: true } }),
      });
    const empty = await post('   ');
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNSUPPORTED_CONTENT');
    const huge = await post('Northwind Quarry will cut jobs. '.repeat(170_000));
    expect(huge.status).toBe(413);
    expect((await api.data('{ extractedFacts(first: 5) { nodes { id } } }')).extractedFacts.nodes).toEqual([]);
  });
});

describe("the article's metadata", () => {
  const BID = 'Northwind Quarry agreed to buy Bluefin Pumps on Monday for $30 million, the company said.';
  const FACTS = 'query($e: ID!) { extractedFacts(filter: { extraction: $e }, first: 20) { nodes { id factType article { title url } } } }';
  afterAll(async () => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (e:Extraction) WHERE e.text = $text OPTIONAL MATCH (x:Proposal)-[:PROPOSED_IN]->(e) DETACH DELETE x, e', { text: BID });
      await session.run("MATCH (a:Acquisition)-[:ACQUIRER]->(:Organization {id: 'xt-northwind'}) DETACH DELETE a");
    } finally {
      await session.close();
    }
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(document.cookie)', 'must be an http(s) URL'],
    ['an ftp: URL', 'ftp://example.com/bid', 'must be an http(s) URL'],
    ['a URL of 2,000 characters', `https://example.com/${'x'.repeat(2000)}`, 'is longer than 2000 characters'],
  ])('refuses %s at submit with 400 naming input.url, and stores nothing', async (_name, url, reason) => {
    const response = await fetch(`http://127.0.0.1:${await served()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: EXTRACT, variables: { input: input(BID, { title: 'Northwind bids', url }), submit: true } }),
    });
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect([response.status, body.errors[0].extensions.code, body.errors[0].extensions.argument]).toEqual([400, 'BAD_USER_INPUT', 'input.url']);
    expect(body.errors[0].message).toBe(`input.url: ${reason}`);
    const stored = await api.data<{ extractedFacts: { nodes: Array<{ article: { url: string | null } }> } }>(
      '{ extractedFacts(first: 100) { nodes { article { url } } } }',
    );
    expect(stored.extractedFacts.nodes.filter((n) => n.article.url === url)).toEqual([]);
  });

  it('takes the metadata of a re-submission of the same article, and its facts cite the article as corrected', async () => {
    const first = (
      await api.data(EXTRACT, { input: input(BID, { title: 'Northwind bids for Bluefin', url: 'http://example.com/wrong-page' }), submit: true }, WRITER)
    ).extractArticle;
    expect(first.created).toBeGreaterThan(0);
    const again = (
      await api.data(EXTRACT, { input: input(BID, { title: 'Northwind to buy Bluefin Pumps', url: 'https://example.com/bid' }), submit: true }, WRITER)
    ).extractArticle;
    expect(again.extractionId).toBe(first.extractionId);
    const facts = (await api.data(FACTS, { e: first.extractionId })).extractedFacts.nodes as Array<{ id: string; factType: string; article: object }>;
    expect(facts.map((f) => f.article)).toEqual(facts.map(() => ({ title: 'Northwind to buy Bluefin Pumps', url: 'https://example.com/bid' })));
    // Facts proposed under either title are accepted, citing the article as it now reads.
    for (const deal of [first, again].map((x) => x.proposals.find((p: Fact) => p.factType === 'ACQUISITION'))) {
      expect((await api.data(ACCEPT, { id: deal.id }, WRITER)).acceptExtractedFact.status).toBe('ACCEPTED');
      const READ = 'query($id: ID!) { node(id: $id) { ... on Acquisition { sources { source { title url } } } } }';
      expect((await api.data(READ, { id: deal.recordId })).node.sources).toEqual(
        expect.arrayContaining([{ source: { title: 'Northwind to buy Bluefin Pumps', url: 'https://example.com/bid' } }]),
      );
    }
  });
});

describe('reviewing extracted facts', () => {
  let proposals: Fact[];
  beforeAll(async () => {
    const answer = (await api.data(EXTRACT, { input: input(ARTICLE), submit: true }, WRITER)).extractArticle;
    proposals = answer.proposals;
    expect(answer.created).toBe(proposals.length);
    // Submitted again: nothing proposed twice.
    expect((await api.data(EXTRACT, { input: input(ARTICLE), submit: true }, WRITER)).extractArticle.created).toBe(0);
  });
  const of = (type: string) => proposals.find((p) => p.factType === type)!;

  it('lists them in the queue, in the order the article states them, with the passage in place', async () => {
    const { extractedFacts } = await api.data(
      `{ extractedFacts(filter: { status: PENDING }, first: 20) { nodes { id factType status article { title publishers sourceId } passage { start end text before } } } }`,
    );
    expect(extractedFacts.nodes.map((n: Fact) => n.id)).toEqual(proposals.map((p) => p.id));
    const first = extractedFacts.nodes[0];
    expect(first.article).toMatchObject({ title: 'Northwind Quarry to buy Harbor Glass', publishers: ['Test Wire'] });
    expect(first.passage.text).toBe(ARTICLE.slice(first.passage.start, first.passage.end));
    expect(first.passage.before).toContain('Northwind Quarry to buy Harbor Glass');
  });

  it('writes an accepted fact with the new entities it needs, read back exactly like a hand-made one, with the quote', async () => {
    const deal = of('ACQUISITION');
    expect(deal.requires).toHaveLength(1);
    const accepted = (await api.data(ACCEPT, { id: deal.id, note: 'checked against the filing' }, WRITER)).acceptExtractedFact;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', decidedBy: 'key:tests', note: 'checked against the filing', fact: { id: deal.recordId } });
    const READ = `query($id: ID!) { node(id: $id) { ... on Acquisition { id status acquirer { id name } target { id name } price { value currency text }
      announced { earliest latest text } sources { quote source { id kind title publishers } } } } }`;
    const extracted = (await api.data(READ, { id: deal.recordId })).node;
    expect(extracted).toMatchObject({
      status: 'ANNOUNCED',
      acquirer: { id: 'xt-northwind', name: 'Northwind Quarry' },
      target: { id: 'harbor-glass', name: 'Harbor Glass' },
      price: { value: 410e6, currency: 'USD', text: '$410 million' },
      announced: { earliest: '2024-05-07', latest: '2024-05-07', text: 'on Tuesday' },
      sources: [
        {
          quote: expect.stringContaining('agreed to buy Harbor Glass'),
          source: { kind: 'NEWS_ARTICLE', title: 'Northwind Quarry to buy Harbor Glass', publishers: ['Test Wire'] },
        },
      ],
    });
    // The same selection of a hand-made acquisition has the same shape.
    const handMade = (await api.data(READ, { id: 'acq-amazon-twitch' })).node;
    expect(Object.keys(handMade).sort()).toEqual(Object.keys(extracted).sort());
    // The new organization it needed was accepted with it.
    const target = (await api.data(`query($id: ID!) { extractedFact(id: $id) { status } }`, { id: deal.requires[0] })).extractedFact;
    expect(target.status).toBe('ACCEPTED');
    // Deciding it again is a conflict.
    expect(codes(await api.execute(ACCEPT, { id: deal.id }, WRITER))).toEqual(['CONFLICT']);
    expect(codes(await api.execute(ACCEPT, { id: 'prop-nothing' }, WRITER))).toEqual(['BAD_USER_INPUT']);
  });

  it('rejects a fact, and refuses one that needs a rejected entity', async () => {
    const role = of('ROLE');
    const person = proposals.find((p) => p.id === role.requires[0])!;
    expect((await api.data(REJECT, { id: person.id }, WRITER)).rejectExtractedFact.status).toBe('REJECTED');
    const refused = await api.execute(ACCEPT, { id: role.id }, WRITER);
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toContain('rejected');
    expect(await node(role.recordId)).toBeNull();
  });

  it('follows an entity merged since extraction to its survivor, and refuses one deleted, with the reason and nothing written', async () => {
    const layoff = of('LAYOFF_EVENT');
    await mergeEntities(db.graph, { survivorId: 'xt-northwind-twin', absorbedId: 'xt-northwind', by: 'tests', note: null });
    await api.data(ACCEPT, { id: layoff.id }, WRITER);
    const cut = (
      await api.data(`query($id: ID!) { node(id: $id) { ... on LayoffEvent { organizations { id } headcount { value text } } } }`, { id: layoff.recordId })
    ).node;
    expect(cut).toEqual({ organizations: [{ id: 'xt-northwind-twin' }], headcount: { value: 120, text: 'about 120' } });

    const other = (
      await api.data(
        EXTRACT,
        { input: input('Bluefin Pumps agreed to buy Harbor Glass for $90 million on Monday, the company said.', { title: 'Bluefin bid' }), submit: true },
        WRITER,
      )
    ).extractArticle;
    const bid = other.proposals.find((p: Fact) => p.factType === 'ACQUISITION');
    const session = db.driver.session();
    await session.run("MATCH (n:Organization {id: 'xt-bluefin'}) DETACH DELETE n").finally(() => session.close());
    const refused = await api.execute(ACCEPT, { id: bid.id }, WRITER);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toContain('xt-bluefin');
    expect(await node(bid.recordId)).toBeNull();
    expect((await api.data(`query($id: ID!) { extractedFact(id: $id) { status } }`, { id: bid.id })).extractedFact.status).toBe('PENDING');
  });

  it('cites the article on a fact the graph already holds instead of rewriting it', async () => {
    const text = 'Amazon purchased Twitch in 2014 for $970 million, the company said in its annual report at the time.';
    const { proposals: found } = (await api.data(EXTRACT, { input: input(text, { title: 'A look back at Twitch' }), submit: true }, WRITER)).extractArticle;
    const deal = found.find((p: Fact) => p.factType === 'ACQUISITION');
    expect(deal.recordId).toBe('acq-amazon-twitch');
    const before = (await api.data(`{ node(id: "acq-amazon-twitch") { ... on Acquisition { price { text } completed { earliest } description } } }`)).node;
    await api.data(ACCEPT, { id: deal.id }, WRITER);
    const after = (
      await api.data(
        `{ node(id: "acq-amazon-twitch") { ... on Acquisition { price { text } completed { earliest } description sources { source { title } quote } } } }`,
      )
    ).node;
    expect({ ...after, sources: undefined }).toEqual({ ...before, sources: undefined });
    expect(after.sources).toEqual(
      expect.arrayContaining([{ source: { title: 'A look back at Twitch' }, quote: expect.stringContaining('Amazon purchased Twitch') }]),
    );
  });
});

describe('the command line', () => {
  it('prints the proposals, submits them, and reviews them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-extract-'));
    const env = { NEO4J_URI: testNeo4j().uri, NEO4J_PASSWORD: testNeo4j().password };
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(
      file,
      'Twitch will lay off about 500 employees, the company said on Tuesday. Prime Video said last month that it would cut hundreds of roles.',
    );
    const out = await runCli(['extract', file, '--published', '2024-01-10', '--format', 'json', '--title', 'Streaming cuts (test)'], env);
    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout);
    expect(printed.submitted).toBe(false);
    expect(
      printed.proposals.map((p: { record: { organizations: string[]; announced: { earliest: string } } }) => [
        p.record.organizations,
        p.record.announced.earliest,
      ]),
    ).toEqual([
      [['twitch'], '2024-01-09'],
      [['prime-video'], '2023-12-01'],
    ]);
    const submitted = await runCli(['extract', file, '--published', '2024-01-10', '--title', 'Streaming cuts (test)', '--submit', '--by', 'cli:tester'], env);
    expect(submitted.code).toBe(0);
    expect(submitted.stderr).toContain('2 new proposal(s)');
    const listed = JSON.parse((await runCli(['review', 'facts', '--format', 'json'], env)).stdout);
    const twitch = listed.find((f: { summary: string }) => f.summary.startsWith('Twitch cut'));
    expect(twitch).toMatchObject({ status: 'PENDING', proposedBy: 'cli:tester', article: { title: 'Streaming cuts (test)' } });
    const rejected = await runCli(['review', 'reject', twitch.id, '--note', 'duplicate of the blog post'], env);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ status: 'REJECTED', note: 'duplicate of the blog post' });

    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 1]));
    const binary = await runCli(['extract', path.join(dir, 'binary.txt'), '--published', '2024-01-10'], env);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('not text');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const empty = await runCli(['extract', path.join(dir, 'empty.txt'), '--published', '2024-01-10'], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty');
  });
});
