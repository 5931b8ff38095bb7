import { tokenSimilarity } from '../../../src/graphql/resolution/resolution.service';
import { nameKey, withoutSite } from '../../../src/ingest/names';

describe('entity resolution evidence', () => {
  it('cuts the site a WARN filer adds to a company name', () => {
    expect(withoutSite('Amazon Logistics - DLA3')).toBe('Amazon Logistics');
    expect(withoutSite('White Glove Logistics LLC - DFA5 (Amazon Station)')).toBe('White Glove Logistics LLC');
    expect(withoutSite('Amazon.com Services Inc. (DLA4 facility)')).toBe('Amazon.com Services Inc.');
    expect(withoutSite('Walgreens #1234')).toBe('Walgreens');
    expect(withoutSite('Amazon')).toBeNull();
  });

  it('weighs shared words by how much of the candidate the name holds', () => {
    expect(tokenSimilarity(nameKey('Amazon Logistics'), nameKey('Amazon'))).toBeCloseTo(0.75);
    expect(tokenSimilarity(nameKey('Amazon'), nameKey('Amazon Logistics'))).toBeCloseTo(0.5);
    expect(tokenSimilarity(nameKey('Acme Logistics'), nameKey('Amazon Logistics'))).toBeCloseTo(0.417, 2);
    expect(tokenSimilarity(nameKey('Acme'), nameKey('Amazon'))).toBe(0);
  });
});
