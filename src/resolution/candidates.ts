import { BadUserInputError } from '../errors/errors';
import type { Params, Row } from '../graph/graph-client';
import { identifierKey, readIdentifier, type IdentifierScheme } from '../ingest/identifiers';
import { legalFormSystem, nameKey, withoutSite } from '../ingest/names';
import { luceneQuery, MAX_SEARCH_TEXT } from '../graph/lucene';
import { BASE_REASONS, COMMON_FIRST_WORDS, MatchReasonKind, WEIGHTS } from './rules';

/**
 * Candidates for entity resolution: the organizations a name (with, optionally, a country, a city and
 * external identifiers) may mean, each with a score and the evidence. Candidates come from indexes
 * (identifiers, name keys, full text), never a scan; one query serves any number of names, so a batch
 * (the WARN notices) costs one round trip per few hundred names. The score is the strongest piece of
 * name or identifier evidence, adjusted by family, place and status, so the reasons say exactly why.
 */
export const MAX_CANDIDATES = 50;
/**
 * Full-text hits weighed per name: enough that the organization meant is among them (the exact, site,
 * prefix and first-word keys find the strong candidates by index; full text adds the rest).
 */
export const FULLTEXT_CANDIDATES = 50;
/** Leading words of a name looked up as names of their own ("General Electric MDS" begins with "general electric"). */
const MAX_PREFIX_WORDS = 4;

export interface NameToResolve {
  name: string;
  country?: string | null;
  city?: string | null;
  identifiers?: Array<{ scheme: IdentifierScheme | string; value: string; exchange?: string | null }> | null;
}

export interface Reason {
  kind: MatchReasonKind;
  detail: string;
  weight: number;
}

export interface Candidate {
  /** The candidate organization's stored properties. */
  node: Row;
  /** The ids of the organizations above it (an establishment's company, a subsidiary's parents). */
  ancestorIds: string[];
  score: number;
  reasons: Reason[];
}

/** A name made ready for the candidates query: its keys (with and without a site suffix), full-text query and identifier keys. */
export interface PreparedName {
  ref: number;
  name: string;
  keys: string[];
  /** The key of the name without its site suffix, when it has one. */
  siteKey: string | null;
  /** The name's first word when distinctive (4 letters or more, not a common one), to find listed companies known by it. */
  brandWord: string | null;
  /** The system of registration its legal form tells (legalFormSystem), if any. */
  formSystem: string | null;
  /** The leading words of the name's key (without its site suffix), shortest first: names it may begin with. */
  prefixKeys: string[];
  query: string | null;
  identifierKeys: string[];
  country: string | null;
  city: string | null;
}

/** Checks and prepares one name; throws BadUserInputError naming what is wrong. */
export function prepareName(input: NameToResolve, ref = 0): PreparedName {
  const name = input.name.trim();
  if (!name || name.length > MAX_SEARCH_TEXT) throw new BadUserInputError(`name must be 1 to ${MAX_SEARCH_TEXT} characters`, 'name');
  const country = input.country?.trim().toUpperCase() || null;
  if (country && !/^[A-Z]{2}$/.test(country))
    throw new BadUserInputError(`country must be an ISO 3166-1 alpha-2 code such as US, got ${JSON.stringify(input.country)}`, 'country');
  const city = input.city?.trim() || null;
  if (city && city.length > 100) throw new BadUserInputError('city must be at most 100 characters', 'city');
  const identifierKeys = (input.identifiers ?? []).map((i, n) => {
    const read = readIdentifier(i);
    if (typeof read === 'string') throw new BadUserInputError(`identifiers[${n}]: ${read}`, 'identifiers');
    return identifierKey(read.scheme, read.value);
  });
  const siteless = withoutSite(name);
  const fullKey = nameKey(name);
  const siteKey = siteless ? nameKey(siteless) : null;
  const keys = [...new Set([fullKey, siteKey].filter((k): k is string => Boolean(k)))];
  const base = (siteKey ?? fullKey ?? '').split(' ').filter(Boolean);
  const prefixKeys = base
    .slice(0, MAX_PREFIX_WORDS)
    .map((_, i) => base.slice(0, i + 1).join(' '))
    .filter((k) => !keys.includes(k));
  const first = base[0] ?? null;
  const brandWord = first && first.length >= 4 && !COMMON_FIRST_WORDS.has(first) && base.length > 1 ? first : null;
  return {
    ref,
    name,
    keys,
    siteKey: siteKey !== fullKey ? siteKey : null,
    brandWord,
    formSystem: legalFormSystem(siteless ?? name),
    prefixKeys,
    query: luceneQuery(siteless ?? name, 'ANY', 1),
    identifierKeys,
    country,
    city,
  };
}

/** The candidates query's parameters for prepared names. */
export function candidatesParams(names: PreparedName[], fulltextLimit = FULLTEXT_CANDIDATES): Params {
  return {
    rows: names.map((n) => ({
      ref: n.ref,
      identifierKeys: n.identifierKeys,
      keys: n.keys,
      prefixKeys: n.prefixKeys,
      brandPrefix: n.brandWord && `${n.brandWord} `,
      query: n.query,
    })),
    limit: fulltextLimit,
  };
}

const words = (key: string | null) => new Set(key ? key.split(' ') : []);

/** Half the Jaccard index of the two keys' words, half the share of the candidate's words that the name has. */
export function tokenSimilarity(name: string | null, candidate: string | null): number {
  const a = words(name);
  const b = words(candidate);
  if (!a.size || !b.size) return 0;
  const shared = [...b].filter((w) => a.has(w)).length;
  return 0.5 * (shared / new Set([...a, ...b]).size) + 0.5 * (shared / b.size);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const reason = (kind: MatchReasonKind, detail: string, weight: number): Reason => ({ kind, detail, weight: round(weight) });

/** Scores one row of the candidates query against the name it was found for. */
export function scoreCandidate(row: Row, asked: PreparedName): Candidate {
  const node = row.node as Row;
  const evidence: Reason[] = [];
  const ids = (row.identifierKeys as string[]).filter((k) => asked.identifierKeys.includes(k));
  if (ids.length) evidence.push(reason('IDENTIFIER', ids.join(', '), WEIGHTS.IDENTIFIER));
  const key = (node.nameKey as string | undefined) ?? nameKey(String(node.name));
  if (key && asked.siteKey === key) evidence.push(reason('SITE_OF', `"${key}" and a site`, WEIGHTS.SITE_OF));
  else if (key && asked.keys.includes(key)) evidence.push(reason('NAME_KEY_EQUAL', `"${key}"`, WEIGHTS.NAME_KEY_EQUAL));
  const otherNames = [...((node.aliases as string[] | undefined) ?? []), ...((node.formerNames as string[] | undefined) ?? [])];
  const alias = otherNames.map((a) => nameKey(a)).find((k) => k && asked.keys.includes(k));
  if (alias) evidence.push(reason('ALIAS_EQUAL', `"${alias}"`, WEIGHTS.ALIAS_EQUAL));
  if (!evidence.length && key && asked.prefixKeys.includes(key)) {
    const oneWord = !key.includes(' ');
    evidence.push(reason('NAME_PREFIX', `begins with "${key}"`, oneWord ? WEIGHTS.NAME_PREFIX_ONE_WORD : WEIGHTS.NAME_PREFIX));
  }
  const listed = ((row.identifierKeys as string[]) ?? []).some((k) => k.startsWith('CIK:') || k.startsWith('TICKER:'));
  if (!evidence.length && listed && asked.brandWord && key?.startsWith(`${asked.brandWord} `)) {
    evidence.push(reason('BRAND_WORD', `"${asked.brandWord}" begins "${key}"`, WEIGHTS.BRAND_WORD));
  }
  const nameOfInput = asked.siteKey ?? asked.keys[0] ?? null;
  const similarity = tokenSimilarity(nameOfInput, key);
  if (similarity > 0 && !evidence.length) {
    const shared = [...words(key)].filter((w) => words(nameOfInput).has(w));
    evidence.push(reason('TOKEN_SIMILARITY', `${shared.join(', ')} (${similarity.toFixed(2)})`, WEIGHTS.TOKEN_SIMILARITY * similarity));
  }
  const base = Math.max(0, ...evidence.map((e) => e.weight));
  const inputWords = words(asked.keys[0] ?? null);
  const family = ((row.ancestorKeys as Array<string | null>) ?? []).find((k) => k && k !== key && [...words(k)].every((w) => inputWords.has(w)));
  if (family) evidence.push(reason('SAME_FAMILY', `a parent is "${family}"`, WEIGHTS.SAME_FAMILY));
  const cities = (row.cities as string[]) ?? [];
  if (asked.city && cities.includes(asked.city.toLowerCase())) evidence.push(reason('SAME_CITY', asked.city, WEIGHTS.SAME_CITY));
  const country = (node.country as string | undefined) ?? null;
  if (asked.country && country) {
    evidence.push(
      country === asked.country
        ? reason('SAME_COUNTRY', country, WEIGHTS.SAME_COUNTRY)
        : reason('OTHER_COUNTRY', `${country}, not ${asked.country}`, WEIGHTS.OTHER_COUNTRY),
    );
  }
  const system = legalFormSystem(String(node.name));
  if (asked.formSystem && system && system !== asked.formSystem)
    evidence.push(reason('OTHER_LEGAL_FORM', `${system} form, not ${asked.formSystem}`, WEIGHTS.OTHER_LEGAL_FORM));
  if (node.status === 'INACTIVE' || node.status === 'DEFUNCT') evidence.push(reason('INACTIVE', String(node.status), WEIGHTS.INACTIVE));
  const adjustment = evidence.filter((e) => !BASE_REASONS.includes(e.kind)).reduce((s, e) => s + e.weight, 0);
  const total = base > 0 ? Math.min(1, Math.max(0, base + adjustment)) : 0;
  return { node, ancestorIds: (row.ancestorIds as string[] | undefined) ?? [], score: round(total), reasons: evidence.sort((a, b) => b.weight - a.weight) };
}

/** 1 when a candidate's legal form tells the same system of registration as the name's: the tie-break between namesakes. */
const sameForm = (c: Candidate, name: PreparedName) => Number(Boolean(name.formSystem) && legalFormSystem(String(c.node.name)) === name.formSystem);

/** The scored candidates of each prepared name (by ref), best first, at most `first` each. */
export function rankCandidates(rows: Row[], names: PreparedName[], first: number): Map<number, Candidate[]> {
  const byRef = new Map<number, Candidate[]>(names.map((n) => [n.ref, []]));
  const asked = new Map(names.map((n) => [n.ref, n]));
  for (const row of rows) {
    const ref = Number(row.ref);
    const name = asked.get(ref);
    if (name) byRef.get(ref)!.push(scoreCandidate(row, name));
  }
  for (const [ref, list] of byRef) {
    byRef.set(
      ref,
      list
        .filter((c) => c.score > 0)
        .sort(
          (a, b) =>
            b.score - a.score ||
            sameForm(b, asked.get(ref)!) - sameForm(a, asked.get(ref)!) ||
            String(a.node.name).length - String(b.node.name).length ||
            (String(a.node.id) < String(b.node.id) ? -1 : 1),
        )
        .slice(0, first),
    );
  }
  return byRef;
}

/** Reads a GraphQL-shaped list size for candidates. */
export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CANDIDATES) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_CANDIDATES}, got ${first}`, 'first');
  }
}
