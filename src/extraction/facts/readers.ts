import type { SentenceView } from '../reading/sentence-view';
import { ACQUISITION_WORDS, readAcquisitions } from './acquisition';
import type { Finding } from './finding';
import { LAYOFF_WORDS } from './layoff';
import { OWNERSHIP_WORDS, readOwnership } from './ownership';
import { PLACE_AND_NAME_WORDS, readFormerNames, readHeadquarters } from './place-and-name';
import { METRIC_WORDS, PRESENCE_WORDS, readPresences, readStatistics, WORKFORCE_WORDS } from './presence-and-statistics';
import { TITLES } from '../reading/titles';
import { readRoles, ROLE_VERBS } from './role';

/**
 * The fact readers, one table: each fact type with its reader over a parsed sentence and the words
 * its patterns are made of (lemma sets the readers match, as data: docs/extraction.md lists them from
 * here). extract.ts runs every reader on every sentence; layoffs (layoff.ts) are read the same way
 * and then folded across sentences.
 */
export interface FactReader {
  type: Finding['type'];
  /** What the reader finds in a sentence; `previous` is the last finding of the article so far. */
  read(view: SentenceView, previous: Finding | null): Finding[];
  /** The lemma sets its patterns use, by name. */
  words: Record<string, unknown>;
}

export const FACT_READERS: readonly FactReader[] = [
  { type: 'Role', read: readRoles, words: { titles: TITLES.map((t) => `${t.words} → ${t.roleType}`), ...ROLE_VERBS } },
  { type: 'Acquisition', read: readAcquisitions, words: ACQUISITION_WORDS },
  { type: 'Ownership', read: readOwnership, words: OWNERSHIP_WORDS },
  { type: 'MarketPresence', read: readPresences, words: PRESENCE_WORDS },
  { type: 'Headquarters', read: readHeadquarters, words: { based: PLACE_AND_NAME_WORDS.based } },
  { type: 'FormerName', read: readFormerNames, words: { rename: PLACE_AND_NAME_WORDS.rename, formerly: PLACE_AND_NAME_WORDS.formerly } },
  { type: 'Statistic', read: (view, previous) => readStatistics(view, previous), words: { ...WORKFORCE_WORDS, ...METRIC_WORDS } },
];

/** The words of every reader (and the layoffs'), as docs/extraction.md lists them. */
export function readerWordsTable(): string {
  const list = (v: unknown): string =>
    Array.isArray(v)
      ? v.map((w) => `\`${String(w)}\``).join(', ')
      : Object.entries(v as object)
          .map(([k, x]) => `\`${k}\` → ${String(x)}`)
          .join(', ');
  const section = (type: string, words: Record<string, unknown>) => [
    `#### ${type}`,
    '',
    ...Object.entries(words).map(([name, v]) => `- ${name}: ${list(v)}`),
    '',
  ];
  return [...FACT_READERS.flatMap((r) => section(r.type, r.words)), ...section('LayoffEvent', LAYOFF_WORDS)].join('\n');
}
