/**
 * The names' full-text index speaks Lucene: the one translation of free text (a search, a name to
 * resolve) into a query that no character of the text can turn into Lucene syntax.
 */

/** Longest text a search or a resolution look-up takes. */
export const MAX_SEARCH_TEXT = 200;
/** Words of a text that count (the rest are ignored). */
const MAX_TERMS = 8;

/**
 * Builds a Lucene query from user text without letting any of it act as Lucene syntax: the text is
 * cut into words of letters and digits, and each word is matched exactly (boosted), as a prefix and
 * fuzzily (edit distance up to 2 by default, so "Twich" finds Twitch). With 'ALL' every word must match (the
 * rarest word bounds the work, however large the graph); with 'ANY' one is enough. Null when the
 * text has no word.
 */
export function luceneQuery(text: string, mode: 'ALL' | 'ANY' = 'ALL', edits: 1 | 2 = 2): string | null {
  const terms = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, 50));
  if (!terms.length) return null;
  const fuzzy = edits === 2 ? '~' : `~${edits}`;
  const clauses = terms.map((t) => (t.length < 3 ? `(${t}^4 OR ${t}*)` : `(${t}^4 OR ${t}*^2 OR ${t}${fuzzy})`));
  return mode === 'ALL' ? clauses.map((c) => `+${c}`).join(' ') : clauses.join(' OR ');
}
