import { UnsupportedContentError } from '../errors/errors';
import { InputProblem } from '../ingest/dates-and-quantities';
import { codePointFault } from '../ingest/valid-text';

/**
 * The article as extraction reads it: plain text (markup taken out, entities decoded), refused with a
 * reason when it cannot be read (empty, over the size limit, binary, not English; a character reference
 * to what no text may hold, see valid-text.ts, is the caller's mistake, named by field), and cut into
 * sentences. Offsets everywhere else are offsets in the text this returns, which is what a submission
 * stores, so a quote can always be found again at its place.
 */
export const MAX_ARTICLE_LENGTH = 200_000;
/** Words so common in English prose that a text with few of them is not English (or not prose). */
const ENGLISH_WORDS = new Set(
  'the of and to in a is that for on with as was by at it its said from has have will are be an this which were their who not but or after had than'.split(' '),
);
const MIN_ENGLISH_SHARE = 0.12;

export interface ReadArticle {
  text: string;
  /** The input was HTML or XML; `text` is what it says, without the markup. */
  fromMarkup: boolean;
}

export function readArticle(raw: string): ReadArticle {
  if (raw.length > MAX_ARTICLE_LENGTH * 4)
    throw new UnsupportedContentError(`the article is longer than ${MAX_ARTICLE_LENGTH.toLocaleString('en-US')} characters`, 'TOO_LONG');
  // eslint-disable-next-line no-control-regex -- a NUL byte is what binary content looks like
  if (/[\u0000\ufffd]/.test(raw) || controlShare(raw) > 0.01) throw new UnsupportedContentError('the article is not text (binary content)', 'BINARY');
  const fromMarkup = looksLikeMarkup(raw);
  const text = (fromMarkup ? stripMarkup(raw) : raw).replace(/\r\n?/g, '\n').trim();
  if (!text) throw new UnsupportedContentError('the article is empty', 'EMPTY');
  if (text.length > MAX_ARTICLE_LENGTH)
    throw new UnsupportedContentError(`the article is longer than ${MAX_ARTICLE_LENGTH.toLocaleString('en-US')} characters`, 'TOO_LONG');
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  if (words.length < 3 || english / words.length < MIN_ENGLISH_SHARE)
    throw new UnsupportedContentError('the article does not read as English prose; extraction reads English news text only', 'NOT_ENGLISH');
  return { text, fromMarkup };
}

function controlShare(raw: string): number {
  const sample = raw.slice(0, 100_000);
  // eslint-disable-next-line no-control-regex -- control characters are what is counted
  const controls = sample.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return sample.length ? controls / sample.length : 0;
}

const looksLikeMarkup = (raw: string) =>
  /^\s*<(?:!doctype|html|\?xml)/i.test(raw) || (raw.match(/<\/?(?:p|div|span|a|br|h[1-6]|li|article|body)\b[^>]*>/gi)?.length ?? 0) >= 3;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  mdash: '—',
  ndash: '–',
};

function stripMarkup(raw: string): string {
  return raw
    .replace(/<(script|style|head|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(?:p|div|br|h[1-6]|li|tr|article|section|header|footer|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const codePoint = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      // A reference to what no text may hold is refused, as the same character sent as it is would be.
      const fault = codePointFault(codePoint);
      if (fault) throw new InputProblem('text', `the character reference ${whole} stands for ${fault}, which no text may hold`);
      return String.fromCodePoint(codePoint);
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n');
}

/** Words that end with a full stop without ending the sentence. */
const ABBREVIATIONS = /\b(?:Inc|Co|Corp|Ltd|Mr|Ms|Mrs|Dr|St|Jr|Sr|U\.S|No|Bros)\.$/;

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?]["”’)]?(?=\s+["“(]?[A-Z0-9])|\n\s*\n/g;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    // "Walt Disney Co. and Paramount" goes on; "Warner Bros. Discovery Inc. are" too.
    if (m[0][0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, end - 6), end)) && !/^\s+(?:The|A|An|It|He|She|They)\b/.test(text.slice(end, end + 6)))
      continue;
    push(text, start, end, out);
    start = end;
  }
  push(text, start, text.length, out);
  return out;
}

function push(text: string, from: number, to: number, out: Sentence[]): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body) out.push({ start: from + lead, end: from + lead + body.length, text: body });
}
