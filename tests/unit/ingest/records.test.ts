import { normalizeRecord } from '../../../src/ingest/records';

const dates = new Map([['src-a', { earliest: '2024-01-10', latest: '2024-01-10', precision: 'DAY' as const, text: null }]]);

describe('import records', () => {
  it('turns a layoff record into node properties, edges and citations', () => {
    const r = normalizeRecord(
      {
        type: 'LayoffEvent',
        id: 'layoff-x',
        organizations: ['twitch'],
        announced: { text: 'last month' },
        headcount: { min: 500, minExclusive: true, qualifier: 'MORE_THAN', text: 'just over 500' },
        shareOfWorkforce: 0.35,
        sources: [{ source: 'src-a', quote: 'just over 500' }],
      },
      dates,
    );
    expect(r.label).toBe('LayoffEvent');
    expect(r.props).toMatchObject({ announcedEarliest: '2023-12-01', announcedLatest: '2023-12-31', headcountLow: 501, shareOfWorkforce: 0.35 });
    expect(r.edges).toEqual([{ type: 'AT_ORGANIZATION', field: 'organizations', to: 'twitch', toLabel: 'Organization', props: {} }]);
    expect(r.citations).toEqual([{ source: 'src-a', quote: 'just over 500' }]);
  });

  it.each([
    [{ type: 'Organization', id: 'acme', name: 'Acme', kind: 'COMPANY' }, /sources: every fact cites at least one source/],
    [{ type: 'Organization', id: 'Acme Inc', name: 'Acme', kind: 'COMPANY', sources: ['src-a'] }, /id: must be a lower-case slug/],
    [
      { type: 'Acquisition', id: 'a', acquirer: 'x', target: 'y', status: 'COMPLETED', price: { amount: 1, currency: 'USX' }, sources: ['src-a'] },
      /price.currency: must be an ISO 4217 code/,
    ],
    [
      { type: 'LayoffEvent', id: 'l', organizations: ['x'], announced: '2024', shareOfWorkforce: 35, sources: ['src-a'] },
      /shareOfWorkforce: must be between 0 and 1/,
    ],
    [{ type: 'Ownership', id: 'o', kind: 'SUBSIDIARY', child: 'x', parent: 'x', sources: ['src-a'] }, /cannot be its own parent/],
    [{ type: 'Person', id: 'p', name: 'P', sources: [{ source: 'src-a', quote: 'x'.repeat(201) }] }, /short phrase of at most 200/],
    [{ type: 'Person', id: 'p', name: 'P', nickname: 'X', sources: ['src-a'] }, /nickname: is not a field/],
  ])('rejects %j', (record, message) => {
    expect(() => normalizeRecord(record, dates)).toThrow(message);
  });
});
