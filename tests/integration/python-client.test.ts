import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { useServedApi } from '../helpers/graph';

/**
 * The Python client (clients/python) against the test service: its pytest suite runs in the
 * project's virtualenv (scripts/ensure-test-tools.sh installs the client there) with CORPGRAPH_URL
 * set. Its counts go to test-results/pytest.json, which .ci/run adds to the summary line.
 */
const PYTHON = path.join(PROJECT_ROOT, 'var', 'venv', 'bin', 'python');
const service = useServedApi();

it('passes its pytest suite against the running service', async () => {
  const results = path.join(PROJECT_ROOT, 'test-results');
  fs.mkdirSync(results, { recursive: true });
  const report = path.join(results, 'pytest.xml');
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${report}`, 'clients/python/tests'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CORPGRAPH_URL: service.url, MPLBACKEND: 'Agg' },
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
  expect(tests).toBeGreaterThanOrEqual(8);
  expect(skipped).toBe(0);
}, 180_000);
