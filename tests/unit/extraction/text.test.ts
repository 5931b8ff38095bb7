import { UnsupportedContentError } from '../../../src/errors/errors';
import { MAX_ARTICLE_LENGTH, readArticle, sentences } from '../../../src/extraction/text';
import { InputProblem } from '../../../src/ingest/dates-and-quantities';

/** What extraction refuses to read, and how it reads markup; texts in our own words. */
const reason = (raw: string) => {
  try {
    readArticle(raw);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UnsupportedContentError);
    return [(error as UnsupportedContentError).reason, (error as UnsupportedContentError).extensions.http];
  }
};

describe('reading an article', () => {
  it('refuses empty, binary, oversized and non-English input with a reason and a 4xx status', () => {
    expect(reason('')).toEqual(['EMPTY', { status: 422 }]);
    expect(reason('   \n\n ')).toEqual(['EMPTY', { status: 422 }]);
    expect(reason('<p></p><div> </div><br>')).toEqual(['EMPTY', { status: 422 }]);
    expect(reason(`PK\u0003\u0004${'\u0000'.repeat(20)}binary`)).toEqual(['BINARY', { status: 422 }]);
    expect(reason('x'.repeat(5 * 1024 * 1024))).toEqual(['TOO_LONG', { status: 413 }]);
    expect(reason(`${'The company said it will cut jobs. '.repeat(Math.ceil(MAX_ARTICLE_LENGTH / 34))}`)).toEqual(['TOO_LONG', { status: 413 }]);
    expect(reason('Die Firma streicht 500 Stellen in Berlin, wie das Unternehmen am Mittwoch mitteilte. Der Umbau soll bis Ende des Jahres dauern.')).toEqual([
      'NOT_ENGLISH',
      { status: 422 },
    ]);
    expect(reason('Northwind said on Monday that it would cut 120 jobs at its plant.')).toBeNull();
  });

  it('takes the markup out of HTML and decodes its entities, keeping the words in order', () => {
    const html =
      '<!doctype html><html><head><title>x</title><script>var cuts = 9;</script></head><body><article>' +
      '<h1>Northwind trims staff</h1><p>Northwind &amp; Partners said on <b>Monday</b> that it would cut 120 jobs.</p>' +
      '<p>The company is based in Lisbon.</p></article></body></html>';
    const { text, fromMarkup } = readArticle(html);
    expect(fromMarkup).toBe(true);
    expect(text).not.toMatch(/[<>]|var cuts/);
    expect(sentences(text).map((s) => s.text)).toEqual([
      'Northwind trims staff',
      'Northwind & Partners said on Monday that it would cut 120 jobs.',
      'The company is based in Lisbon.',
    ]);
  });

  it('refuses a character reference to what no text may hold, naming the text field; an emoji is read', () => {
    const html = (reference: string) =>
      `<html><body><p>Northwind ${reference} said on Monday that it would cut 120 jobs.</p><p>The company is in Lisbon.</p></body></html>`;
    for (const reference of ['&#0;', '&#xD800;', '&#56320;', '&#x110000;', '&#99999999999999999999;']) {
      const refused = (() => {
        try {
          readArticle(html(reference));
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(InputProblem);
      expect([reference, (refused as InputProblem).field, (refused as InputProblem).reason]).toEqual([
        reference,
        'text',
        expect.stringContaining(`the character reference ${reference} stands for`),
      ]);
    }
    expect(readArticle(html('&#x1F3E2;')).text).toContain('Northwind 🏢 said');
  });

  it('does not end a sentence at the full stop of a company abbreviation', () => {
    expect(sentences('Walt Disney Co. and Warner Bros. Discovery Inc. are retrenching. The cuts follow.').map((s) => s.text)).toEqual([
      'Walt Disney Co. and Warner Bros. Discovery Inc. are retrenching.',
      'The cuts follow.',
    ]);
  });
});
