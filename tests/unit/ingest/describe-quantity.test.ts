import { describeQuantity, type Quantity } from '../../../src/ingest/dates-and-quantities';

const q = (parts: Partial<Quantity>): Quantity => ({
  value: null,
  min: null,
  max: null,
  minExclusive: false,
  maxExclusive: false,
  qualifier: 'EXACT',
  text: null,
  ...parts,
});

describe('a quantity as a person reads it', () => {
  it("keeps the source's own words when it gave them", () => {
    expect(describeQuantity(q({ qualifier: 'MORE_THAN', min: 500, minExclusive: true, text: 'just over 500' }))).toBe('just over 500');
  });

  it("tells a WARN notice's count, which has no wording, from the whole statement", () => {
    expect(describeQuantity(q({ value: 6214, min: 6214, max: 6214 }))).toBe('6,214');
    expect(describeQuantity(q({ qualifier: 'APPROXIMATE', value: 1000 }))).toBe('about 1,000');
    expect(describeQuantity(q({ qualifier: 'APPROXIMATE', min: 100, max: 200 }))).toBe('about 100-200');
    expect(describeQuantity(q({ qualifier: 'MORE_THAN', min: 27000, minExclusive: true }))).toBe('more than 27,000');
    expect(describeQuantity(q({ qualifier: 'AT_LEAST', min: 50 }))).toBe('at least 50');
    expect(describeQuantity(q({ qualifier: 'AT_MOST', max: 20 }))).toBe('at most 20');
    expect(describeQuantity(q({ qualifier: 'LESS_THAN', max: 100, maxExclusive: true }))).toBe('fewer than 100');
    expect(describeQuantity(q({ qualifier: 'RANGE', min: 100, max: 999 }))).toBe('100-999');
  });

  it('never shows an unknown count as a number', () => {
    expect(describeQuantity(q({ qualifier: 'UNKNOWN' }))).toBe('number not given');
    expect(describeQuantity(null)).toBe('number not given');
  });
});
