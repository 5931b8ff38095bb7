import { isValidLei, normalizeCik } from '../../../src/ingest/identifiers';

describe('external identifiers', () => {
  it('accepts real LEIs and refuses any with a changed character or check digit', () => {
    // Metro-Goldwyn-Mayer Inc., as GLEIF lists it (shared/reference/data-sources.md).
    expect(isValidLei('8JA4NT75BITP5LG6P072')).toBe(true);
    expect(isValidLei('8JA4NT75BITP5LG6P073')).toBe(false);
    expect(isValidLei('8JA4NT75BITP5LG6Q072')).toBe(false);
    expect(isValidLei('8ja4nt75bitp5lg6p072')).toBe(false);
    expect(isValidLei('8JA4NT75BITP5LG6P07')).toBe(false);
  });

  it('writes CIKs as EDGAR does, ten digits', () => {
    expect(normalizeCik(1018724)).toBe('0001018724');
    expect(normalizeCik(' 320193 ')).toBe('0000320193');
    expect(normalizeCik('12a')).toBeNull();
    expect(normalizeCik('12345678901')).toBeNull();
  });
});
