import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { parseCsv } from '../../src/ingest/csv';
import { useServedApi } from '../helpers/graph';

/**
 * The example notebooks, run end to end against the running service with nbclient, in the
 * project-local virtualenv that the test command creates (scripts/ensure-test-tools.sh).
 */
const PYTHON = path.join(PROJECT_ROOT, 'var', 'venv', 'bin', 'python');
const NOTEBOOKS = path.join(PROJECT_ROOT, 'examples', 'notebooks');
const service = useServedApi();

function runNotebook(name: string, company = 'amazon'): Promise<{ out: string; code: number | null; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-nb-'));
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [path.join(PROJECT_ROOT, 'tests', 'helpers', 'run_notebook.py'), path.join(NOTEBOOKS, name), path.join(dir, name)], {
      env: { ...process.env, CORPGRAPH_URL: service.url, CORPGRAPH_COMPANY: company, CORPGRAPH_OUTPUT_DIR: dir },
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
  it('01: builds the corporate family and acquisition chains as DataFrames, a network picture and a chart', async () => {
    const run = await runNotebook('01-corporate-family.ipynb');
    expect(run.out).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const chains = readTable(run.dir, 'chains.csv');
    const twitch = chains.find((r) => r.company === 'Twitch')!;
    expect(twitch).toMatchObject({ ultimate_parent: 'Amazon', chain: 'Twitch -> Amazon', currency: 'USD' });
    expect(Number(twitch.price)).toBe(970000000);
    expect(chains.find((r) => r.company === 'Prime Video')).toMatchObject({ ultimate_parent: 'Amazon', depth: '2' });
    const family = readTable(run.dir, 'family.csv');
    expect(family.map((r) => r.name)).toEqual(expect.arrayContaining(['MGM', 'Twitch', 'Alexa', 'Prime Video']));
    expect(family.find((r) => r.name === 'Twitch')).toMatchObject({ depth: '1', parent_id: 'amazon', 'since.precision': 'YEAR' });
    expect(fs.statSync(path.join(run.dir, 'family.png')).size).toBeGreaterThan(10000);
  }, 240000);

  it('02: lists family layoffs with their sources and totals them by year and organization as bounds, with a chart', async () => {
    const run = await runNotebook('02-family-layoffs.ipynb');
    expect(run.code).toBe(0);
    const layoffs = readTable(run.dir, 'layoffs.csv');
    expect(layoffs).toHaveLength(5);
    const twitch = layoffs.find((r) => r.id === 'layoff-2024-01-twitch')!;
    expect(twitch['headcount.text']).toBe('just over 500');
    expect(twitch.sources).toContain('Twitch blog post');
    const byYear = readTable(run.dir, 'by_year.csv');
    expect(byYear.find((r) => r.key === 'total')).toMatchObject({ events: '5', low: '27902', high: '', unknown: '1' });
    expect(readTable(run.dir, 'by_organization.csv').map((r) => r.label)).toEqual(expect.arrayContaining(['Twitch', 'Amazon Music']));
    expect(fs.statSync(path.join(run.dir, 'by_year.png')).size).toBeGreaterThan(5000);
  }, 240000);

  it('say plainly when the company is unknown', async () => {
    const run = await runNotebook('02-family-layoffs.ipynb', 'no-such-company');
    expect(run.code).not.toBe(0);
    expect(run.out).toContain('corpgraph knows no organization with id "no-such-company"');
    expect(run.out).not.toMatch(/EmptyDataError/);
  }, 240000);

  it('are committed with their outputs: tables and pictures show without running them', () => {
    for (const name of ['01-corporate-family.ipynb', '02-family-layoffs.ipynb']) {
      const notebook = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, name), 'utf8'));
      const outputs = notebook.cells.filter((c: any) => c.cell_type === 'code').flatMap((c: any) => c.outputs ?? []);
      expect([name, outputs.some((o: any) => o.data?.['image/png']), outputs.some((o: any) => o.data?.['text/html'])]).toEqual([name, true, true]);
      expect([name, outputs.filter((o: any) => o.output_type === 'error')]).toEqual([name, []]);
    }
  });
});
