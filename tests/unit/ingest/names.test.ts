import { acronymOf, nameKey } from '../../../src/ingest/names';

describe('name keys', () => {
  it('makes one key of the ways one company is written', () => {
    expect(nameKey('AMAZON COM INC')).toBe('amazon');
    expect(nameKey('Amazon.com, Inc.')).toBe('amazon');
    expect(nameKey('Amazon')).toBe('amazon');
    expect(nameKey('MICROSOFT CORP')).toBe('microsoft');
    expect(nameKey('The Walt Disney Company')).toBe('walt disney');
    expect(nameKey('MARRIOTT INTERNATIONAL INC /MD/')).toBe('marriott international');
    expect(nameKey('APPLIED MATERIALS INC /DE')).toBe('applied materials');
    expect(nameKey('Société Générale S.A.')).toBe('societe generale');
  });

  it('keeps the words that tell companies apart', () => {
    expect(nameKey('AMAZON.COM SALES, INC.')).toBe('amazon com sales');
    expect(nameKey('Amazon Web Services, Inc.')).toBe('amazon web services');
    expect(nameKey('Inc')).toBe('inc');
  });

  it('takes initials of names of two words or more, and says when they are one hyphenated compound', () => {
    expect(acronymOf('METRO-GOLDWYN-MAYER INC.')).toEqual({ acronym: 'mgm', compound: true });
    expect(acronymOf('Man Global Macro')).toEqual({ acronym: 'mgm', compound: false });
    expect(acronymOf('MAX-G-MOBILE SL')).toBeNull(); // "G" is an initial, not a word
    expect(acronymOf('Amazon')).toBeNull();
  });
});
