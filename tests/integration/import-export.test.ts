import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../bench/generator';
import { PROJECT_ROOT } from '../../src/config';
import { importFiles } from '../../src/ingest/bulk-import';
import { readGraph, writeExport } from '../../src/ingest/export';
import { IngestValidationError } from '../../src/ingest/importer';
import { Progress } from '../../src/ingest/progress';
import { runCli, startCli } from '../helpers/cli';
import { openTestGraph, TestGraph } from '../helpers/graph';
import { ScratchNeo4j } from '../helpers/scratch-neo4j';
import { waitUntil } from '../helpers/service-process';

let db: TestGraph;
let scratch: ScratchNeo4j;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-io-'));
const options = (extra = {}) => ({ batchSize: 500, skipInvalid: false, checkpointDir: tmp(), ...extra });

beforeAll(async () => {
  db = openTestGraph();
  scratch = await new ScratchNeo4j().start();
});
afterAll(async () => {
  await scratch.stop();
  await db.close();
});
beforeEach(() => scratch.empty());

function readDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('export', () => {
  it('round-trips: export, import into an empty database, export again gives identical files', async () => {
    const first = tmp();
    writeExport(await readGraph(db.graph), first);
    const result = await importFiles(scratch.graph, first, options());
    expect(result.records).toBeGreaterThan(70);
    const second = tmp();
    writeExport(await readGraph(scratch.graph), second);
    expect(readDir(second)).toEqual(readDir(first));
    expect(Object.keys(readDir(first))).toContain('09-layoff-event.jsonl');
  });

  it('exports one company family with --root, importable on its own', async () => {
    const dir = tmp();
    const out = await run(['export', dir, '--root', 'twitch'], testEnv());
    expect(out.code).toBe(0);
    const layoffs = fs
      .readFileSync(path.join(dir, '09-layoff-event.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(layoffs).toEqual(['layoff-2024-01-twitch']);
    expect((await importFiles(scratch.graph, dir, options())).records).toBeGreaterThan(10);
  });
});

describe('import', () => {
  it('reads CSV for the flat record types, with quoted fields and lists', async () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'sources.csv'),
      'id,kind,title,publishers,published\nsrc-csv,NEWS_ARTICLE,"Merger talk, again",Example Wire|Other Wire,2024-03-01\n',
    );
    fs.writeFileSync(
      path.join(dir, 'organizations.csv'),
      'id,name,kind,aliases,sources,quote\nacme-csv,"Acme, Inc.",COMPANY,Acme|ACME Corp,src-csv,"said ""hello"""\n',
    );
    await importFiles(scratch.graph, dir, options());
    const [row] = await scratch.graph.read('node/by-ids', { keys: ['acme-csv'] });
    expect(row.node).toMatchObject({ name: 'Acme, Inc.', aliases: ['Acme', 'ACME Corp'] });
    const [cite] = await scratch.graph.read('citations/of-nodes', { keys: ['acme-csv'] });
    expect(cite.quote).toBe('said "hello"');
  });

  it('writes nothing when any record is invalid, or only the valid ones with skipInvalid', async () => {
    const dir = tmp();
    const lines = [
      { type: 'Source', id: 'src-x', kind: 'FILING', title: 'X' },
      { type: 'Organization', id: 'ok-co', name: 'OK', kind: 'COMPANY', sources: ['src-x'] },
      { type: 'Organization', id: 'bad-co', name: 'Bad', kind: 'CONGLOMERATE', sources: ['src-x'] },
      { type: 'Person', id: 'orphan', name: 'Orphan', sources: ['src-missing'] },
    ];
    fs.writeFileSync(path.join(dir, 'mixed.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const error = await importFiles(scratch.graph, dir, options()).catch((e) => e);
    expect(error).toBeInstanceOf(IngestValidationError);
    expect(error.message).toMatch(/mixed\.jsonl:3 \(bad-co\): kind: must be one of COMPANY, DIVISION/);
    expect(error.message).toMatch(/mixed\.jsonl:4 \(orphan\): cited source "src-missing" is not a known Source/);
    expect(await scratch.graph.read('node/by-ids', { keys: ['ok-co'] })).toEqual([]);
    const partial = await importFiles(scratch.graph, dir, options({ skipInvalid: true }));
    expect(partial.records).toBe(2);
    expect(partial.skipped.map((p) => p.line)).toEqual([3, 4]);
    expect(await scratch.graph.read('node/by-ids', { keys: ['ok-co'] })).toHaveLength(1);
  });

  it('reports progress as plain periodic lines when not on a terminal', () => {
    const written: string[] = [];
    const out = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const progress = new Progress(1000, 'writes', out, 0);
    progress.advance(250, 'nodes');
    progress.advance(750, 'links');
    expect(written[0]).toMatch(/^\[#{6}\.{18}\] {2}25\.0% 250\/1,000 writes, [\d,]+\/s, ETA \S+ \(nodes\)\n$/);
    expect(written[1]).toMatch(/100\.0% 1,000\/1,000 writes/);
  });

  it('killed mid-import and run again, ends in the same graph as an uninterrupted import', async () => {
    const dir = tmp();
    const file = path.join(dir, 'gen.jsonl');
    generate(file, { organizations: 2000, seed: 3, prefix: 'kill-' });
    const checkpoints = path.join(PROJECT_ROOT, 'var', 'import');

    const killed = start(['import', file, '--batch-size', '200'], scratchEnv());
    const progressed = await waitUntil(() => checkpointBatches(checkpoints, file) >= 5, 120_000);
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(progressed).toBe(true);
    const resumed = await run(['import', file, '--batch-size', '200'], scratchEnv());
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout.trim().split('\n').pop()!).resumedBatches).toBeGreaterThanOrEqual(5);
    const afterKill = tmp();
    writeExport(await readGraph(scratch.graph), afterKill);

    await scratch.empty();
    await importFiles(scratch.graph, file, options({ batchSize: 200 }));
    const uninterrupted = tmp();
    writeExport(await readGraph(scratch.graph), uninterrupted);
    expect(readDir(afterKill)).toEqual(readDir(uninterrupted));
    // Three imports of 2,000 organizations and two exports: minutes on a machine whose cores are busy.
  }, 300_000);
});

function checkpointBatches(dir: string, file: string): number {
  if (!fs.existsSync(dir)) return 0;
  for (const name of fs.readdirSync(dir)) {
    try {
      const content = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (content.files?.includes(file)) return content.batches;
    } catch {
      // A checkpoint being rewritten: read it on the next poll.
    }
  }
  return 0;
}

function testEnv(): Record<string, string> {
  const n = { uri: process.env.CORPGRAPH_TEST_NEO4J_URI!, password: process.env.CORPGRAPH_TEST_NEO4J_PASSWORD! };
  return { NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password };
}

function scratchEnv(): Record<string, string> {
  return { NEO4J_URI: scratch.connection.uri, NEO4J_PASSWORD: scratch.connection.password };
}

const start = startCli;
const run = runCli;
