import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { importFiles } from '../../src/ingest/bulk-import';
import { readGraph } from '../../src/ingest/export';
import type { FirstLoadInput } from '../../src/first-load/inputs';
import { IngestValidationError } from '../../src/ingest/importer';
import { mergeIdentifierTwins } from '../../src/resolution/identifier-merges';
import { datasetFor, SOURCE_FORMATS } from '../../src/sources/formats';
import { ScratchNeo4j } from '../helpers/scratch-neo4j';

/**
 * The first load (Neo4j's offline bulk importer) and the transactional importer, given the same
 * inputs (the seed, GLEIF and SEC fixtures, a tracker and every real WARN notice), build the same
 * graph: their exports are equal, byte for byte.
 */
const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'public-data');
const INPUTS: FirstLoadInput[] = [
  { path: path.join(PROJECT_ROOT, 'seeds', 'amazon-2024-layoffs.jsonl') },
  { format: 'gleif-lei', path: path.join(FIXTURES, 'lei-records.csv'), version: 'fixture 1', retrieved: '2026-11-26' },
  { format: 'gleif-rr', path: path.join(FIXTURES, 'relationships.csv'), version: 'fixture 1', retrieved: '2026-11-26' },
  { format: 'gleif-repex', path: path.join(FIXTURES, 'exceptions.csv'), version: 'fixture 1', retrieved: '2026-11-26' },
  { format: 'sec', path: path.join(FIXTURES, 'CIK0009999001.json'), version: 'fixture 1', retrieved: '2026-11-26' },
  { format: 'layoff-tracker', path: path.join(FIXTURES, 'tracker.csv'), version: 'fixture 1', retrieved: '2026-11-26' },
  { format: 'warn', path: path.join(PROJECT_ROOT, 'var', 'data', 'warn', 'consolidated.csv'), retrieved: '2026-11-26' },
  // Two records of one company (one CIK): merged into one node by both paths.
  { path: path.join(FIXTURES, 'identifier-twins.jsonl') },
];

let scratch: ScratchNeo4j;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-first-load-'));
beforeAll(async () => {
  scratch = await new ScratchNeo4j().start();
}, 300_000);
afterAll(async () => {
  await scratch?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function digest(): Promise<{ records: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  const records = await readGraph(scratch.graph);
  for (const r of records) hash.update(JSON.stringify(r) + '\n');
  return { records: records.length, sha256: hash.digest('hex') };
}

async function importTransactionally(): Promise<void> {
  for (const input of INPUTS) {
    const format = input.format;
    await importFiles(scratch.graph, input.path, {
      batchSize: 5000,
      skipInvalid: true,
      checkpointDir: workDir,
      ...(format ? { read: (files: string[]) => SOURCE_FORMATS[format].read(files, datasetFor(format, input)) } : {}),
      mergeTwins: mergeIdentifierTwins,
    });
  }
}

describe('first load through the bulk importer', () => {
  it('builds the graph the transactional importer builds from the same inputs (export digests equal)', async () => {
    await scratch.empty();
    await importTransactionally();
    const transactional = await digest();
    expect(transactional.records).toBeGreaterThan(51_000);

    const result = await scratch.firstLoad(INPUTS, { workDir, skipInvalid: true });
    const bulk = await digest();
    expect(bulk).toEqual(transactional);
    // What was left out is what the transactional path leaves out: real notices with no date at all, or an employer name too long to be one.
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(result.skipped.every((p) => p.file === 'consolidated.csv')).toBe(true);
    expect(result.records).toBe(transactional.records);
    // One company, one node: the registry's record merged into the hand-made one, by its CIK.
    expect(result.merged).toEqual([{ survivor: 'idt-hooli', absorbed: 'cik-9999400005' }]);
  }, 900_000);

  it('refuses a load with an invalid record, naming file and line, and leaves the database as it was', async () => {
    const before = await digest();
    const broken: FirstLoadInput[] = [{ format: 'gleif-lei', path: path.join(FIXTURES, 'lei-records-broken.csv'), version: 'broken' }];
    const error = await scratch.firstLoad(broken, { workDir, skipInvalid: false }).catch((e) => e);
    expect(error).toBeInstanceOf(IngestValidationError);
    expect((error as IngestValidationError).problems.map((p) => `${p.file}:${p.line}`)).toEqual(['lei-records-broken.csv:4', 'lei-records-broken.csv:5']);
    expect(await digest()).toEqual(before);
  }, 300_000);
});
