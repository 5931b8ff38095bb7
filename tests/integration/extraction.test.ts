import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractLayoffs, nameSpans } from '../../src/extraction/extract';
import { runCli } from '../helpers/cli';
import { openTestGraph, TestGraph, testNeo4j } from '../helpers/graph';

/**
 * An article's layoff statements against the seed graph, as an analyst would run them before review:
 * the organizations resolved to the graph's ids, figures and dates as stated, nothing written.
 * The text is in our own words.
 */
let db: TestGraph;
beforeAll(() => {
  db = openTestGraph();
});
afterAll(() => db.close());

const PUBLISHED = { earliest: '2024-01-10', latest: '2024-01-10', precision: 'DAY' as const, text: null };
const ARTICLE =
  'Twitch will lay off about 500 employees, the company said on Tuesday. ' +
  'Prime Video said last month that it would cut hundreds of roles. ' +
  'Amazon reported strong holiday sales, and Northwind Gadgets Inc. said nothing.';

describe('extracting layoffs from an article', () => {
  it('resolves the names the graph knows and proposes what each sentence states, no more', async () => {
    expect(nameSpans(ARTICLE)).toEqual(expect.arrayContaining(['Twitch', 'Prime Video', 'Amazon']));
    const { organizations, layoffs } = await extractLayoffs(db.graph, ARTICLE, { published: PUBLISHED });
    expect(organizations.map((o) => o.id)).toEqual(expect.arrayContaining(['amazon', 'prime-video', 'twitch']));
    expect(organizations.map((o) => o.id)).not.toContain(expect.stringMatching(/northwind/));
    expect(layoffs.map((l) => [l.organizations.map((o) => o.id), l.headcount.text, l.announced?.earliest])).toEqual([
      [['twitch'], 'about 500', '2024-01-09'],
      [['prime-video'], 'hundreds', '2023-12-01'],
    ]);
    expect(layoffs[0].headcount).toEqual({ value: 500, qualifier: 'APPROXIMATE', text: 'about 500' });
    for (const l of layoffs) expect(ARTICLE).toContain(l.quote);
  });

  it('prints the proposals on the command line, and refuses what is not text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-extract-'));
    const env = { NEO4J_URI: testNeo4j().uri, NEO4J_PASSWORD: testNeo4j().password };
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
    const out = await runCli(['extract', path.join(dir, 'article.txt'), '--published', '2024-01-10', '--format', 'json'], env);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).layoffs.map((l: { organizations: Array<{ id: string }> }) => l.organizations[0].id)).toEqual(['twitch', 'prime-video']);
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 159, 146, 150, 0, 1]));
    const binary = await runCli(['extract', path.join(dir, 'binary.txt'), '--published', '2024-01-10'], env);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('not UTF-8 text');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const empty = await runCli(['extract', path.join(dir, 'empty.txt'), '--published', '2024-01-10', '--format', 'json'], env);
    expect(JSON.parse(empty.stdout)).toEqual({ organizations: [], layoffs: [] });
  });
});
