import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient } from '../../src/graph/graph-client';
import { createApp } from '../../src/server';
import { openTestGraph, testConfig, TestApi, TestGraph, testNeo4j } from '../helpers/graph';
import { TcpProxy } from '../helpers/tcp-proxy';

/**
 * GraphQL over HTTP as a client sees it: every mistake of the client's is a 4xx with a code (413 for
 * a body too large, 400 for the rest, 401 and 429 for auth and rate limits), never a 500 or a reset;
 * a failure on the service's side with no data is a 5xx (500, 503, 504) and says nothing of its cause.
 */
let db: TestGraph;
let base: string;
const logLines: Array<{ level: number; event?: string; msg?: string }> = [];
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = openTestGraph();
  // The app logs into memory, so the tests can check what is logged at which level.
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(JSON.parse(String(chunk))), done()) });
  const config = testConfig({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
  app = createApp({ config, graph: db.graph, logger: pino({ level: 'info' }, sink), isSchemaApplied: () => true });
  const port = await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  app.httpServer.closeAllConnections();
  await app.stop();
  await db.close();
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const code = (answer: { json: any }) => answer.json.errors?.[0]?.extensions?.code;

describe('client mistakes are 4xx with a code', () => {
  it('a syntax error is 400 GRAPHQL_PARSE_FAILED, and so is a document over the token limit', async () => {
    const syntax = await post({ query: '{ company(id: "amazon") { name ' });
    expect([syntax.status, code(syntax)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const tokens = await post({ query: `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect([tokens.status, code(tokens)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    expect(tokens.json.errors[0].message).toMatch(/tokens/);
  });

  it.each([
    ['a missing required variable', 'query($id: ID!) { company(id: $id) { name } }', {}],
    ['"5" for an Int', 'query($d: Int) { corporateFamilyOf(id: "amazon", depth: $d) { count } }', { d: '5' }],
    ['an invalid Date', 'query($a: Date) { ownershipChainOf(id: "twitch", asOf: $a) { truncated } }', { a: '2024-02-30' }],
  ])('%s is 400 BAD_USER_INPUT', async (_, query, variables) => {
    const answer = await post({ query, variables });
    expect([answer.status, code(answer)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('a fragment fan-out past the limits is 400, not 500', async () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const answer = await post({ query: `{ ...F0 }\n${fragments}\nfragment F12 on Query { __typename }` });
    expect(answer.status).toBe(400);
    expect(code(answer)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT|QUERY_TOO_COMPLEX/);
  });

  it.each(['2023-99-01', '2023-01-00', '2023-01-32', '2023-02-30'])('a forged cursor with the impossible day %s is BAD_USER_INPUT', async (day) => {
    const first = await post({ query: '{ layoffEvents(first: 1) { pageInfo { endCursor } } }' });
    const payload = JSON.parse(Buffer.from(first.json.data.layoffEvents.pageInfo.endCursor, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...payload, k: day }), 'utf8').toString('base64url');
    const before = logLines.filter((l) => l.level >= 50).length;
    const answer = await post({ query: 'query($a: String) { layoffEvents(first: 1, after: $a) { nodes { id } } }', variables: { a: forged } });
    expect([answer.status, code(answer)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(logLines.filter((l) => l.level >= 50).length).toBe(before);
  });

  it('a body over the limit is 413 with a JSON error, not a reset connection', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const answer = await post({ query: `{ __typename } # ${huge}` });
    expect([answer.status, code(answer)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('a body that is not JSON is 400 BAD_REQUEST', async () => {
    const answer = await post('{"query": ');
    expect([answer.status, code(answer)]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe('failures on the service side', () => {
  const SEARCH = '{ search(text: "amazon") { score } }';
  const COMPANY = '{ company(id: "amazon") { id } }';
  /** Serves `graph` with `env` over HTTP, logging into `lines`; `ask` posts an operation and reads status, type and body. */
  async function serve(graph: GraphClient, env: Record<string, string> = {}) {
    const lines: Array<Record<string, any>> = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    const served = createApp({ config: testConfig(env), graph, logger: pino({ level: 'info' }, sink), isSchemaApplied: () => true });
    const url = `http://127.0.0.1:${await served.listen(0, '127.0.0.1')}/graphql`;
    const ask = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as any };
    };
    const stop = async () => {
      served.httpServer.closeAllConnections();
      await served.stop();
    };
    return { ask, lines, stop };
  }

  it('an error inside Neo4j is internal in development too: masked, logged with its detail, 500 when no data came back', async () => {
    // Every named query divides by zero inside Neo4j.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-broken-'));
    for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'cypher', 'queries'), { recursive: true }) as string[]) {
      if (!file.endsWith('.cypher')) continue;
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), 'RETURN 1 / 0 AS id');
    }
    const broken = new GraphClient(db.driver, testNeo4j().database, CypherCatalog.load(dir), 5000);
    const { ask, lines, stop } = await serve(broken, { NODE_ENV: 'development' });
    try {
      const none = await ask(SEARCH);
      expect([none.status, none.type, none.json.data]).toEqual([500, expect.stringMatching(/^application\/json/), null]);
      expect(none.json.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          path: ['search'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: expect.any(String) },
        },
      ]);
      const logged = lines.find((l) => l.event === 'internal_error' && l.correlationId === none.json.errors[0].extensions.correlationId);
      expect(JSON.stringify(logged?.err)).toMatch(/by zero/);
      // A field that may be null takes the failure: the answer has data, and is 200.
      const partial = await ask(COMPANY);
      expect([partial.status, partial.json.data, partial.json.errors[0].extensions.code]).toEqual([200, { company: null }, 'INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify([none.json, partial.json])).not.toMatch(/zero|Neo\.|Arithmetic|cypher|stack/i);
    } finally {
      await stop();
    }
  });

  it('an unreachable Neo4j is 503 DATABASE_UNAVAILABLE when no data came back, 200 with the data there is', async () => {
    const unreachable = openTestGraph('bolt://127.0.0.1:9', { maxRetryMs: 500, connectionTimeoutMs: 1000 });
    const { ask, stop } = await serve(unreachable.graph);
    try {
      const none = await ask(SEARCH);
      expect([none.status, none.type, none.json.data, none.json.errors[0].extensions.code]).toEqual([
        503,
        expect.stringMatching(/^application\/json/),
        null,
        'DATABASE_UNAVAILABLE',
      ]);
      const partial = await ask(COMPANY);
      expect([partial.status, partial.json.data, partial.json.errors[0].extensions.code]).toEqual([200, { company: null }, 'DATABASE_UNAVAILABLE']);
      // A client's mistake is still its own, whatever the database's state.
      expect((await ask('{ company(nope: 1) { id } }')).status).toBe(400);
    } finally {
      await stop();
      await unreachable.close();
    }
  });

  it('a write that runs past the transaction timeout is 504 QUERY_TIMEOUT, and nothing is written', async () => {
    const TOKEN = 'hp-writer-token-0123456789';
    const person = (name: string) =>
      `mutation { upsertPerson(input: { id: "hp-timeout", name: "${name}", sources: [{ source: "src-news-amazon-layoffs-2024-01" }] }) { name } }`;
    const quick = new GraphClient(db.driver, testNeo4j().database, CypherCatalog.load(), 1000);
    const { ask, stop } = await serve(quick, { API_KEYS: `ci:${TOKEN}` });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const holder = db.driver.session();
    const held = await holder.beginTransaction();
    try {
      expect((await ask(person('Before'), auth)).json.data).toEqual({ upsertPerson: { name: 'Before' } });
      // Another transaction holds the person's lock: the write waits on it until its timeout.
      await held.run("MATCH (n:Entity {id: 'hp-timeout'}) SET n.heldBy = 'test'");
      const timedOut = await ask(person('After'), auth);
      expect([timedOut.status, timedOut.type, timedOut.json.data, timedOut.json.errors[0].extensions.code]).toEqual([
        504,
        expect.stringMatching(/^application\/json/),
        null,
        'QUERY_TIMEOUT',
      ]);
      await held.rollback();
      expect((await ask('{ node(id: "hp-timeout") { ... on Person { name } } }')).json.data).toEqual({ node: { name: 'Before' } });
    } finally {
      if (held.isOpen()) await held.rollback();
      await holder.run("MATCH (n:Entity {id: 'hp-timeout'}) DETACH DELETE n");
      await holder.close();
      await stop();
    }
  });
});

describe('security headers', () => {
  const SECURITY = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' };
  const headersOf = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return { status: response.status, headers: Object.fromEntries(response.headers) };
  };

  it('every response says nosniff and DENY, and carries a Content-Security-Policy', async () => {
    const answers = [
      await headersOf(`${base}/health`),
      await headersOf(`${base}/ready`),
      await headersOf(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"}' }),
      await headersOf(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }),
      await headersOf(`${base}/no-such-page`),
      await headersOf(`${base}/assets/explore.js`),
      await headersOf(`${base}/`, { redirect: 'manual' }),
    ];
    for (const { status, headers } of answers) expect([status, headers]).toEqual([status, expect.objectContaining(SECURITY)]);
    for (const { headers } of answers) expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it.each(['/graphiql', '/explore', '/review'])('%s runs only its own scripts (the browser tests run it under this policy)', async (page) => {
    const { status, headers } = await headersOf(`${base}${page}`);
    expect([status, headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(headers).toMatchObject(SECURITY);
    const policy = headers['content-security-policy'];
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("the landing page is never framed: the Sandbox's own policy (Apollo's CDN, its nonce), or the strict one when the Sandbox is off", async () => {
    const landing = async (config: ReturnType<typeof testConfig>) => {
      const served = createApp({ config, graph: db.graph, logger: pino({ level: 'silent' }), isSchemaApplied: () => true });
      const port = await served.listen(0, '127.0.0.1');
      try {
        return await headersOf(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
      } finally {
        served.httpServer.closeAllConnections();
        await served.stop();
      }
    };
    const sandbox = await landing(testConfig({ SANDBOX_ENABLED: 'true' }));
    expect(sandbox.headers).toMatchObject({ ...SECURITY, 'content-type': expect.stringMatching(/^text\/html/) });
    expect(sandbox.headers['content-security-policy']).toMatch(
      /script-src 'self' 'nonce-[0-9a-f]+' .*https:\/\/embeddable-sandbox\.cdn\.apollographql\.com.*; frame-ancestors 'none'$/,
    );
    const plain = await landing(testConfig({ SANDBOX_ENABLED: 'false' }));
    expect(plain.headers).toMatchObject({ ...SECURITY, 'content-type': expect.stringMatching(/^text\/html/) });
    expect(plain.headers['content-security-policy']).toMatch(/(^|; )script-src 'self'(;|$)/);
  });
});

describe('clients that hang up or stall', () => {
  const rawRequest = (text: string) =>
    new Promise<{ socket: net.Socket; closed: Promise<number> }>((resolve) => {
      const started = Date.now();
      const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(text);
        resolve({ socket, closed: new Promise((done) => socket.on('close', () => done(Date.now() - started))) });
      });
      socket.on('error', () => undefined);
      socket.on('data', () => undefined);
    });

  it('an aborted request is logged at info, never as an error', async () => {
    const errorsBefore = logLines.filter((l) => l.level >= 50).length;
    const { socket, closed } = await rawRequest('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    // Wait until the server is reading the body, then hang up.
    await new Promise((resolve) => setTimeout(resolve, 0));
    socket.destroy();
    await closed;
    const deadline = Date.now() + 10_000;
    while (!logLines.some((l) => l.event === 'client_aborted') && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    expect(logLines.some((l) => l.event === 'client_aborted' && l.level === 30)).toBe(true);
    expect(logLines.filter((l) => l.level >= 50).length).toBe(errorsBefore);
  });

  it('a client that never finishes its headers is cut off by the headers timeout', async () => {
    const { closed } = await rawRequest('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    // HTTP_HEADERS_TIMEOUT_MS is 1 s here; Node checks it on a timer, so allow a generous ceiling.
    expect(await closed).toBeLessThan(30_000);
  });
});

describe('readiness', () => {
  it('answers 503 within 2 s while Neo4j hangs, and 200 again when it answers', async () => {
    const target = new URL(testNeo4j().uri);
    const proxy = new TcpProxy(target.hostname, Number(target.port));
    const port = await proxy.open();
    const frozenDb = openTestGraph(`bolt://127.0.0.1:${port}`);
    const api = new TestApi(frozenDb.graph);
    const httpPort = await api.listen();
    const ready = async () => {
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${httpPort}/ready`);
      return { status: response.status, ms: Date.now() - started };
    };
    try {
      expect((await ready()).status).toBe(200);
      proxy.freeze();
      for (let i = 0; i < 3; i += 1) {
        const probe = await ready();
        expect(probe.status).toBe(503);
        expect(probe.ms).toBeLessThan(2000);
      }
      proxy.thaw();
      const deadline = Date.now() + 60_000;
      let status = 0;
      while (status !== 200 && Date.now() < deadline) status = (await ready()).status;
      expect(status).toBe(200);
    } finally {
      proxy.thaw();
      api.app.httpServer.closeAllConnections();
      await api.stop();
      await frozenDb.close();
      await proxy.close();
    }
  });
});
