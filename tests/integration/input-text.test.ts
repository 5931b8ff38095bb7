import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CorpgraphClient } from '../../src/client';
import { importFiles } from '../../src/ingest/bulk-import';
import { IngestValidationError } from '../../src/ingest/importer';
import { openTestGraph, testConfig, TestApi, TestGraph } from '../helpers/graph';

/**
 * Text that cannot be stored as it is (a NUL, a lone surrogate, a character reference beyond Unicode)
 * is refused wherever it enters, written as an escape: JSON's \u0000 and \ud800 in any variable at any
 * depth, the same escapes in a string literal of the document, &#0; &#xD800; &#x110000; in an
 * article's HTML, and JSON Lines records of an import. Each refusal is a 400 (or the import's problem)
 * naming where, and nothing is written; an emoji written as its surrogate pair is text like any other.
 */
let db: TestGraph;
let api: TestApi;
let url: string;
const TOKEN = 'it-writer-token-0123456789';

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ API_KEYS: `ci:${TOKEN}`, RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' }));
  url = `http://127.0.0.1:${await api.listen()}/graphql`;
});
afterAll(async () => {
  const session = db.driver.session();
  try {
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'it-' DETACH DELETE n");
    await session.run("MATCH (e:Extraction) WHERE e.text CONTAINS 'Quillmark' OPTIONAL MATCH (x:Proposal)-[:PROPOSED_IN]->(e) DETACH DELETE x, e");
  } finally {
    await session.close();
  }
  api.app.httpServer.closeAllConnections();
  await api.stop();
  await db.close();
});

/** Posts a body written by hand, so that JSON escapes reach the server exactly as a client sends them. */
async function post(body: string): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body });
  return { status: response.status, json: await response.json() };
}
const error = (answer: { json: any }) => answer.json.errors?.[0] ?? {};
const exists = async (id: string) => (await api.data('query($id: ID!) { node(id: $id) { id } }', { id })).node !== null;

const UPSERT = 'mutation($input: PersonInput!) { upsertPerson(input: $input) { id name } }';
const person = (id: string, quote: string) =>
  `{"query": ${JSON.stringify(UPSERT)}, "variables": {"input": {"id": "${id}", "name": "Ada Quill", "sources": [{"source": "src-news-amazon-layoffs-2024-01", "quote": "${quote}"}]}}}`;

describe('GraphQL variables', () => {
  it.each([
    ['a NUL', 'it-nul', 'said \\u0000 here', /NUL character \(U\+0000\)/],
    ['a lone high surrogate', 'it-high', 'said \\ud800 here', /lone surrogate \(U\+D800/],
    ['a lone low surrogate', 'it-low', 'said \\udc00 here', /lone surrogate \(U\+DC00/],
  ])('%s anywhere in a variable is 400 naming its path, and nothing is written', async (_name, id, quote, reason) => {
    const answer = await post(person(id, quote));
    expect([answer.status, error(answer).extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(error(answer).message).toMatch(reason);
    expect(error(answer).message).toContain('$input.sources[0].quote');
    expect(error(answer).extensions.argument).toBe('$input.sources[0].quote');
    expect(await exists(id)).toBe(false);
  });

  it('an emoji written as its surrogate pair is stored as it is', async () => {
    const answer = await post(person('it-emoji', 'said \\ud83c\\udfe2 here'));
    expect([answer.status, answer.json.errors]).toEqual([200, undefined]);
    const stored = await api.data<{ node: { sources: Array<{ quote: string }> } }>('{ node(id: "it-emoji") { ... on Person { sources { quote } } } }');
    expect(stored.node.sources[0].quote).toBe('said 🏢 here');
  });

  it('a read refuses the same escapes in its variables', async () => {
    const answer = await post('{"query": "query($n: String) { company(name: $n) { id } }", "variables": {"n": "ama\\u0000zon"}}');
    expect([answer.status, error(answer).extensions?.code, error(answer).extensions?.argument]).toEqual([400, 'BAD_USER_INPUT', '$n']);
  });

  it('a variable nested thousands deep is 400 for its depth, not a blown stack', async () => {
    const deep = `${'['.repeat(20000)}"x"${']'.repeat(20000)}`;
    const answer = await post(`{"query": "{ __typename }", "variables": {"junk": ${deep}}}`);
    expect([answer.status, error(answer).extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(error(answer).message).toMatch(/^Variable \$junk(\[0\])+: is nested deeper than 32 levels$/);
  });

  it('the in-process client refuses them too', async () => {
    const client = await CorpgraphClient.connect({ driver: db.driver });
    const answer = await client.execute('query($n: String) { company(name: $n) { id } }', { n: 'ama\ud800zon' });
    expect(answer.errors?.[0].message).toMatch(/^Variable \$n: holds a lone surrogate/);
  });
});

describe('string literals of the document', () => {
  // The documents hold GraphQL's own escapes (\u0000 written out), as a client's query text would.
  const literal = (query: string) => post(JSON.stringify({ query }));

  it('a NUL escape in a literal is 400 naming its argument', async () => {
    const answer = await literal('{ company(name: "ama\\u0000zon") { id } }');
    expect([answer.status, error(answer).extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(error(answer).message).toMatch(/^name: the string literal holds a NUL character/);
  });

  it('inside an input object it names the field, and nothing is written', async () => {
    const answer = await literal(
      'mutation { upsertPerson(input: { id: "it-literal", name: "Ada\\u0000 Quill", sources: [{ source: "src-news-amazon-layoffs-2024-01" }] }) { id } }',
    );
    expect([answer.status, error(answer).extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(error(answer).message).toMatch(/^input\.name: the string literal holds a NUL character/);
    expect(await exists('it-literal')).toBe(false);
  });

  it('an emoji escaped as its surrogate pair passes', async () => {
    const answer = await literal('{ company(name: "\\uD83C\\uDFE2") { id } }');
    expect([answer.status, answer.json.errors]).toEqual([200, undefined]);
  });
});

describe('articles', () => {
  const EXTRACT = 'mutation($input: ArticleInput!) { extractArticle(input: $input, submit: true) { created proposals { quote } } }';
  const html = (middle: string) =>
    '<html><body><p>Quillmark Paper agreed to buy Harbor Ink on Tuesday for $40 million, the company said.</p>' +
    `<p>The paper maker ${middle} said it would keep the brand.</p><p>It is the end of the news for the day.</p></body></html>`;
  const extract = (text: string) => post(JSON.stringify({ query: EXTRACT, variables: { input: { text, published: '2024-05-09' } } }));

  it.each([
    ['&#x110000;', /beyond U\+10FFFF/],
    ['&#0;', /NUL character \(U\+0000\)/],
    ['&#xD800;', /lone surrogate \(U\+D800/],
    ['&#56320;', /lone surrogate \(U\+DC00/],
  ])('a character reference %s is 400 naming input.text, and nothing is stored', async (reference, reason) => {
    const answer = await extract(html(`(${reference})`));
    expect([answer.status, error(answer).extensions?.code, error(answer).extensions?.argument]).toEqual([400, 'BAD_USER_INPUT', 'input.text']);
    expect(error(answer).message).toContain(`the character reference ${reference}`);
    expect(error(answer).message).toMatch(reason);
    const stored = await api.data<{ extractedFacts: { nodes: unknown[] } }>('{ extractedFacts(first: 100) { nodes { quote } } }');
    expect(JSON.stringify(stored)).not.toContain('Quillmark');
  });

  it('a reference to an emoji is read as the emoji', async () => {
    const answer = await extract(html('(&#x1F3E2;)'));
    expect([answer.status, answer.json.errors]).toEqual([200, undefined]);
    expect(JSON.stringify(answer.json.data)).toContain('Quillmark');
  });
});

describe('imports', () => {
  it('a record with a NUL or a lone surrogate escaped in JSON Lines is a problem naming its field, and nothing is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-text-'));
    const cite = '"sources": [{"source": "src-news-amazon-layoffs-2024-01"}]';
    fs.writeFileSync(
      path.join(dir, 'people.jsonl'),
      [
        `{"type": "Person", "id": "it-import-good", "name": "Ada Quill", ${cite}}`,
        `{"type": "Person", "id": "it-import-nul", "name": "Ada\\u0000 Quill", ${cite}}`,
        `{"type": "Person", "id": "it-import-lone", "name": "Ada Quill", "sources": [{"source": "src-news-amazon-layoffs-2024-01", "quote": "x\\udfff"}]}`,
        `{"type": "Person", "id": "it-import-emoji", "name": "Ada \\ud83c\\udfe2 Quill", ${cite}}`,
      ].join('\n'),
    );
    const refused = await importFiles(db.graph, dir, { batchSize: 100, skipInvalid: false, checkpointDir: dir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IngestValidationError);
    const problems = (refused as IngestValidationError).problems.map((p) => [p.line, p.id, p.field]);
    expect(problems).toEqual([
      [2, 'it-import-nul', 'name'],
      [3, 'it-import-lone', 'sources[0].quote'],
    ]);
    expect((refused as IngestValidationError).message).toMatch(/lone surrogate \(U\+DFFF/);
    for (const id of ['it-import-good', 'it-import-nul', 'it-import-lone', 'it-import-emoji']) expect([id, await exists(id)]).toEqual([id, false]);
  });
});
