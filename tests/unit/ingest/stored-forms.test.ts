import 'reflect-metadata';
import { storedColumns } from '../../../src/first-load/columns';
import { FuzzyDate as FuzzyDateType } from '../../../src/graphql/common/fuzzy-date.type';
import { Quantity as QuantityType } from '../../../src/graphql/common/quantity.type';
import { STORED_FIELDS, wholeOf } from '../../../src/graphql/lookahead/stored-fields';
import { flattenDate, flattenQuantity, STORED_DATE, STORED_QUANTITY, StoredForm, storedNames } from '../../../src/ingest/dates-and-quantities';
import { recordFromNode } from '../../../src/ingest/export';
import { normalizeRecord } from '../../../src/ingest/records';

/**
 * How a fuzzy date and a quantity are stored is written once (STORED_DATE, STORED_QUANTITY); every
 * place that stores, reads, exports, bulk-loads or reads ahead derives its properties from it. These
 * tests hold each of those places to the description.
 */
const DATE = { earliest: '2024-01-01', latest: '2024-01-31', precision: 'MONTH' as const, text: 'in January' };
const QUANTITY = { value: null, min: 500, max: null, minExclusive: true, maxExclusive: false, qualifier: 'MORE_THAN' as const, text: 'just over 500' };
const names = <Part extends string>(form: StoredForm<Part>, prefix: string) => Object.values<string>(storedNames(form, prefix)).sort();

describe('the stored forms of dates and quantities', () => {
  it('name every stored property by the field and the part', () => {
    expect(storedNames(STORED_DATE, 'announced')).toEqual({
      earliest: 'announcedEarliest',
      latest: 'announcedLatest',
      precision: 'announcedPrecision',
      text: 'announcedText',
    });
    expect(names(STORED_QUANTITY, 'headcount')).toEqual(
      ['Value', 'Min', 'Max', 'MinExclusive', 'MaxExclusive', 'Qualifier', 'Text', 'Low', 'High'].map((s) => `headcount${s}`).sort(),
    );
  });

  it('are what the importer stores, and what the API reads back', () => {
    const date = flattenDate('announced', DATE);
    expect(Object.keys(date).sort()).toEqual(names(STORED_DATE, 'announced'));
    expect({ ...FuzzyDateType.fromProps(date, 'announced') }).toEqual(DATE);
    const quantity = flattenQuantity('headcount', QUANTITY);
    expect(Object.keys(quantity).sort()).toEqual(names(STORED_QUANTITY, 'headcount'));
    expect({ ...QuantityType.fromProps(quantity, 'headcount') }).toEqual({ ...QUANTITY, low: 501, high: null });
    expect(FuzzyDateType.fromProps({}, 'announced')).toBeNull();
    expect(QuantityType.fromProps({}, 'headcount')).toBeNull();
  });

  it('are the bulk importer’s columns and the lookahead’s properties', () => {
    const columns = storedColumns('LayoffEvent').map((c) => c.name);
    for (const name of [...names(STORED_DATE, 'announced'), ...names(STORED_QUANTITY, 'headcount')]) expect(columns).toContain(name);
    expect(storedColumns('LayoffEvent').find((c) => c.name === 'headcountLow')?.type).toBe('long');
    expect(wholeOf(STORED_FIELDS.LayoffEvent.announced).sort()).toEqual(names(STORED_DATE, 'announced'));
    expect(wholeOf(STORED_FIELDS.LayoffEvent.headcount).sort()).toEqual(names(STORED_QUANTITY, 'headcount'));
  });

  it('export back to the import format as they came in', () => {
    const raw = {
      type: 'LayoffEvent',
      id: 'x-layoff',
      organizations: ['x-org'],
      announced: DATE,
      headcount: { min: 500, minExclusive: true, qualifier: 'MORE_THAN', text: 'just over 500' },
      sources: [{ source: 'x-src' }],
    };
    const stored = normalizeRecord(raw, new Map());
    const exported = recordFromNode('LayoffEvent', { ...stored.props, id: stored.id }, [], []);
    expect(exported.announced).toEqual(DATE);
    expect(exported.headcount).toEqual(raw.headcount);
  });
});
