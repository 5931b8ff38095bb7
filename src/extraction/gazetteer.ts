import type { GraphClient } from '../graph/graph-client';
import { nameKey } from '../ingest/names';
import { AFFECTED } from './patterns';
import { sentences } from './text';

/**
 * The entities an article names, found with the graph's own names and aliases as a gazetteer: the
 * article's capitalized phrases (and every run of their words: "Twitch Chief Executive Officer Dan
 * Clancy" names Twitch and Dan Clancy), its descriptions of a unit ("the music unit", "its studio
 * division") and the countries its adjectives name ("the South Korean market") are looked up in one
 * query; what the graph knows by that very name or alias (or, for an organization, the same name key)
 * becomes a mention. Nothing is guessed from a partial match.
 */
export type EntityType = 'Organization' | 'Person' | 'Market';

export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Market kind (COUNTRY, SEGMENT...) or organization kind. */
  kind: string | null;
}

/** Looks names up: the entities whose name or an alias is one of them (any case), or an organization of the same name key. */
export type Resolver = (names: string[]) => Promise<KnownEntity[]>;

export interface Mention {
  /** The entity's id, or `new:<type>:<name>` for one the graph does not know yet. */
  id: string;
  type: EntityType;
  name: string;
  start: number;
  end: number;
  /** The words in the text. */
  text: string;
  /** "It" or "the company" standing for the organization named before. */
  coreference?: boolean;
}

const MAX_LOOKUPS = 1500;
const NAME_SPAN = /\b(?:[A-Z]|[a-z](?=[A-Z]))[\w'’&.-]*(?:\s+(?:(?:of|and|&|de|the|for)\s+)?[A-Z][\w'’&.-]*)*/g;
/** Capitalized words that begin sentences or name days, months and titles, never an entity alone. */
const NOT_NAMES = new Set(
  'The A An In On At For And But Or If As It Its This That These Those He She They We I His Her Their Our Since Last Next Then When While After Before Rival Rivals Shares Also Meanwhile However Both Like Unlike Under With Without During Earlier Later Today Yesterday Separately Analysts Only Even Still Now Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Chief Executive Officer Senior Vice President Inc Corp Co LLC Ltd Group'.split(
    ' ',
  ),
);
/** Descriptions of a unit of a company, looked up as the aliases a graph may give it ("music unit"). */
const UNIT_PHRASE = /\b(?:the|its|their)\s+((?:[\w-]+\s+){1,5}?(?:unit|division|arm|business|subsidiary|segment))\b/gi;
const DESCRIPTION = /,\s+(?:a|an|the)\s+((?:[\w-]+\s+){1,4})(?:platform|service|company|provider|maker|business|network|giant)\b/g;
/** Adjectives of place, as data: "the South Korean market" names South Korea. */
export const DEMONYMS: Record<string, string> = {
  American: 'United States',
  'U.S.': 'United States',
  US: 'United States',
  British: 'United Kingdom',
  'South Korean': 'South Korea',
  Korean: 'South Korea',
  Chinese: 'China',
  Japanese: 'Japan',
  Russian: 'Russia',
  Indian: 'India',
  German: 'Germany',
  French: 'France',
  Canadian: 'Canada',
  Brazilian: 'Brazil',
  Mexican: 'Mexico',
  Australian: 'Australia',
  European: 'Europe',
  Italian: 'Italy',
  Spanish: 'Spain',
  Irish: 'Ireland',
  Swedish: 'Sweden',
};

/** The phrases of `text` worth looking up, each at most six words. */
export function lookupPhrases(text: string): string[] {
  const phrases = new Set<string>();
  for (const s of sentences(text)) {
    for (const m of s.text.matchAll(NAME_SPAN)) {
      if (/['’]s$/.test(m[0])) phrases.add(m[0]); // "McDonald's" is a name as written
      const words = m[0]
        .replace(/[.,]+$/, '')
        .replace(/['’]s$/, '')
        .split(/\s+/);
      for (let i = 0; i < words.length; i += 1) {
        if (NOT_NAMES.has(words[i]) && i === 0) continue;
        for (let j = i + 1; j <= Math.min(words.length, i + 6); j += 1) {
          const phrase = words
            .slice(i, j)
            .join(' ')
            .replace(/['’]s$/, '')
            .replace(/[.,]+$/, '');
          if (phrase.length >= 2 && !NOT_NAMES.has(phrase)) phrases.add(phrase);
        }
      }
    }
    for (const m of s.text.matchAll(UNIT_PHRASE)) phrases.add(m[1].replace(/\s+/g, ' '));
    // "affected workers ... in most other regions": the places the staff are in, as a graph may call them.
    if (AFFECTED.test(s.text)) for (const m of s.text.matchAll(/\bin\s+(?:most\s+|all\s+|the\s+)?([a-z]+(?:\s+[a-z]+)?)/g)) phrases.add(m[1]);
    // "Twitch, a video game streaming platform": the segment may be any tail of the description.
    for (const m of s.text.matchAll(DESCRIPTION)) {
      const words = m[1].trim().split(/\s+/);
      for (let i = 0; i < words.length; i += 1) phrases.add(words.slice(i).join(' '));
    }
  }
  for (const [adjective, place] of Object.entries(DEMONYMS)) if (new RegExp(`\\b${escape(adjective)}(?![\\w.])`).test(text)) phrases.add(place);
  return [...phrases].slice(0, MAX_LOOKUPS);
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every place the text names a known entity: by its name or an alias as written (a lower-case alias
 * such as "music unit" in any case), by a demonym of a country, and a person named before by the
 * family name alone ("Hopkins wrote"). Longest first; no two overlap.
 */
export function findMentions(text: string, entities: KnownEntity[], phrases: string[] = []): Mention[] {
  const names: Array<{ entity: KnownEntity; name: string; anyCase: boolean; byKey?: boolean }> = [];
  // A phrase the graph knows only by its name key ("Amazon" for AMAZON COM INC, as SEC writes it) names
  // that organization as the text writes it; of several, the first by id, so that runs agree.
  const byKey = new Map<string, KnownEntity>();
  for (const e of [...entities].sort((a, b) => a.id.localeCompare(b.id)))
    if (e.type === 'Organization' && nameKey(e.name) && !byKey.has(nameKey(e.name)!)) byKey.set(nameKey(e.name)!, e);
  for (const phrase of phrases) {
    const lower = phrase.toLowerCase();
    if (entities.some((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === lower))) continue;
    const entity = byKey.get(nameKey(phrase) ?? '');
    if (entity) names.push({ entity, name: phrase, anyCase: false, byKey: true });
  }
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      if (name.length < 2) continue;
      // Lower-case aliases ("music unit"), segments ("Video streaming") and regions ("other regions") are written in any case.
      names.push({
        entity,
        name,
        anyCase: name === name.toLowerCase() || (entity.type === 'Market' && (entity.kind === 'SEGMENT' || entity.kind === 'REGION')),
      });
      // "Walt Disney Co." is written "Walt Disney Co" at the end of a phrase as often as not.
      if (/\.$/.test(name)) names.push({ entity, name: name.slice(0, -1), anyCase: false });
    }
    if (entity.type === 'Market')
      for (const [adjective, place] of Object.entries(DEMONYMS)) if (place === entity.name) names.push({ entity, name: adjective, anyCase: false });
  }
  names.sort((a, b) => b.name.length - a.name.length || Number(Boolean(a.byKey)) - Number(Boolean(b.byKey)) || a.entity.id.localeCompare(b.entity.id));
  const found: Mention[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  for (const { entity, name, anyCase } of names) {
    const pattern = new RegExp(`(?<![\\w&])${escape(name)}(?![\\w&]|\\.\\w)`, anyCase ? 'gi' : 'g');
    for (const m of text.matchAll(pattern)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (!taken(start, end) && !partOfLongerName(text, start, end))
        found.push({ id: entity.id, type: entity.type, name: entity.name, start, end, text: m[0] });
    }
  }
  return addFamilyNames(text, found);
}

/**
 * Words of a longer name the graph does not know: "Microsoft" in "Microsoft Gaming", "Blizzard" in
 * "Blizzard Entertainment". A capitalized word right before or after (a title, a day or a month aside)
 * makes the known name a part of another; the longer one is read as a name of its own.
 */
function partOfLongerName(text: string, start: number, end: number): boolean {
  const after = /^ ([A-Z][\w&'’-]*)/.exec(text.slice(end, end + 40));
  const before = /([A-Z][\w&'’-]*) $/.exec(text.slice(Math.max(0, start - 40), start));
  const joins = (word: string | undefined) =>
    word !== undefined && !NOT_NAMES.has(word) && !/^(?:Chief|Executive|Officer|Senior|Vice|President|Co-)/.test(word);
  return joins(after?.[1]) || joins(before?.[1]);
}

/** A person named in full earlier is named by the family name alone later ("Clancy said"). */
export function addFamilyNames(text: string, found: Mention[]): Mention[] {
  const people = new Map<string, Mention>();
  // The first time the person is named in full: the family name alone after it is the same person.
  for (const m of found) if (m.type === 'Person' && !people.has(m.name.split(/\s+/).pop()!)) people.set(m.name.split(/\s+/).pop()!, m);
  for (const [family, person] of people) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w])${escape(family)}(?![\\w])`, 'g'))) {
      const [start, end] = [m.index, m.index + family.length];
      if (start > person.start && !found.some((f) => start < f.end && end > f.start)) found.push({ ...person, start, end, text: family });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A resolver over records in memory (the import format's entities): for tests and the evaluation. */
export function recordsResolver(records: Array<Record<string, unknown>>): Resolver {
  const entities: KnownEntity[] = records
    .filter((r) => r.type === 'Organization' || r.type === 'Person' || r.type === 'Market')
    .map((r) => ({
      id: String(r.id),
      type: r.type as EntityType,
      name: String(r.name),
      aliases: (r.aliases as string[]) ?? [],
      kind: (r.kind as string) ?? null,
    }));
  return async (names) => {
    const lower = new Set(names.map((n) => n.toLowerCase()));
    const keys = new Set(names.map(nameKey).filter(Boolean));
    return entities.filter((e) => [e.name, ...e.aliases].some((n) => lower.has(n.toLowerCase())) || (e.type === 'Organization' && keys.has(nameKey(e.name))));
  };
}

/** A resolver over the graph: one query for all the names (indexes only: name keys and the names' full-text index). */
export function graphResolver(graph: GraphClient): Resolver {
  return async (names) => {
    if (!names.length) return [];
    const rows = names.map((name) => ({
      lower: name.toLowerCase(),
      key: nameKey(name),
      // An exact phrase for Lucene: quotes and backslashes escaped.
      phrase: `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`,
    }));
    const found = await graph.read('extraction/entities-by-name', { rows });
    return found.map((r) => ({
      id: String(r.id),
      type: r.type as EntityType,
      name: String(r.name),
      aliases: (r.aliases as string[]) ?? [],
      kind: (r.kind as string | null) ?? null,
    }));
  };
}
