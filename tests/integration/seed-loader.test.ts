import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { IngestValidationError, loadRecordFiles } from '../../src/ingest/importer';
import { openTestGraph, TestGraph } from '../helpers/graph';

let db: TestGraph;
beforeAll(() => {
  db = openTestGraph();
});
afterAll(() => db.close());

async function counts(): Promise<{ nodes: number; relationships: number }> {
  const session = db.driver.session();
  try {
    const result = await session.run('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
    return { nodes: result.records[0].get('nodes').toNumber(), relationships: result.records[0].get('relationships').toNumber() };
  } finally {
    await session.close();
  }
}

function writeFile(lines: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-seed-'));
  const file = path.join(dir, 'bad.jsonl');
  fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const SOURCE = { type: 'Source', id: 'src-test-loader', kind: 'NEWS_ARTICLE', title: 'Loader test', published: '2024-01-10' };

describe('seed loading', () => {
  it('is idempotent: loading the seed again changes nothing', async () => {
    const before = await counts();
    const summary = await loadRecordFiles(db.graph, path.join(PROJECT_ROOT, 'seeds'));
    expect(summary.records).toBeGreaterThan(70);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a fact without a source',
      [SOURCE, { type: 'Organization', id: 'acme-x', name: 'Acme', kind: 'COMPANY' }],
      /bad\.jsonl:2 \(acme-x\): sources: every fact cites/,
    ],
    [
      'a duplicate id',
      [SOURCE, { type: 'Person', id: 'p-x', name: 'A', sources: ['src-test-loader'] }, { type: 'Person', id: 'p-x', name: 'B', sources: ['src-test-loader'] }],
      /bad\.jsonl:3 \(p-x\): duplicate id \(first used at bad\.jsonl:2\)/,
    ],
    [
      'min above max',
      [SOURCE, { type: 'LayoffEvent', id: 'l-x', organizations: ['amazon'], announced: '2024', headcount: { min: 10, max: 5 }, sources: ['src-test-loader'] }],
      /bad\.jsonl:2 \(l-x\): headcount: min \(10\) is above max \(5\)/,
    ],
    [
      'an unknown reference',
      [SOURCE, { type: 'Role', id: 'r-x', person: 'nobody-x', organization: 'amazon', title: 'CEO', roleType: 'CEO', sources: ['src-test-loader'] }],
      /bad\.jsonl:2 \(r-x\): held by "nobody-x" is not a known Person/,
    ],
    [
      'an id that names another type',
      [SOURCE, { type: 'Person', id: 'amazon', name: 'Not a company', sources: ['src-test-loader'] }],
      /id "amazon" already names an Organization/,
    ],
    ['a line that is not JSON', [SOURCE, '{"type": "Person",'], /bad\.jsonl:2: not valid JSON/],
    [
      'an ownership cycle',
      [SOURCE, { type: 'Ownership', id: 'own-cycle-x', kind: 'SUBSIDIARY', child: 'amazon', parent: 'twitch', sources: ['src-test-loader'] }],
      /would make amazon its own ancestor/,
    ],
  ])('rejects %s with file, line and reason, and writes nothing', async (_what, lines, message) => {
    const before = await counts();
    const error = await loadRecordFiles(db.graph, writeFile(lines)).catch((e) => e);
    expect(error).toBeInstanceOf(IngestValidationError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/nothing was written/);
    expect(await counts()).toEqual(before);
  });
});
