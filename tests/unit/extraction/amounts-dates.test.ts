import { findAmounts } from '../../../src/extraction/amounts';
import { findDates } from '../../../src/extraction/dates';
import { countBounds, FuzzyDate, parseQuantity } from '../../../src/ingest/dates-and-quantities';

/** A report published some time from Wednesday 10 to Friday 12 January 2024, as the seed's source is. */
const PUBLISHED: FuzzyDate = { earliest: '2024-01-10', latest: '2024-01-12', precision: 'RANGE', text: null };

describe('amounts found in text, hedges kept', () => {
  const text =
    'The streamer will shed just over 500 roles, about 35% of staff, while the studio cuts hundreds of jobs. ' +
    'Earlier rounds removed more than 27,000 positions. The platform was bought for $970 million, close to $1 billion, in 2014; ' +
    '599 shows aired in 2022 and nearly 400 are expected.';
  const amounts = findAmounts(text);

  it('reads each figure with its offsets, so the quote is exactly the words', () => {
    expect(amounts.map((a) => a.text)).toEqual([
      'just over 500',
      'about 35%',
      'hundreds',
      'more than 27,000',
      '$970 million',
      'close to $1 billion',
      '599',
      'nearly 400',
    ]);
    for (const a of amounts) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it('keeps bounds as the seed does: just over 500 is more than 500, hundreds is 200 to 999, never a made-up exact figure', () => {
    const [over, share, hundreds, thousands, price, approx, , nearly] = amounts;
    expect(over.quantity).toEqual({ min: 500, minExclusive: true, qualifier: 'MORE_THAN', text: 'just over 500' });
    expect(countBounds(parseQuantity(over.quantity, 'headcount'))).toEqual({ low: 501, high: null });
    expect(share).toMatchObject({ kind: 'PERCENT', quantity: { value: 0.35, qualifier: 'APPROXIMATE' } });
    expect(hundreds.quantity).toEqual({ min: 200, max: 999, qualifier: 'RANGE', text: 'hundreds' });
    expect(thousands.quantity).toMatchObject({ min: 27000, minExclusive: true, qualifier: 'MORE_THAN' });
    expect(price).toMatchObject({ kind: 'MONEY', currency: 'USD', quantity: { value: 970_000_000, qualifier: 'EXACT' } });
    expect(approx).toMatchObject({ kind: 'MONEY', quantity: { value: 1_000_000_000, qualifier: 'APPROXIMATE' } });
    expect(nearly.quantity).toMatchObject({ max: 400, maxExclusive: true, qualifier: 'LESS_THAN' });
    for (const a of amounts) expect(() => parseQuantity(a.quantity, 'q', { nonNegative: true })).not.toThrow();
  });

  it('takes a year for a date, not a count, and finds nothing where there is no figure', () => {
    expect(amounts.map((a) => a.text)).not.toContain('2014');
    expect(findAmounts('The company said it would cut costs.')).toEqual([]);
    expect(findAmounts('')).toEqual([]);
  });
});

describe('dates found in text, resolved against the publication', () => {
  it('resolves a weekday to the last one on or before publication, and relative phrases to intervals', () => {
    const text = 'Staff were told on Wednesday. Last month it left a market; the deal closed a decade ago, in 2014. Cuts began in late 2022 and in March 2023.';
    const dates = findDates(text, PUBLISHED);
    expect(dates.map((d) => [d.text, d.date.earliest, d.date.latest, d.date.precision])).toEqual([
      ['on Wednesday', '2024-01-10', '2024-01-10', 'DAY'],
      ['Last month', '2023-12-01', '2023-12-31', 'MONTH'],
      ['a decade ago', '2013-01-01', '2015-12-31', 'RANGE'],
      ['in 2014', '2014-01-01', '2014-12-31', 'YEAR'],
      ['late 2022', '2022-09-01', '2022-12-31', 'RANGE'],
      ['in March 2023', '2023-03-01', '2023-03-31', 'MONTH'],
    ]);
    for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('reads calendar days, quarters, the end of a period, a month without a year and a range of two dates', () => {
    const text =
      'It agreed on January 18, 2022 and closed on 13 October 2023. The role began in the third quarter of 2021. ' +
      'Regions hear by the end of the week; the plan ends at the end of last year. Cuts came in late 2022 and early 2023, and again in June.';
    const read = Object.fromEntries(findDates(text, PUBLISHED).map((d) => [d.text, [d.date.earliest, d.date.latest, d.date.precision]]));
    expect(read).toEqual({
      'January 18, 2022': ['2022-01-18', '2022-01-18', 'DAY'],
      '13 October 2023': ['2023-10-13', '2023-10-13', 'DAY'],
      'in the third quarter of 2021': ['2021-07-01', '2021-09-30', 'QUARTER'],
      'by the end of the week': ['2024-01-10', '2024-01-14', 'RANGE'],
      'at the end of last year': ['2023-12-01', '2023-12-31', 'MONTH'],
      'late 2022 and early 2023': ['2022-09-01', '2023-04-30', 'RANGE'],
      // June is still to come in a January publication: last year's.
      'in June': ['2023-06-01', '2023-06-30', 'MONTH'],
    });
  });

  it('gives the hull when the publication day is not known exactly', () => {
    const [thursday] = findDates('announced Thursday', PUBLISHED);
    expect(thursday.date).toMatchObject({ earliest: '2024-01-04', latest: '2024-01-11', precision: 'RANGE' });
  });
});
