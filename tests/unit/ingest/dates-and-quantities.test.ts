import { countBounds, parseCalendar, parseFuzzyDate, parseQuantity } from '../../../src/ingest/dates-and-quantities';

const JANUARY_2024 = { earliest: '2024-01-10', latest: '2024-01-12', precision: 'RANGE' as const, text: null };

describe('fuzzy dates', () => {
  it('reads calendar expressions as intervals with their precision', () => {
    expect(parseCalendar('2014', 'd')).toEqual({ earliest: '2014-01-01', latest: '2014-12-31', precision: 'YEAR', text: null });
    expect(parseCalendar('2024-02', 'd')).toMatchObject({ earliest: '2024-02-01', latest: '2024-02-29', precision: 'MONTH' });
    expect(parseCalendar('2021-Q3', 'd')).toMatchObject({ earliest: '2021-07-01', latest: '2021-09-30', precision: 'QUARTER' });
    expect(parseCalendar('2010s', 'd')).toMatchObject({ earliest: '2010-01-01', latest: '2019-12-31', precision: 'DECADE' });
    expect(() => parseCalendar('2023-02-30', 'd')).toThrow(/not a calendar date/);
  });

  it('reads "late 2022" as September to December with the original text', () => {
    expect(parseFuzzyDate({ text: 'late 2022' }, 'd')).toEqual({ earliest: '2022-09-01', latest: '2022-12-31', precision: 'RANGE', text: 'late 2022' });
  });

  it('resolves relative phrases against the citing source publication date', () => {
    expect(parseFuzzyDate({ text: 'last month' }, 'd', JANUARY_2024)).toMatchObject({ earliest: '2023-12-01', latest: '2023-12-31', precision: 'MONTH' });
    expect(parseFuzzyDate({ text: 'last year' }, 'd', JANUARY_2024)).toMatchObject({ earliest: '2023-01-01', latest: '2023-12-31', precision: 'YEAR' });
    expect(parseFuzzyDate({ text: 'a decade ago' }, 'd', JANUARY_2024)).toMatchObject({ earliest: '2013-01-01', latest: '2015-12-31' });
    expect(() => parseFuzzyDate({ text: 'last month' }, 'd', null)).toThrow(/needs a citing source/);
  });

  it('refuses an interval whose earliest is after its latest', () => {
    expect(() => parseFuzzyDate({ earliest: '2024-02-01', latest: '2024-01-01' }, 'announced')).toThrow(/announced: earliest \(2024-02-01\) is after latest/);
  });
});

describe('approximate quantities', () => {
  it('keeps "more than 27,000" as an exclusive lower bound with no upper bound', () => {
    const q = parseQuantity({ min: 27000, minExclusive: true, qualifier: 'MORE_THAN', text: 'more than 27,000' }, 'headcount');
    expect(q).toMatchObject({ value: null, min: 27000, max: null, minExclusive: true });
    expect(countBounds(q)).toEqual({ low: 27001, high: null });
  });

  it('keeps an unknown number unknown, never 0', () => {
    const q = parseQuantity({ qualifier: 'UNKNOWN', text: 'number not given' }, 'headcount');
    expect(q.value).toBeNull();
    expect(countBounds(q)).toEqual({ low: null, high: null });
    expect(() => parseQuantity({ qualifier: 'UNKNOWN', value: 0 }, 'headcount')).toThrow(/UNKNOWN quantity has no value/);
  });

  it('refuses min above max and negative counts', () => {
    expect(() => parseQuantity({ min: 10, max: 5 }, 'headcount')).toThrow(/min \(10\) is above max \(5\)/);
    expect(() => parseQuantity({ min: -1 }, 'headcount', { nonNegative: true })).toThrow(/must not be negative/);
  });
});
