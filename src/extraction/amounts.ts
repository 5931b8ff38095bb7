import type { QuantityQualifier } from '../ingest/dates-and-quantities';

/**
 * Amounts as a text states them, with their hedges kept and where they stand: "just over 500 roles",
 * "hundreds of jobs", "more than 27,000 employees", "35% of its workforce", "$970 million", "close to
 * $1 billion". Each is returned with its character offsets and as the import format's quantity
 * (value, bounds, qualifier, the words as text), so a proposal built from it goes through the same
 * validation as any record. The words are data (the tables below); nothing is guessed beyond them: a
 * sentence without a figure yields none.
 */

/** Hedges before a figure and what they make of it. */
export const HEDGES: ReadonlyArray<{ words: string; qualifier: QuantityQualifier; bound?: 'min' | 'max'; exclusive?: boolean }> = [
  { words: 'just over', qualifier: 'MORE_THAN', bound: 'min', exclusive: true },
  { words: 'more than', qualifier: 'MORE_THAN', bound: 'min', exclusive: true },
  { words: 'upwards of', qualifier: 'MORE_THAN', bound: 'min', exclusive: true },
  { words: 'over', qualifier: 'MORE_THAN', bound: 'min', exclusive: true },
  { words: 'at least', qualifier: 'AT_LEAST', bound: 'min' },
  { words: 'no fewer than', qualifier: 'AT_LEAST', bound: 'min' },
  { words: 'just under', qualifier: 'LESS_THAN', bound: 'max', exclusive: true },
  { words: 'less than', qualifier: 'LESS_THAN', bound: 'max', exclusive: true },
  { words: 'fewer than', qualifier: 'LESS_THAN', bound: 'max', exclusive: true },
  { words: 'nearly', qualifier: 'LESS_THAN', bound: 'max', exclusive: true },
  { words: 'almost', qualifier: 'LESS_THAN', bound: 'max', exclusive: true },
  { words: 'up to', qualifier: 'AT_MOST', bound: 'max' },
  { words: 'at most', qualifier: 'AT_MOST', bound: 'max' },
  { words: 'close to', qualifier: 'APPROXIMATE' },
  { words: 'about', qualifier: 'APPROXIMATE' },
  { words: 'around', qualifier: 'APPROXIMATE' },
  { words: 'roughly', qualifier: 'APPROXIMATE' },
  { words: 'approximately', qualifier: 'APPROXIMATE' },
  { words: 'some', qualifier: 'APPROXIMATE' },
];

/** Counts said in words, as the seed states them ("hundreds" is 200 to 999). */
export const WORD_COUNTS: Record<string, [number, number]> = {
  dozens: [24, 99],
  hundreds: [200, 999],
  'several hundred': [200, 999],
  'several thousand': [2000, 9999],
  thousands: [2000, 9999],
  'tens of thousands': [20000, 99999],
  'hundreds of thousands': [200000, 999999],
};

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCIES: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

export type AmountKind = 'COUNT' | 'MONEY' | 'PERCENT';

export interface FoundAmount {
  kind: AmountKind;
  /** Offsets of the whole phrase (hedge included) in the text: text.slice(start, end) is `text`. */
  start: number;
  end: number;
  text: string;
  /** The import format's quantity: for PERCENT a share from 0 to 1. */
  quantity: { value?: number; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; qualifier: QuantityQualifier; text: string };
  currency?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HEDGE = `(?:(${HEDGES.map((h) => escape(h.words)).join('|')})\\s+)?`;
const NUMBER = String.raw`([$€£])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion))?(\s*(?:%|percent\b))?`;
const WORDS = `(${Object.keys(WORD_COUNTS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})`;
const FIGURE = new RegExp(`(?<![\\w.,$€£])${HEDGE}(?:${NUMBER}|${WORDS}\\b)`, 'gi');

/** Every amount in `text`, in order. Years standing alone ("in 2014", "599 in 2022") are counts only when hedged or followed by a noun. */
export function findAmounts(text: string): FoundAmount[] {
  const found: FoundAmount[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, hedgeWords, symbol, digits, scale, percent, words] = m;
    const start = m.index;
    const phrase = whole.trim();
    const hedge = hedgeWords ? HEDGES.find((h) => h.words === hedgeWords.toLowerCase()) : undefined;
    if (words) {
      const [min, max] = WORD_COUNTS[words.toLowerCase()];
      found.push({ kind: 'COUNT', start, end: start + phrase.length, text: phrase, quantity: { min, max, qualifier: 'RANGE', text: phrase } });
      continue;
    }
    const currencySymbol = symbol;
    let value = Number(digits.replace(/,/g, '')) * (scale ? SCALES[scale.toLowerCase()] : 1);
    const kind: AmountKind = percent ? 'PERCENT' : currencySymbol ? 'MONEY' : 'COUNT';
    if (kind === 'COUNT' && !hedge && !scale && /^(1[89]|20)\d\d$/.test(digits)) continue; // a year
    if (kind === 'PERCENT') value = Math.round((value / 100) * 1e6) / 1e6;
    const quantity: FoundAmount['quantity'] = { qualifier: hedge?.qualifier ?? 'EXACT', text: phrase };
    if (!hedge || hedge.qualifier === 'APPROXIMATE') quantity.value = value;
    if (hedge?.bound === 'min') Object.assign(quantity, { min: value, ...(hedge.exclusive ? { minExclusive: true } : {}) });
    if (hedge?.bound === 'max') Object.assign(quantity, { max: value, ...(hedge.exclusive ? { maxExclusive: true } : {}) });
    found.push({ kind, start, end: start + phrase.length, text: phrase, quantity, ...(kind === 'MONEY' ? { currency: CURRENCIES[currencySymbol!] } : {}) });
  }
  return found;
}
