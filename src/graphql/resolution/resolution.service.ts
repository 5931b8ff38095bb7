import { BadUserInputError } from '../../errors/errors';
import type { Row } from '../../graph/graph-client';
import { identifierKey, readIdentifier } from '../../ingest/identifiers';
import { nameKey, withoutSite } from '../../ingest/names';
import type { IdentifierInput } from '../common/fact.input';
import type { Context } from '../context';
import { luceneQuery, MAX_SEARCH_TEXT } from '../search/search.service';
import { Organization } from '../organization/organization.type';
import { MatchReason, ResolutionCandidate } from './resolution.type';

/**
 * Candidates for entity resolution: the organizations a name (with, optionally, a country and
 * external identifiers) may mean, each with a score and the evidence. Candidates come from indexes
 * (identifiers, name keys, full text), never a scan; the score is the strongest piece of name or
 * identifier evidence, adjusted by country and status, so that the reasons say exactly why.
 */
export const MAX_CANDIDATES = 50;
/** Full-text hits weighed per request: enough that the organization meant is among them. */
const FULLTEXT_CANDIDATES = 100;

/** What each kind of evidence weighs. */
export const WEIGHTS = {
  IDENTIFIER: 1,
  NAME_KEY_EQUAL: 0.9,
  ALIAS_EQUAL: 0.85,
  /** Times the token similarity (0 to 1). */
  TOKEN_SIMILARITY: 0.8,
  SAME_COUNTRY: 0.05,
  OTHER_COUNTRY: -0.1,
  INACTIVE: -0.05,
} as const;

const words = (key: string | null) => new Set(key ? key.split(' ') : []);

/** Half the Jaccard index of the two keys' words, half the share of the candidate's words that the name has. */
export function tokenSimilarity(name: string | null, candidate: string | null): number {
  const a = words(name);
  const b = words(candidate);
  if (!a.size || !b.size) return 0;
  const shared = [...b].filter((w) => a.has(w)).length;
  return 0.5 * (shared / new Set([...a, ...b]).size) + 0.5 * (shared / b.size);
}

const reason = (kind: MatchReason['kind'], detail: string, weight: number) =>
  Object.assign(new MatchReason(), { kind, detail, weight: Math.round(weight * 1000) / 1000 });

export async function resolutionCandidates(
  ctx: Context,
  input: { name: string; country?: string | null; identifiers?: IdentifierInput[] | null; first: number },
): Promise<ResolutionCandidate[]> {
  const name = input.name.trim();
  if (!name || name.length > MAX_SEARCH_TEXT) throw new BadUserInputError(`name must be 1 to ${MAX_SEARCH_TEXT} characters`, 'name');
  if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_CANDIDATES) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_CANDIDATES}, got ${input.first}`, 'first');
  }
  const country = input.country?.trim().toUpperCase() || null;
  if (country && !/^[A-Z]{2}$/.test(country))
    throw new BadUserInputError(`country must be an ISO 3166-1 alpha-2 code such as US, got ${JSON.stringify(input.country)}`, 'country');
  const identifierKeys = (input.identifiers ?? []).map((i, n) => {
    const read = readIdentifier(i);
    if (typeof read === 'string') throw new BadUserInputError(`identifiers[${n}]: ${read}`, `identifiers`);
    return identifierKey(read.scheme, read.value);
  });
  const siteless = withoutSite(name);
  const keys = [...new Set([nameKey(name), siteless && nameKey(siteless)].filter((k): k is string => Boolean(k)))];
  const query = luceneQuery(siteless ?? name, 'ANY');
  if (!query && !identifierKeys.length) return [];
  const rows = await ctx.graph.read('resolution/candidates', { identifierKeys, keys, query, limit: FULLTEXT_CANDIDATES });
  const nameKeyOfInput = keys[keys.length - 1] ?? null;
  const candidates = rows.map((row) => score(row, { identifierKeys, keys, nameKeyOfInput, country }));
  return candidates
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.organization.name.length - b.organization.name.length || (a.organization.id < b.organization.id ? -1 : 1))
    .slice(0, input.first);
}

function score(row: Row, asked: { identifierKeys: string[]; keys: string[]; nameKeyOfInput: string | null; country: string | null }): ResolutionCandidate {
  const node = row.node as Row;
  const organization = Organization.fromRow(node);
  const evidence: MatchReason[] = [];
  const ids = (row.identifierKeys as string[]).filter((k) => asked.identifierKeys.includes(k));
  if (ids.length) evidence.push(reason('IDENTIFIER', ids.join(', '), WEIGHTS.IDENTIFIER));
  const key = (node.nameKey as string) ?? nameKey(organization.name);
  if (key && asked.keys.includes(key)) evidence.push(reason('NAME_KEY_EQUAL', `"${key}"`, WEIGHTS.NAME_KEY_EQUAL));
  const alias = organization.aliases.map((a) => nameKey(a)).find((k) => k && asked.keys.includes(k));
  if (alias) evidence.push(reason('ALIAS_EQUAL', `"${alias}"`, WEIGHTS.ALIAS_EQUAL));
  const similarity = tokenSimilarity(asked.nameKeyOfInput, key);
  if (similarity > 0 && !evidence.length) {
    const shared = [...words(key)].filter((w) => words(asked.nameKeyOfInput).has(w));
    evidence.push(reason('TOKEN_SIMILARITY', `${shared.join(', ')} (${similarity.toFixed(2)})`, WEIGHTS.TOKEN_SIMILARITY * similarity));
  }
  const base = Math.max(0, ...evidence.map((e) => e.weight));
  if (asked.country && organization.country) {
    evidence.push(
      organization.country === asked.country
        ? reason('SAME_COUNTRY', organization.country, WEIGHTS.SAME_COUNTRY)
        : reason('OTHER_COUNTRY', `${organization.country}, not ${asked.country}`, WEIGHTS.OTHER_COUNTRY),
    );
  }
  if (organization.status === 'INACTIVE' || organization.status === 'DEFUNCT') evidence.push(reason('INACTIVE', organization.status, WEIGHTS.INACTIVE));
  const adjustment = evidence.filter((e) => ['SAME_COUNTRY', 'OTHER_COUNTRY', 'INACTIVE'].includes(e.kind)).reduce((s, e) => s + e.weight, 0);
  const total = base > 0 ? Math.min(1, Math.max(0, base + adjustment)) : 0;
  return Object.assign(new ResolutionCandidate(), {
    organization,
    score: Math.round(total * 1000) / 1000,
    reasons: evidence.sort((a, b) => b.weight - a.weight),
  });
}
