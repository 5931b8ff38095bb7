import { BadUserInputError } from '../../errors/errors';
import { luceneQuery, MAX_SEARCH_TEXT } from '../../graph/lucene';
import { nameKey } from '../../ingest/names';
import type { Context } from '../context';
import { ENTITY_MAPPERS } from '../node/entities';
import { SearchHit } from './search.type';

export const MAX_SEARCH_RESULTS = 100;
/** Full-text hits ranked beside the exact and initials matches: enough that a wanted entity is among them, bounded however common the word. */
const FULLTEXT_CANDIDATES = 200;
const LABEL_OF_TYPE: Record<string, string> = { ORGANIZATION: 'Organization', PERSON: 'Person', MARKET: 'Market', SOURCE: 'Source' };

/** The exact-match keys a search ranks first: the text's name key, and, for one short word, initials ("MGM" for Metro-Goldwyn-Mayer). */
export function searchKeys(text: string): { key: string | null; acronym: string | null } {
  const words = text.trim().split(/\s+/);
  const acronym = words.length === 1 && /^[\p{L}\p{N}]{2,6}$/u.test(words[0]) ? words[0].toLowerCase() : null;
  return { key: nameKey(text), acronym };
}

/** How many full-text hits are ranked beside the exact ones for a page of `first`. */
export const fulltextLimit = (first: number) => Math.max(FULLTEXT_CANDIDATES, first * 4);

export async function search(ctx: Context, text: string, types: string[] | null, first: number): Promise<SearchHit[]> {
  if (text.length > MAX_SEARCH_TEXT) throw new BadUserInputError(`text must be at most ${MAX_SEARCH_TEXT} characters`, 'text');
  if (!Number.isInteger(first) || first < 0 || first > MAX_SEARCH_RESULTS) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_SEARCH_RESULTS}, got ${first}`, 'first');
  }
  const query = luceneQuery(text);
  if (!query || first === 0) return [];
  const labels = (types?.length ? types : Object.keys(LABEL_OF_TYPE)).map((t) => LABEL_OF_TYPE[t]);
  const params = { ...searchKeys(text), labels, limit: first, fulltextLimit: fulltextLimit(first) };
  let rows = await ctx.graph.read('search/entities', { ...params, query });
  // Entities named with every word come first; only when there is none, those named with any of them.
  const any = luceneQuery(text, 'ANY');
  if (!rows.length && any !== query) rows = await ctx.graph.read('search/entities', { ...params, query: any });
  return rows.map((row) =>
    Object.assign(new SearchHit(), {
      score: row.score as number,
      type: Object.keys(LABEL_OF_TYPE).find((t) => LABEL_OF_TYPE[t] === row.label) as SearchHit['type'],
      node: ENTITY_MAPPERS[row.label as string](row.node as Record<string, unknown>),
    }),
  );
}
