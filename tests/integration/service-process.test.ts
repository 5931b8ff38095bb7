import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { testNeo4j } from '../helpers/graph';
import { graphql, isAlive, ServiceProcess, waitUntil } from '../helpers/service-process';

const E2E_HOME = path.join(PROJECT_ROOT, 'var', 'neo4j', 'e2e');
const E2E_BOLT_PORT = process.env.TEST_E2E_BOLT_PORT ?? '7689';

describe('the service as `npm start` runs it', () => {
  it('serves against NEO4J_URI and stops cleanly on SIGTERM', async () => {
    const n = testNeo4j();
    const service = new ServiceProcess({ NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, PORT: '0' });
    try {
      const url = await service.ready();
      expect(await graphql(url, '{ company(id: "amazon") { name } }')).toEqual({ data: { company: { name: 'Amazon' } } });
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(service.output).toContain('"event":"stopped"');
      expect(service.output).not.toContain(n.password);
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('starts its own Neo4j, leaves no orphan when killed, and reuses the data on the next start', async () => {
    const env = { LOCAL_NEO4J_HOME: E2E_HOME, LOCAL_NEO4J_BOLT_PORT: E2E_BOLT_PORT, LOCAL_NEO4J_HEAP_MB: '512', LOCAL_NEO4J_PAGECACHE_MB: '128', PORT: '0' };
    // A first start, on an empty home, with a request timeout far shorter than start-up work takes (the
    // first password change, constraints, the seed): start-up has its own timeout, so it succeeds.
    fs.rmSync(E2E_HOME, { recursive: true, force: true });
    const first = new ServiceProcess({ ...env, NEO4J_TX_TIMEOUT_MS: '100' });
    let url = await first.ready();
    expect(first.output).toContain('"event":"seed_loaded"');
    expect(await waitUntil(async () => (await graphql(url, '{ company(id: "twitch") { name } }')).data?.company?.name === 'Twitch', 60000)).toBe(true);
    const neo4jPid = Number(fs.readFileSync(path.join(E2E_HOME, 'neo4j.pid'), 'utf8'));
    expect(isAlive(neo4jPid)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(await waitUntil(() => !isAlive(neo4jPid), 60000)).toBe(true);

    const second = new ServiceProcess(env);
    try {
      url = await second.ready();
      expect(second.output).toContain('"event":"seed_skipped"');
      expect((await graphql(url, '{ company(id: "twitch") { name } }')).data.company.name).toBe('Twitch');
      const secondPid = Number(fs.readFileSync(path.join(E2E_HOME, 'neo4j.pid'), 'utf8'));
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      expect(isAlive(secondPid)).toBe(false);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 300_000);
});
