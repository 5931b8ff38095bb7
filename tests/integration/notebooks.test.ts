import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { parseCsv } from '../../src/ingest/csv';
import { openTestGraph, TestApi, TestGraph } from '../helpers/graph';

/**
 * The example notebooks, run end to end against the running service with nbclient, in the
 * project-local virtualenv that the test command creates (scripts/ensure-test-tools.sh).
 */
const PYTHON = path.join(PROJECT_ROOT, 'var', 'venv', 'bin', 'python');
const NOTEBOOKS = path.join(PROJECT_ROOT, 'examples', 'notebooks');
let db: TestGraph;
let api: TestApi;
let url: string;

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph);
  url = `http://127.0.0.1:${await api.listen()}/graphql`;
});
afterAll(async () => {
  await api.stop();
  await db.close();
});

function runNotebook(name: string): Promise<{ out: string; code: number | null; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-nb-'));
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [path.join(PROJECT_ROOT, 'tests', 'helpers', 'run_notebook.py'), path.join(NOTEBOOKS, name), path.join(dir, name)], {
      env: { ...process.env, CORPGRAPH_URL: url, CORPGRAPH_COMPANY: 'amazon', CORPGRAPH_OUTPUT_DIR: dir, MPLBACKEND: 'Agg' },
      cwd: NOTEBOOKS,
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ out, code, dir }));
  });
}

function readTable(dir: string, file: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

describe('example notebooks', () => {
  it('01: builds the corporate family and acquisition chains as DataFrames, and a chart', async () => {
    const run = await runNotebook('01-corporate-family.ipynb');
    expect(run.out).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const chains = readTable(run.dir, 'chains.csv');
    expect(chains.find((r) => r.company === 'Twitch')).toMatchObject({ ultimate_parent: 'Amazon', chain: 'Twitch -> Amazon', price_usd: '970000000.0' });
    expect(chains.find((r) => r.company === 'Prime Video')).toMatchObject({ ultimate_parent: 'Amazon', depth: '2' });
    const family = readTable(run.dir, 'family.csv');
    expect(family.map((r) => r['organization.name'])).toEqual(expect.arrayContaining(['MGM', 'Twitch', 'Alexa']));
    expect(fs.statSync(path.join(run.dir, 'family.png')).size).toBeGreaterThan(5000);
  }, 240000);

  it('02: lists family layoffs with their sources and totals them by year and organization as bounds', async () => {
    const run = await runNotebook('02-family-layoffs.ipynb');
    expect(run.code).toBe(0);
    const layoffs = readTable(run.dir, 'layoffs.csv');
    expect(layoffs).toHaveLength(5);
    const twitch = layoffs.find((r) => r.id === 'layoff-2024-01-twitch')!;
    expect(twitch['headcount.text']).toBe('just over 500');
    expect(twitch['sources.source.title']).toContain('Twitch blog post');
    const byYear = readTable(run.dir, 'by_year.csv');
    expect(byYear.find((r) => r.key === 'total')).toMatchObject({ events: '5', low: '27902', high: '', unknownCount: '1' });
    expect(readTable(run.dir, 'by_organization.csv').map((r) => r.label)).toEqual(expect.arrayContaining(['Twitch', 'Amazon Music']));
  }, 240000);
});
