import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { openTestGraph, testConfig, TestApi, TestGraph } from '../helpers/graph';

/**
 * The Python client (clients/python) against the test service: its pytest suite runs in the
 * project's virtualenv (scripts/ensure-test-tools.sh installs the client there) with CORPGRAPH_URL
 * set. Its counts go to test-results/pytest.json, which .ci/run adds to the summary line.
 */
const PYTHON = path.join(PROJECT_ROOT, 'var', 'venv', 'bin', 'python');
/** The token the suite writes with (its change-feed test makes changes to follow). */
const TOKEN = 'python-client-token-0123456789';
const service = {} as { db: TestGraph; api: TestApi; url: string };
beforeAll(async () => {
  service.db = openTestGraph();
  service.api = new TestApi(service.db.graph, testConfig({ API_KEYS: `python:${TOKEN}` }));
  service.url = `http://127.0.0.1:${await service.api.listen()}/graphql`;
});
afterAll(async () => {
  const session = service.db.driver.session();
  await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'py-' DETACH DELETE n").finally(() => session.close());
  await service.api.stop();
  await service.db.close();
});

it('passes its pytest suite against the running service', async () => {
  const results = path.join(PROJECT_ROOT, 'test-results');
  fs.mkdirSync(results, { recursive: true });
  const report = path.join(results, 'pytest.xml');
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${report}`, 'clients/python/tests'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CORPGRAPH_URL: service.url, CORPGRAPH_TEST_TOKEN: TOKEN, MPLBACKEND: 'Agg' },
    });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('exit', (exit) => resolve({ code: exit, out: text }));
  });
  const xml = fs.readFileSync(report, 'utf8');
  const attr = (name: string) => Number(new RegExp(`<testsuite[^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const [tests, failures, errors, skipped] = ['tests', 'failures', 'errors', 'skipped'].map(attr);
  fs.writeFileSync(path.join(results, 'pytest.json'), JSON.stringify({ passed: tests - failures - errors - skipped, failed: failures + errors, skipped }));
  expect([code, out.split('\n').slice(-3).join('\n')]).toEqual([0, expect.stringMatching(/passed/)]);
  expect(tests).toBeGreaterThanOrEqual(9);
  expect(skipped).toBe(0);
}, 180_000);
