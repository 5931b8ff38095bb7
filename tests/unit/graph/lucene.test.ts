import { luceneQuery } from '../../../src/graph/lucene';

describe('luceneQuery', () => {
  it('matches each word exactly, as a prefix and fuzzily', () => {
    expect(luceneQuery('Twich')).toBe('+(twich^4 OR twich*^2 OR twich~)');
  });

  it('requires every word, or with ANY one of them', () => {
    expect(luceneQuery('Amazon Music')).toBe('+(amazon^4 OR amazon*^2 OR amazon~) +(music^4 OR music*^2 OR music~)');
    expect(luceneQuery('Amazon Music', 'ANY')).toBe('(amazon^4 OR amazon*^2 OR amazon~) OR (music^4 OR music*^2 OR music~)');
  });

  it('never lets Lucene syntax through', () => {
    const query = luceneQuery('a:b AND (c OR "d") ~ ^ [x TO y] \\ / && || !')!;
    expect(query.replace(/[()]/g, '')).not.toMatch(/[:"[\]\\/&|!]/);
  });

  it('returns null for text without a word', () => {
    expect(luceneQuery('  *** ??? ')).toBeNull();
  });

  it('handles unicode words', () => {
    expect(luceneQuery('Société Générale')).toContain('société');
  });
});
