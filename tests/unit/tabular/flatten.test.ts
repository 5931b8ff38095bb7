import { NotTabularError, tableOf, toCsv, toText } from '../../../src/tabular/flatten';

describe('tables from GraphQL results', () => {
  it('flattens a connection: dotted columns, lists joined', () => {
    const table = tableOf({
      layoffEvents: {
        nodes: [
          {
            id: 'a',
            headcount: { low: 501, high: null },
            organizations: [{ name: 'Prime Video' }, { name: 'Amazon MGM Studios' }],
            channels: ['EMAIL', 'MEMO'],
          },
          { id: 'b', headcount: { low: 1, high: 2 }, organizations: [], channels: [] },
        ],
      },
    });
    expect(table.columns).toEqual(['id', 'headcount.low', 'headcount.high', 'organizations.name', 'channels']);
    expect(table.rows[0]).toEqual({
      id: 'a',
      'headcount.low': '501',
      'headcount.high': '',
      'organizations.name': 'Prime Video; Amazon MGM Studios',
      channels: 'EMAIL; MEMO',
    });
    expect(table.rows[1]['organizations.name'] ?? '').toBe('');
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    const csv = toCsv({ columns: ['name', 'note'], rows: [{ name: 'Acme, Inc.', note: 'said "hi"\nthen left' }] });
    expect(csv).toBe('name,note\r\n"Acme, Inc.","said ""hi""\nthen left"\r\n');
  });

  it('reads an object with one list as that list, and a single object as one row', () => {
    expect(tableOf({ ownershipChainOf: { organization: { name: 'Twitch' }, links: [{ parent: { name: 'Amazon' } }] } }).rows).toEqual([
      { 'parent.name': 'Amazon' },
    ]);
    expect(tableOf({ company: { id: 'amazon', name: 'Amazon' } }).rows).toEqual([{ id: 'amazon', name: 'Amazon' }]);
  });

  it('refuses what cannot be one table, saying why', () => {
    expect(() => tableOf({ a: [], b: [] })).toThrow(new NotTabularError('A table needs exactly one root field; this result has 2 (a, b)'));
    expect(() => tableOf({ corporateFamilyOf: { members: [{ a: 1 }], tree: [{ b: 2 }] } })).toThrow(/several lists \(members, tree\)/);
    expect(() => tableOf({ count: 3 })).toThrow(/single number/);
  });

  it('aligns columns for a terminal', () => {
    expect(toText({ columns: ['id', 'name'], rows: [{ id: 'mgm', name: 'MGM' }] })).toBe('id   name\n---  ----\nmgm  MGM\n');
  });
});
