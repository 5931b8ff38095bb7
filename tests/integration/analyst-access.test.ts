import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { CorpgraphClient } from '../../src/client';
import { PROJECT_ROOT } from '../../src/config';
import { runCli, runCliReadSlowly } from '../helpers/cli';
import { openTestGraph, testConfig, TestApi, TestGraph, testNeo4j } from '../helpers/graph';

const OPERATIONS = path.join(PROJECT_ROOT, 'examples', 'operations');
let db: TestGraph;
let api: TestApi;
let base: string;

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph, testConfig({ CORS_ORIGINS: 'http://localhost:8888' }));
  base = `http://127.0.0.1:${await api.listen()}`;
});
afterAll(async () => {
  await api.stop();
  await db.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('tables over HTTP (Accept: text/csv)', () => {
  it('answers a connection as CSV with the same data as the JSON answer', async () => {
    const query = fs.readFileSync(path.join(OPERATIONS, 'layoffs-in-a-month.graphql'), 'utf8');
    const csvResponse = await post({ query }, { accept: 'text/csv' });
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await csvResponse.text();
    const json = (await (await post({ query })).json()) as any;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,organizations.name,announced.earliest,announced.latest,announced.text,headcount.low,headcount.high,headcount.text,shareOfWorkforce,announcedBy.name,channels,sources.source.title',
    );
    expect(lines).toHaveLength(1 + json.data.layoffEvents.nodes.length);
    expect(
      lines[1].startsWith(`${json.data.layoffEvents.nodes[0].id},Twitch,2024-01-10,2024-01-10,,501,,just over 500,0.35,Dan Clancy,EMAIL; BLOG_POST,`),
    ).toBe(true);
  });

  it('says in headers whether a page is the whole answer, and the cursor to go on from', async () => {
    const page = (after?: string) =>
      post({ query: 'query($after: String) { companies(first: 3, after: $after) { nodes { id name } } }', variables: { after } }, { accept: 'text/csv' });
    const first = await page();
    expect(first.headers.get('x-has-next-page')).toBe('true');
    const cursor = first.headers.get('x-end-cursor')!;
    expect(cursor).toBeTruthy();
    // The rows are what the query selected: no paging columns.
    expect((await first.text()).split('\r\n')[0]).toBe('id,name');
    let rows = 0;
    let next: string | null = cursor;
    for (let i = 0; next && i < 20; i += 1) {
      const response = await page(next);
      rows += (await response.text()).trimEnd().split('\r\n').length - 1;
      next = response.headers.get('x-has-next-page') === 'true' ? response.headers.get('x-end-cursor') : null;
    }
    expect(next).toBeNull();
    const all = (await (await post({ query: '{ companies(first: 100) { nodes { id } } }' })).json()) as any;
    expect(3 + rows).toBe(all.data.companies.nodes.length);
  });

  it('says when a traversal was cut short', async () => {
    const response = await post(
      { query: '{ corporateFamilyOf(id: "amazon", depth: 2, limit: 2) { members { organization { id } } } }' },
      { accept: 'text/csv' },
    );
    expect(response.headers.get('x-truncated')).toBe('true');
    expect((await response.text()).trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('sends the header row for an empty answer, so that a reader gets an empty table, not an error', async () => {
    const response = await post(
      { query: '{ layoffEvents(filter: { organization: "nobody" }) { nodes { id organizations { name } headcount { low high } } } }' },
      { accept: 'text/csv' },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('id,organizations.name,headcount.low,headcount.high\r\n');
    expect(response.headers.get('x-has-next-page')).toBe('false');
  });

  it('answers an error as JSON with a 4xx status, never as a table', async () => {
    for (const query of [
      '{ layoffEvents(first: 1000) { nodes { id } } }',
      '{ company(id: "amazon") { id nope } }',
      '{ layoffEvents(first: 1, after: "garbage") { nodes { id } } }',
    ]) {
      const response = await post({ query }, { accept: 'text/csv' });
      expect([query, response.status >= 400, response.headers.get('content-type')]).toEqual([query, true, 'application/json; charset=utf-8']);
      expect(((await response.json()) as any).errors.length).toBeGreaterThan(0);
    }
  });

  it('says clearly when a result cannot be one table', async () => {
    const response = await post({ query: '{ a: company(id: "amazon") { id } b: company(id: "mgm") { id } }' }, { accept: 'text/csv' });
    expect(response.status).toBe(406);
    expect(((await response.json()) as any).errors[0]).toMatchObject({
      extensions: { code: 'NOT_TABULAR' },
      message: expect.stringContaining('exactly one root field'),
    });
  });
});

describe('CORS', () => {
  it('is off for origins not configured, on for CORS_ORIGINS', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('http://localhost:8888');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8888');
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the in-process client', () => {
  it('runs an operation with variables and typed data, no HTTP server involved', async () => {
    const n = testNeo4j();
    const client = await CorpgraphClient.connect({ neo4j: { uri: n.uri, user: n.user, password: n.password } });
    try {
      const { data, errors } = await client.execute<{ ownershipChainOf: { ultimateParent: { name: string } } }>(
        'query($id: ID!) { ownershipChainOf(id: $id) { ultimateParent { name } } }',
        { id: 'twitch' },
      );
      expect(errors).toBeUndefined();
      expect(data!.ownershipChainOf.ultimateParent.name).toBe('Amazon');
      const bad = await client.execute('{ companies(first: 1000) { nodes { id } } }');
      expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const broken = await client.execute('{ company(id: ');
      expect(broken.errors![0].message).toMatch(/Syntax Error/);
    } finally {
      await client.close();
    }
  });
});

const cli = runCli;

describe('corpgraph query', () => {
  it('runs a file against a running service as a table, CSV or JSON', async () => {
    const file = path.join(OPERATIONS, 'ownership-chain.graphql');
    const table = await cli(['query', file, '--var', 'id=mgm', '--format', 'table', '--url', `${base}/graphql`]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^depth\s+kind\s+inForce\s+parent\.id/);
    expect(table.stdout).toContain('Amazon');
    const csv = await cli(['query', file, '--var', 'id=twitch', '--format', 'csv', '--url', `${base}/graphql`]);
    expect(csv.stdout).toContain('970000000');
    const json = await cli(['query', file, '--var', 'id=twitch', '--url', `${base}/graphql`]);
    expect(JSON.parse(json.stdout).ownershipChainOf.ultimateParent.name).toBe('Amazon');
  });

  it('writes its whole answer to a reader slower than it, however long (a pipe holds 64 KiB)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-q-'));
    const file = path.join(dir, 'schema.graphql');
    fs.writeFileSync(file, getIntrospectionQuery());
    const expected = `${JSON.stringify(await api.data(getIntrospectionQuery()), null, 2)}\n`;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * 65536);
    const out = await runCliReadSlowly(['query', file, '--format', 'json', '--url', `${base}/graphql`]);
    expect([out.code, out.stdout.length]).toEqual([0, expected.length]);
    expect(out.stdout).toBe(expected);
  });

  it('runs in process against Neo4j when no URL is given', async () => {
    const n = testNeo4j();
    const out = await cli(['query', path.join(OPERATIONS, 'search.graphql'), '--var', 'text=Twich'], { NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).search[0].node.id).toBe('twitch');
  });

  it('prints GraphQL errors and exits non-zero', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-q-'));
    const file = path.join(dir, 'bad.graphql');
    fs.writeFileSync(file, '{ companies(first: 1000) { nodes { id } } }');
    const out = await cli(['query', file, '--url', `${base}/graphql`]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('error BAD_USER_INPUT: first must be between 0 and 100, got 1000');
  });
});

describe('the command line, as a new user meets it', () => {
  const n = () => ({ NEO4J_URI: testNeo4j().uri, NEO4J_PASSWORD: testNeo4j().password });
  const oneLine = (out: { stderr: string }) =>
    out.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('{')).length === 1 && !/\n\s+at /.test(out.stderr);

  it('answers a user mistake with one line and a non-zero exit, never a stack trace', async () => {
    const missing = await cli(['query', 'no-such-file.graphql', '--url', `${base}/graphql`]);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'corpgraph: no such file: no-such-file.graphql']);
    const noFolder = await cli(['import', 'no-such-folder'], n());
    expect([noFolder.code, oneLine(noFolder)]).toEqual([1, true]);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-export-'));
    const unknownRoot = await cli(['export', out, '--root', 'no-such-company'], n());
    expect(unknownRoot.code).toBe(1);
    expect(unknownRoot.stderr).toContain('corpgraph: --root: "no-such-company" is not an organization in the graph');
    expect(unknownRoot.stderr).not.toMatch(/\n\s+at /);
  });

  it('says that nothing matched an unknown id', async () => {
    const file = path.join(OPERATIONS, 'ownership-chain.graphql');
    const out = await cli(['query', file, '--var', 'id=no-such-company', '--url', `${base}/graphql`]);
    expect([out.code, out.stderr.trim()]).toEqual([1, 'corpgraph: nothing matched (ownershipChainOf: null)']);
  });

  it('shows export progress, and says why export does not go through --url', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-export-'));
    const exported = await cli(['export', out, '--root', 'twitch'], n());
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/Read [\d,]+ records/);
    const viaUrl = await cli(['export', out, '--url', `${base}/graphql`]);
    expect(viaUrl.code).toBe(2);
    expect(viaUrl.stderr).toContain('export reads the database, not the API');
  });

  it('runs Cypher with parameters and prints a table, reading only unless --write', async () => {
    const out = await cli(['cypher', 'MATCH (o:Organization {id: $id}) RETURN o.name AS name, o.kind AS kind', '--param', 'id=twitch'], n());
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^name\s+kind\n-+\s+-+\nTwitch\s+COMPANY\n1 record\n$/);
    const write = await cli(['cypher', "CREATE (:Scratch {id: 'cli-write-test'})"], n());
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/^corpgraph: .*(read|write)/i);
  });
});
