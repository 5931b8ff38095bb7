import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config';
import { normalizeRecord } from '../../../src/ingest/records';
import { Dataset } from '../../../src/sources/dataset';
import { readLeiRecords, readRelationshipRecords, readReportingExceptions } from '../../../src/sources/gleif';
import { readLayoffTracker } from '../../../src/sources/tracker';
import { readWarnNotices } from '../../../src/sources/warn';

const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'public-data');
const LEIS = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'leis.json'), 'utf8')) as Record<string, string>;
const dataset = (kind: Dataset['kind'] = 'REGISTRY'): Dataset => ({
  id: 'dataset-test',
  title: 'Test',
  publisher: 'Test',
  version: '1',
  retrieved: '2026-11-26',
  licence: 'CC0-1.0',
  kind,
});
const values = (out: { records: Array<{ value: unknown }> }) => out.records.map((r) => r.value as Record<string, unknown>);
const tmp = (name: string, text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-adapters-')), name);
  fs.writeFileSync(file, text);
  return file;
};

describe('GLEIF adapters', () => {
  it('makes an organization per LEI and a redirect of a merged LEI to its successor, all valid records', () => {
    const out = readLeiRecords(path.join(FIXTURES, 'lei-records.csv'), dataset());
    expect(out.problems).toEqual([]);
    const records = values(out);
    const dates = new Map();
    for (const r of records) expect(() => normalizeRecord(r, dates)).not.toThrow();
    expect(records.find((r) => r.id === `lei-${LEIS.old.toLowerCase()}`)).toMatchObject({
      type: 'Redirect',
      target: `lei-${LEIS.sub.toLowerCase()}`,
      reason: 'MERGED',
      identifiers: [{ scheme: 'LEI', value: LEIS.old }],
    });
    expect(records.find((r) => r.id === `lei-${LEIS.br.toLowerCase()}`)).toMatchObject({ kind: 'DIVISION', category: 'BRANCH', country: 'IE' });
    expect(records.filter((r) => r.type === 'Market').map((r) => r.id)).toContain('city-ch-zurich');
  });

  it('makes a link per relationship period, claims of ultimate parents, and leaves fund relationships out, counted', () => {
    const out = readRelationshipRecords(path.join(FIXTURES, 'relationships.csv'), dataset());
    const records = values(out);
    const links = records.filter((r) => r.type === 'Ownership' && r.child === `lei-${LEIS.sub.toLowerCase()}`);
    expect(links.map((l) => [l.since, l.until, l.share])).toEqual([
      [{ on: '2016-07-01' }, { on: '2019-12-31' }, 0.755],
      [{ on: '2021-03-01' }, undefined, 0.755],
    ]);
    expect(out.leftOut).toEqual({ 'IS_FUND-MANAGED_BY (fund relationship)': 1 });
    expect(records.filter((r) => r.type === 'Claim').map((r) => r.property)).toEqual(['ultimateParent', 'ultimateParent']);
  });

  it('makes a claim per reason a parent is not reported', () => {
    const records = values(readReportingExceptions(path.join(FIXTURES, 'exceptions.csv'), dataset()));
    expect(records.filter((r) => r.type === 'Claim').map((r) => `${r.property} ${r.text}`)).toEqual([
      'directParentNotReported NATURAL_PERSONS',
      'directParentNotReported NON_PUBLIC',
      'ultimateParentNotReported NATURAL_PERSONS',
    ]);
  });

  it('reports a bad check digit and a short row with their lines', () => {
    const out = readLeiRecords(path.join(FIXTURES, 'lei-records-broken.csv'), dataset());
    expect(out.problems.map((p) => [p.line, p.reason.split(':')[0]])).toEqual([
      [4, 'LEI'],
      [5, 'has 3 fields, the header 15'],
    ]);
  });
});

describe('WARN notices', () => {
  const header = 'location,jobs,effective_date,notice_date,is_temporary,postal_code,company,hash_id,is_amendment,is_closure\n';
  it('keeps an empty count unknown, and points an amendment at the latest earlier notice of the same employer and state', () => {
    const file = tmp(
      'warn.csv',
      header +
        'Austin,,2022-03-01,2022-01-05,,TX,Acme Corp,a1aaaaaaaaaaaaaaaaaaaaaaaa,False,True\n' +
        'Austin,120,2022-04-01,2022-02-01,,TX,Acme Corp,a2aaaaaaaaaaaaaaaaaaaaaaaa,False,\n' +
        'Austin,150,2022-04-01,2022-02-15,,TX,ACME CORP,a3aaaaaaaaaaaaaaaaaaaaaaaa,True,\n' +
        'Dallas,10,2022-04-01,2022-02-20,,TX,Other Co,a4aaaaaaaaaaaaaaaaaaaaaaaa,False,\n',
    );
    const records = values(readWarnNotices(file, dataset('WARN_NOTICES')));
    const events = records.filter((r) => r.type === 'LayoffEvent');
    expect(events.map((e) => [e.id, e.headcount ?? 'unknown', e.amends ?? null])).toEqual([
      ['warn-a1aaaaaaaaaaaaaaaaaaaaaa', 'unknown', null],
      ['warn-a2aaaaaaaaaaaaaaaaaaaaaa', 120, null],
      ['warn-a4aaaaaaaaaaaaaaaaaaaaaa', 10, null],
      // The amendment comes last (it waits for every notice), and amends the later of Acme's two.
      ['warn-a3aaaaaaaaaaaaaaaaaaaaaa', 150, 'warn-a2aaaaaaaaaaaaaaaaaaaaaa'],
    ]);
  });
});

describe('layoff trackers', () => {
  it('reads a percentage as a share and an empty count as unknown', () => {
    const records = values(readLayoffTracker(path.join(FIXTURES, 'tracker.csv'), dataset('LAYOFF_TRACKER')));
    expect(records[0]).toMatchObject({ kind: 'LAYOFF_TRACKER' });
    const events = records.filter((r) => r.type === 'LayoffEvent');
    expect(events.map((e) => [e.employerName, e.headcount ?? 'unknown', e.shareOfWorkforce ?? null])).toEqual([
      ['Fixture Subsidiary', 120, 0.1],
      ['Fixture Solo Partners', 'unknown', null],
    ]);
  });
});
