import { codePointFault, findValueFault, MAX_INPUT_DEPTH, textFault } from '../../../src/ingest/valid-text';

/** What text may hold: no NUL, no lone surrogate; an astral character written as its pair is text. */
describe('text', () => {
  it('refuses a NUL and either half of a surrogate pair standing alone, saying where', () => {
    expect(textFault('ab\u0000c')).toBe('holds a NUL character (U+0000) at character 2, which no text may hold');
    expect(textFault('x\ud800')).toMatch(/^holds a lone surrogate \(U\+D800, half of a UTF-16 pair\) at character 1/);
    expect(textFault('\udfffx')).toMatch(/^holds a lone surrogate \(U\+DFFF/);
    expect(textFault('\udc00\ud800')).toMatch(/U\+DC00/);
  });

  it('takes an emoji (a surrogate pair), controls other than NUL and U+FFFD as they are', () => {
    for (const ok of ['🏢📉', 'tw\u200bitch', 'a\u0007b', '\ufffd', '', 'plain']) expect([ok, textFault(ok)]).toEqual([ok, null]);
  });

  it('names code points no character reference may stand for', () => {
    expect([0, 0xd800, 0xdfff, 0x110000, Infinity, NaN].map((c) => codePointFault(c) !== null)).toEqual([true, true, true, true, true, true]);
    expect([0x41, 0x1f3e2, 0x10ffff, 0xfffd].map(codePointFault)).toEqual([null, null, null, null]);
  });
});

describe('values', () => {
  it('finds the first fault at any depth, by the path the importer names fields with', () => {
    expect(findValueFault({ name: 'ok', sources: [{ source: 'a' }, { quote: 'x\u0000' }] })).toMatchObject({ path: 'sources[1].quote' });
    expect(findValueFault({ a: 'x\ud800', b: '\u0000' })).toMatchObject({ path: 'a' });
    expect(findValueFault({ ['k\u0000']: 1 })).toMatchObject({ path: '', reason: expect.stringMatching(/^has a field name that holds a NUL/) });
    expect(findValueFault({ list: [1, true, null, '🏢'] })).toBeNull();
  });

  it('refuses nesting past the limit without exhausting the stack, however deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findValueFault({ v: deep })).toEqual({ path: `v${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}`, reason: `is nested deeper than ${MAX_INPUT_DEPTH} levels` });
    let fits: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i += 1) fits = [fits];
    expect(findValueFault({ v: fits })).toBeNull();
  });
});
