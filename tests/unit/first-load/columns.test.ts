import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config';
import { storedColumns } from '../../../src/first-load/columns';
import { RECORD_TYPES } from '../../../src/ingest/record-types';
import { normalizeRecord } from '../../../src/ingest/records';
import type { FuzzyDate } from '../../../src/ingest/dates-and-quantities';
import { generate } from '../../../bench/generator';
import os from 'node:os';

describe("the bulk importer's columns, derived from the record types", () => {
  it('has a typed column for every property any record of the seed or the generated graph stores', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-columns-')), 'gen.jsonl');
    generate(file, { organizations: 200, seed: 5, prefix: 'col-' });
    const lines = [
      ...fs.readFileSync(path.join(PROJECT_ROOT, 'seeds', 'amazon-2024-layoffs.jsonl'), 'utf8').split('\n'),
      ...fs.readFileSync(file, 'utf8').split('\n'),
    ].filter(Boolean);
    const missing = new Set<string>();
    const seen = new Set<string>();
    const published = new Map<string, FuzzyDate | null>();
    for (const line of lines) {
      const r = normalizeRecord(JSON.parse(line), published);
      if (r.type === 'Source' && r.props.publishedPrecision) {
        const p = r.props as Record<string, string>;
        published.set(r.id, {
          earliest: p.publishedEarliest,
          latest: p.publishedLatest,
          precision: p.publishedPrecision as FuzzyDate['precision'],
          text: null,
        });
      }
      seen.add(r.type);
      const columns = new Set(storedColumns(r.type).map((c) => c.name));
      for (const key of Object.keys(r.props)) if (!columns.has(key)) missing.add(`${r.type}.${key}`);
    }
    expect([...missing]).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(RECORD_TYPES.length - 1); // every type but Redirect
  });

  it('types dates as dates and whole-number counts as integers', () => {
    const layoff = Object.fromEntries(storedColumns('LayoffEvent').map((c) => [c.name, c.type]));
    expect([layoff.announcedEarliest, layoff.headcountLow, layoff.shareOfWorkforce, layoff.channels]).toEqual(['date', 'long', 'double', 'string[]']);
  });
});
