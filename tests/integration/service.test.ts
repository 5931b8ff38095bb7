import net from 'node:net';
import { connectGraph } from '../../src/connect';
import { StartupError } from '../../src/errors/errors';
import { LocalNeo4j } from '../../src/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logger';
import { codes, openTestGraph, testConfig, TestApi, TestGraph, testNeo4j } from '../helpers/graph';
import { waitUntil } from '../helpers/service-process';
import { TcpProxy } from '../helpers/tcp-proxy';

const silent = createLogger('silent');

describe('HTTP endpoints', () => {
  let db: TestGraph;
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    db = openTestGraph();
    api = new TestApi(db.graph);
    const port = await api.listen();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await api.stop();
    await db.close();
  });

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, neo4j: true, schema: true });
  });

  it('answers the first query over HTTP from Neo4j', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ company(id: "amazon") { id name } }' }),
    });
    expect(await response.json()).toEqual({ data: { company: { id: 'amazon', name: 'Amazon' } } });
  });

  it('serves the Apollo Sandbox landing page with the endpoint and an ownership query preset', async () => {
    const page = await (await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('embeddable-sandbox');
    // The endpoint is the page's own address (/graphql), and the initial document an ownership chain with its variables.
    expect(page).toContain('initialEndpoint = window.location.href');
    expect(page).toContain('query OwnershipChain($id: ID!)');
    expect(page).toMatch(/"variables":\{"id":"twitch"\}/);
    // Offline the Sandbox cannot load; the bar above it still shows the ways in that work without internet.
    expect(page).toContain('href="/graphiql"');
    expect(page).toContain('href="/explore?id=twitch"');
  });

  it('in production, answers a browser at /graphql with a page that names the endpoint and the offline pages, not a CSRF error', async () => {
    const production = new TestApi(db.graph, testConfig({ NODE_ENV: 'production' }));
    const port = await production.listen();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('POST /graphql');
      expect(page).toContain('href="/graphiql"');
      expect(page).toContain('href="/explore?id=twitch"');
      expect(page).not.toContain('embeddable-sandbox');
    } finally {
      await production.stop();
    }
  });

  it('answers introspection, as Sandbox and GraphiQL need', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('turns the Sandbox landing page off in production unless SANDBOX_ENABLED says otherwise', async () => {
    const page = async (env: Record<string, string>) => {
      const prod = new TestApi(db.graph, testConfig(env));
      const port = await prod.listen();
      try {
        return await (await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } })).text();
      } finally {
        await prod.stop();
      }
    };
    expect(await page({ NODE_ENV: 'production' })).not.toContain('embeddable-sandbox');
    expect(await page({ NODE_ENV: 'production', SANDBOX_ENABLED: 'true' })).toContain('embeddable-sandbox');
  });

  it('refuses a body that is not JSON, and an oversized one, without crashing', async () => {
    const bad = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(bad.status).toBe(400);
    const huge = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ company(id: "${'x'.repeat(2 * 1024 * 1024)}") { id } }` }),
    }).catch(() => null);
    expect(huge === null || huge.status === 413).toBe(true);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

describe('Neo4j down and back', () => {
  it('fails requests fast with DATABASE_UNAVAILABLE, reports not ready, and recovers by itself', async () => {
    const target = new URL(testNeo4j().uri);
    const proxy = new TcpProxy(target.hostname, Number(target.port));
    const port = await proxy.open();
    const db = openTestGraph(`bolt://127.0.0.1:${port}`);
    const api = new TestApi(db.graph);
    const httpPort = await api.listen();
    try {
      expect((await api.data('{ company(id: "amazon") { name } }')).company.name).toBe('Amazon');

      await proxy.close();
      const started = Date.now();
      const down = await api.execute('{ company(id: "amazon") { name } }');
      expect(codes(down)).toEqual(['DATABASE_UNAVAILABLE']);
      expect(down.errors![0].message).not.toMatch(/at |Error:|\.ts/);
      expect(Date.now() - started).toBeLessThan(10000);
      const ready = await fetch(`http://127.0.0.1:${httpPort}/ready`);
      expect(ready.status).toBe(503);

      await proxy.open(port);
      const recovered = await waitUntil(
        async () => {
          const answer = await api.execute('{ company(id: "amazon") { name } }');
          return !answer.errors && answer.data?.company?.name === 'Amazon';
        },
        15000,
        500,
      );
      expect(recovered).toBe(true);
      // Readiness pings Neo4j with a deadline of its own: with both cores busy the first ping after the
      // outage can miss it, so wait for the answer rather than take the first one.
      expect(await waitUntil(async () => (await fetch(`http://127.0.0.1:${httpPort}/ready`)).status === 200, 30000, 500)).toBe(true);
    } finally {
      await api.stop();
      await db.close();
      await proxy.close();
    }
  });
});

describe('start-up failures say which and how to fix it', () => {
  it('names a wrong password', async () => {
    const config = testConfig({ NEO4J_PASSWORD: 'wrong-password' });
    const error = await connectGraph(config, silent).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/rejected user "neo4j": wrong password\? Check NEO4J_USER and NEO4J_PASSWORD/);
  });

  it('names an unreachable server, fast', async () => {
    const config = testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECTION_TIMEOUT_MS: '2000' });
    const started = Date.now();
    const error = await connectGraph(config, silent).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 .*Check NEO4J_URI/);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('names a taken HTTP port and the variable to change', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const taken = (holder.address() as net.AddressInfo).port;
    const db = openTestGraph();
    const api = new TestApi(db.graph);
    try {
      const error = await api.listen(taken).catch((e) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect(error.message).toBe(`Port ${taken} is already in use on 127.0.0.1. Set PORT to a free port, or stop what holds it.`);
    } finally {
      await api.stop();
      await db.close();
      holder.close();
    }
  });

  it('names a taken Bolt port for the local Neo4j and the variable to change', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const taken = (holder.address() as net.AddressInfo).port;
    const local = new LocalNeo4j({ home: `${process.cwd()}/var/neo4j/port-test`, boltPort: taken, heapMb: 256, pageCacheMb: 64, txTimeoutMs: 1000 }, silent);
    try {
      const error = await local.start().catch((e) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect(error.message).toMatch(new RegExp(`Port ${taken} .*already in use.*Set LOCAL_NEO4J_BOLT_PORT`));
    } finally {
      holder.close();
    }
  });
});
