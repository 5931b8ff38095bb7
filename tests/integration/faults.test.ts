import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { createDriver } from '../../src/graph/driver';
import { GraphClient } from '../../src/graph/graph-client';
import { loadRecordFiles } from '../../src/ingest/importer';
import { codes, openTestGraph, testConfig, TestApi, testNeo4j, WRITER } from '../helpers/graph';
import { ScratchNeo4j } from '../helpers/scratch-neo4j';
import { ServiceProcess, waitUntil } from '../helpers/service-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('transient errors', () => {
  it('retries a deadlock through managed transactions, and does not retry a client error', async () => {
    const n = testNeo4j();
    const driver = createDriver({ ...n, connectionTimeoutMs: 5000, maxRetryMs: 15000, maxPoolSize: 10 });
    const graph = new GraphClient(driver, n.database, CypherCatalog.load(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'cypher')), 30000);
    const session = driver.session();
    await session.run("UNWIND ['lock-a', 'lock-b'] AS id MERGE (:Entity {id: id})");
    try {
      const attempts = { ab: 0, ba: 0 };
      const holding = { ab: false, ba: false };
      const lockInOrder = (first: string, second: string, key: 'ab' | 'ba') =>
        graph.writeTransaction(async (tx) => {
          attempts[key] += 1;
          await tx.run('lock-node', { id: first });
          // Each takes its second lock only once both hold their first: a deadlock, whatever the load.
          holding[key] = true;
          await waitUntil(() => holding.ab && holding.ba, 30_000, 5);
          await tx.run('lock-node', { id: second });
        });
      await Promise.all([lockInOrder('lock-a', 'lock-b', 'ab'), lockInOrder('lock-b', 'lock-a', 'ba')]);
      // Neo4j broke the deadlock by failing one of them; the managed transaction ran it again.
      expect(attempts.ab + attempts.ba).toBeGreaterThanOrEqual(3);

      let tries = 0;
      const error = await graph
        .writeTransaction(async (tx) => {
          tries += 1;
          await tx.run('create-duplicate', { id: 'lock-a' });
        })
        .catch((e) => e);
      expect(error.code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
      expect(tries).toBe(1);
    } finally {
      await session.run("MATCH (n:Entity) WHERE n.id IN ['lock-a', 'lock-b'] DETACH DELETE n");
      await session.close();
      await driver.close();
    }
  });
});

describe('production mode', () => {
  it('masks internal errors behind a correlation id', async () => {
    const db = openTestGraph();
    // A graph client that knows no query: every resolver fails with an internal error.
    const broken = new GraphClient(db.driver, 'neo4j', CypherCatalog.load(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'cypher')), 5000);
    const api = new TestApi(broken, testConfig({ NODE_ENV: 'production' }));
    try {
      const answer = await api.execute('{ company(id: "amazon") { id } }');
      expect(answer.errors![0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: expect.any(String) },
      });
      expect(JSON.stringify(answer.errors)).not.toMatch(/Cypher|by-ids|stack/);
    } finally {
      await api.stop();
      await db.close();
    }
  });
});

describe('the service process', () => {
  it('never logs tokens or passwords', async () => {
    const n = testNeo4j();
    const token = 'super-secret-token-do-not-log-42';
    const service = new ServiceProcess({ NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password, PORT: '0', API_KEYS: `ci:${token}`, LOG_LEVEL: 'debug' });
    try {
      const url = await service.ready();
      for (const auth of [`Bearer ${token}`, 'Bearer wrong-token-wrong-token-1', `Basic ${Buffer.from(`neo4j:${n.password}`).toString('base64')}`]) {
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: auth },
          body: JSON.stringify({ query: 'mutation { cite(fact: "nope", sources: [{ source: "x" }]) { quote } }' }),
        });
      }
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(service.output).toContain('"event":"graphql_request"');
      expect(service.output).not.toContain(token);
      expect(service.output).not.toContain(n.password);
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('on SIGTERM under load, finishes the requests in flight, takes no new ones, and exits 0', async () => {
    const n = testNeo4j();
    const service = new ServiceProcess({
      NEO4J_URI: n.uri,
      NEO4J_PASSWORD: n.password,
      PORT: '0',
      SHUTDOWN_GRACE_MS: '15000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0',
    });
    try {
      const url = await service.ready();
      const slow =
        '{ timelineOf(id: "amazon", includeFamily: true) { summary } layoffRollupOf(id: "amazon") { total { low } } path(from: "dan-clancy", to: "andy-jassy") { found } }';
      const outcomes: Array<{ status?: number; ok?: boolean; end: number }> = [];
      let stop = false;
      const worker = async () => {
        while (!stop) {
          try {
            const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: slow }) });
            const body = (await response.json()) as any;
            outcomes.push({ status: response.status, ok: body.data?.path?.found === true, end: Date.now() });
          } catch {
            outcomes.push({ end: Date.now() });
            await sleep(20);
          }
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      // Under load: once every worker has had answers, requests are surely in flight.
      expect(await waitUntil(() => outcomes.filter((o) => o.status === 200).length >= 16, 120_000, 20)).toBe(true);
      const sigtermAt = Date.now();
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      // Until a request after the exit has been refused at the door.
      expect(await waitUntil(() => outcomes.some((o) => o.status === undefined && o.end > sigtermAt), 30_000, 20)).toBe(true);
      stop = true;
      await Promise.all(workers);
      expect(service.output).toContain('"event":"stopped"');
      const answered = outcomes.filter((o) => o.status !== undefined);
      // Every request the server took was answered in full; none got a 5xx or a broken answer.
      expect(answered.every((o) => o.status === 200 && o.ok)).toBe(true);
      // Requests in flight at SIGTERM still finished; requests after it were refused at the door.
      expect(answered.filter((o) => o.end >= sigtermAt).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.status === undefined && o.end > sigtermAt).length).toBeGreaterThan(0);
      expect(answered.length).toBeGreaterThanOrEqual(8);
    } finally {
      service.child.kill('SIGKILL');
    }
  });
});

describe('Neo4j stopped during a read and write load', () => {
  it('fails fast, reports not ready, recovers by itself, and loses no acknowledged write', async () => {
    const scratch = await new ScratchNeo4j().start();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      NEO4J_URI: scratch.connection.uri,
      NEO4J_PASSWORD: scratch.connection.password,
      NEO4J_TX_TIMEOUT_MS: '5000',
      NEO4J_CONNECTION_TIMEOUT_MS: '2000',
      NEO4J_MAX_RETRY_MS: '1000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0',
    });
    const driver = createDriver({ ...config.neo4j, uri: scratch.connection.uri, password: scratch.connection.password });
    const graph = new GraphClient(driver, 'neo4j', CypherCatalog.load(), config.neo4j.txTimeoutMs);
    // Setting up is not what is tested: the seed load gets a start-up's patience, not the 5 s request timeout (a cold database on a busy machine).
    await loadRecordFiles(graph.withTimeout(120_000), path.join(PROJECT_ROOT, 'seeds'));
    const api = new TestApi(graph, config);
    const base = `http://127.0.0.1:${await api.listen()}`;
    const acknowledged: string[] = [];
    const failed: string[] = [];
    const slowest = { down: 0 };
    let phase: 'up' | 'down' | 'back' = 'up';
    let running = true;
    const downCodes = new Set<string>();
    const worker = async (w: number) => {
      for (let i = 0; running; i += 1) {
        const id = `fault-${w}-${i}`;
        let started = Date.now();
        const write = await api.execute(
          'mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }',
          { i: { id, name: `Fault ${w} ${i}`, sources: [{ source: 'src-news-amazon-layoffs-2024-01', quote: 'test' }] } },
          WRITER,
        );
        if (phase === 'down') slowest.down = Math.max(slowest.down, Date.now() - started);
        started = Date.now();
        const read = await api.execute('{ company(id: "twitch") { ownershipChain { ultimateParent { id } } } }');
        if (write.errors) failed.push(id);
        else acknowledged.push(id);
        if (phase === 'down') {
          for (const c of [...codes(write), ...codes(read)]) downCodes.add(c);
          slowest.down = Math.max(slowest.down, Date.now() - started);
        }
        if (read.errors || write.errors) await sleep(50);
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    try {
      try {
        // Load first, until a fair number of writes are acknowledged (a cold, busy machine is slow to warm up).
        expect(await waitUntil(() => acknowledged.length > 20, 60_000, 50)).toBe(true);
        phase = 'down';
        await scratch.stopDatabase();
        // Until the load has met the outage and /ready says so.
        expect(await waitUntil(async () => downCodes.size > 0 && (await fetch(`${base}/ready`)).status === 503, 60_000)).toBe(true);
        expect([...downCodes]).toEqual(['DATABASE_UNAVAILABLE']);
        // No request waits much longer than the connection timeout and the retry time (with slack for a loaded CI machine).
        expect(slowest.down).toBeLessThan(3 * (config.neo4j.connectionTimeoutMs + config.neo4j.maxRetryMs) + 4000);

        phase = 'back';
        await scratch.startDatabase();
        // Until the service says it is ready and answers: a restarted database is cold (no plans, no
        // page cache), and on a busy machine its first queries can outlast the 5 s request timeout.
        const recovered = await waitUntil(
          async () => (await fetch(`${base}/ready`)).status === 200 && !(await api.execute('{ company(id: "amazon") { id } }')).errors,
          120_000,
          500,
        );
        expect(recovered).toBe(true);
        // Until writes are acknowledged again after the recovery.
        const afterRecovery = acknowledged.length;
        expect(await waitUntil(() => acknowledged.length >= afterRecovery + 4, 120_000, 50)).toBe(true);
      } finally {
        running = false;
        await Promise.all(workers);
        process.off('unhandledRejection', onUnhandled);
      }
      expect(acknowledged.length).toBeGreaterThan(10);
      expect(failed.length).toBeGreaterThan(0);
      // The check reads with a test's patience, not the service's 5 s request timeout (the database was just restarted).
      const checking = graph.withTimeout(60_000);
      const stored = await checking.read('node/by-ids', { keys: [...acknowledged, ...failed] });
      const storedIds = new Set(stored.map((r) => r.key as string));
      for (const id of acknowledged) expect([id, storedIds.has(id)]).toEqual([id, true]);
      // A write that failed is absent, or (its commit landed but the answer was lost) whole, with its citation.
      const cited = new Set((await checking.read('citations/of-nodes', { keys: failed.filter((id) => storedIds.has(id)) })).map((r) => r.key as string));
      for (const id of failed.filter((x) => storedIds.has(x))) expect([id, cited.has(id)]).toEqual([id, true]);
      expect(unhandled).toEqual([]);
    } finally {
      await api.stop();
      await driver.close();
      await scratch.stop();
    }
  }, 360_000);
});
