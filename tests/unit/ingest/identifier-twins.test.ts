import { landByIdentifiers, survivorOf } from '../../../src/ingest/identifier-twins';
import { normalizeRecord } from '../../../src/ingest/records';

const org = (id: string, cik: string) =>
  normalizeRecord({ type: 'Organization', id, name: id, kind: 'COMPANY', identifiers: [{ scheme: 'CIK', value: cik }], sources: ['src'] }, new Map());

describe('one company, one node, by identifiers', () => {
  it('keeps the hand-made id over a registry’s, an LEI entity over a CIK, whatever the order', () => {
    expect(survivorOf('amazon', 'cik-0001018724')).toBe('amazon');
    expect(survivorOf('cik-0001018724', 'amazon')).toBe('amazon');
    expect(survivorOf('cik-0000000001', 'lei-abc')).toBe('lei-abc');
    expect(survivorOf('lei-b', 'lei-a')).toBe('lei-a');
  });

  it('lands a record on the organization that carries its identifier, in the graph or earlier in the load', async () => {
    const holders = [{ key: 'CIK:0000000001', holder: 'acme', end: 'acme', endLabels: ['Entity', 'Organization'] }];
    const records = [org('cik-0000000001', '1'), org('globex', '2'), org('cik-0000000002', '2')];
    const landing = await landByIdentifiers(async () => holders, records);
    expect(landing.twins).toEqual([
      { id: 'cik-0000000001', other: 'acme', key: 'CIK:0000000001' },
      { id: 'cik-0000000002', other: 'globex', key: 'CIK:0000000002' },
    ]);
    // The identifier stays with the one that carries it; the twin is written without it.
    expect(records.map((r) => r.identifiers.length)).toEqual([0, 1, 0]);
  });

  it('does not write again a record already merged into the company its identifier names', async () => {
    const holders = [{ key: 'CIK:0000000001', holder: 'cik-0000000001', end: 'acme', endLabels: ['Entity', 'Organization'] }];
    const landing = await landByIdentifiers(async () => holders, [org('cik-0000000001', '1')], new Map([['cik-0000000001', 'acme']]));
    expect(landing).toMatchObject({ records: [], landed: ['cik-0000000001'], unlanded: [], twins: [] });
    const elsewhere = await landByIdentifiers(async () => holders, [org('cik-0000000001', '1')], new Map([['cik-0000000001', 'initech']]));
    expect(elsewhere.unlanded).toEqual(['cik-0000000001']);
  });
});
