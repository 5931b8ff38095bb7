import type { Token } from '../parser/parse-tree';
import type { EntityRef, SentenceView } from '../reading/sentence-view';

/**
 * What a fact reader finds in a sentence: its entities (known to the graph or new) by their part in
 * the fact, the fields the import format gives the fact, the sentence, and the quote: the words from
 * the first to the last token the fact rests on, cut at token boundaries (at most 200 characters).
 */
export type FindingType = 'Role' | 'Acquisition' | 'Ownership' | 'MarketPresence' | 'Headquarters' | 'FormerName' | 'MarketMetric' | 'Statistic';

export interface Finding {
  type: FindingType;
  refs: Record<string, EntityRef>;
  fields: Record<string, unknown>;
  /** The sentence that states it. */
  start: number;
  end: number;
  quote: string;
  quoteStart: number;
  /** The pattern that read it (its name in the reader's table). */
  pattern: string;
}

export const MAX_QUOTE = 200;

/** The quote of tokens: from the first to the last, whole tokens, at most MAX_QUOTE characters. */
export function quoteOf(view: SentenceView, tokens: Array<Token | undefined>, refs: EntityRef[] = []): { quote: string; quoteStart: number } {
  const starts = [...tokens.filter((t): t is Token => Boolean(t)).map((t) => t.start), ...refs.filter((r) => inside(view, r)).map((r) => r.start)];
  const ends = [...tokens.filter((t): t is Token => Boolean(t)).map((t) => t.end), ...refs.filter((r) => inside(view, r)).map((r) => r.end)];
  const start = Math.min(...starts);
  let end = Math.max(...ends);
  if (end - start > MAX_QUOTE) {
    // The last whole token that fits.
    end = Math.max(...view.tokens.filter((t) => t.start >= start && t.end <= start + MAX_QUOTE).map((t) => t.end), start + 1);
  }
  return { quote: view.text(start, end), quoteStart: start };
}

const inside = (view: SentenceView, r: EntityRef) => r.start >= view.sentence.start && r.end <= view.sentence.end;

export function finding(
  type: FindingType,
  view: SentenceView,
  pattern: string,
  refs: Record<string, EntityRef>,
  fields: Record<string, unknown>,
  tokens: Array<Token | undefined>,
): Finding {
  return { type, refs, fields, start: view.sentence.start, end: view.sentence.end, ...quoteOf(view, tokens, Object.values(refs)), pattern };
}
