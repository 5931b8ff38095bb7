import type { GraphClient } from '../graph/graph-client';
import type { FuzzyDate } from '../ingest/fuzzy';
import { Candidate, candidatesParams, prepareName, rankCandidates } from '../resolution/candidates';
import { findLayoffs, GazetteerEntry, LayoffProposal, sentences } from './layoffs';

/**
 * An article's proposals against the graph: the names it capitalizes ("Prime Video", "Amazon MGM
 * Studios", "Twitch") resolved in one candidates query, those the graph knows by that very name or an
 * alias becoming the gazetteer, then the layoff statements that name them. Deterministic: the same
 * text and graph give the same proposals. Nothing is written.
 */
const NAME_SPAN = /\b[A-Z][\w'&.-]*(?:\s+(?:(?:of|and|&|de|the)\s+)?[A-Z][\w'&.-]*)*/g;
/** Capitalized words that begin sentences or name days and months, not organizations. */
const NOT_NAMES = new Set(
  'The A An In On At For And But Or If As It Its This That These Those He She They We I Since Last Next Then When While After Before Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Chief Executive Officer Inc Corp Co LLC Ltd Group'.split(
    ' ',
  ),
);
/** Evidence enough to take a capitalized name for an organization of the graph. */
const KNOWN_BY = ['IDENTIFIER', 'NAME_KEY_EQUAL', 'ALIAS_EQUAL'];
export const MAX_ARTICLE_LENGTH = 200_000;

export function nameSpans(text: string): string[] {
  const spans = new Set<string>();
  for (const m of sentences(text).flatMap((s) => [...s.text.matchAll(NAME_SPAN)])) {
    const words = m[0].replace(/[.,]+$/, '').split(/\s+/);
    while (words.length && NOT_NAMES.has(words[0])) words.shift();
    const name = words.join(' ');
    if (name.length >= 3) spans.add(name);
    // Also each word alone ("Twitch Chief Executive Officer Dan Clancy" names Twitch).
    for (const w of words) if (w.length >= 3 && !NOT_NAMES.has(w)) spans.add(w.replace(/[.,]+$/, ''));
  }
  return [...spans].slice(0, 500);
}

export interface ArticleMeta {
  published: FuzzyDate;
}

export async function extractLayoffs(
  graph: GraphClient,
  text: string,
  meta: ArticleMeta,
): Promise<{ organizations: GazetteerEntry[]; layoffs: LayoffProposal[] }> {
  const spans = nameSpans(text);
  const prepared = spans.map((name, i) => prepareName({ name: name.slice(0, 200) }, i));
  const ranked: Map<number, Candidate[]> = prepared.length
    ? rankCandidates(await graph.read('resolution/candidates', candidatesParams(prepared, 10)), prepared, 1)
    : new Map<number, Candidate[]>();
  const byId = new Map<string, GazetteerEntry>();
  for (const p of prepared) {
    const best = ranked.get(p.ref)?.[0];
    if (!best || !best.reasons.some((r) => KNOWN_BY.includes(r.kind))) continue;
    const id = String(best.node.id);
    const entry = byId.get(id) ?? { id, names: [] };
    entry.names.push(p.name);
    byId.set(id, entry);
  }
  const organizations = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { organizations, layoffs: findLayoffs(text, meta.published, organizations) };
}
