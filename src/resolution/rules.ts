/**
 * Entity resolution's rules, written once: what each piece of evidence weighs, when a match is decided
 * automatically and when it waits for a reviewer, and the kinds and states of decisions. The GraphQL
 * enums, the CLI's help and docs/entity-resolution.md read them from here.
 */

/** The kinds of evidence a candidate is scored on, with what each means. */
export const MATCH_REASONS = {
  IDENTIFIER: 'An external identifier given with the name (LEI, CIK, ticker, Wikidata QID) identifies the candidate.',
  NAME_KEY_EQUAL: 'The name equals the candidate\'s once case, punctuation, a legal form (Inc., GmbH...) and ".com" are set aside.',
  SITE_OF: 'The name is the candidate\'s name followed by a site or facility (" - DLA3", " (Kodak Office)"): an establishment of it.',
  ALIAS_EQUAL: "The name equals one of the candidate's aliases or former names, as above.",
  NAME_PREFIX:
    'The name begins with the candidate\'s whole name ("Aramark Healthcare Support Services" and Aramark): a unit or subsidiary of it, or a namesake.',
  BRAND_WORD:
    'The name begins with the distinctive first word of a listed company\'s name ("Marriott Hotel Services" and Marriott International): perhaps one of its businesses.',
  TOKEN_SIMILARITY: 'The name and the candidate share words (weighted by how many).',
  SAME_FAMILY: "The name contains the whole name of one of the candidate's parent companies.",
  SAME_CITY: 'The candidate is registered or headquartered in the city given.',
  SAME_COUNTRY: 'The candidate is in the country given.',
  OTHER_COUNTRY: 'The candidate is in another country than the one given.',
  OTHER_LEGAL_FORM: 'The legal forms tell different systems of registration (Corp. against S.r.l.): namesakes, not one company.',
  INACTIVE: 'The candidate is inactive or defunct.',
} as const;
export type MatchReasonKind = keyof typeof MATCH_REASONS;

/** What each kind of evidence weighs. The score is the strongest name or identifier evidence plus the adjustments. */
export const WEIGHTS: Record<MatchReasonKind | 'NAME_PREFIX_ONE_WORD', number> = {
  IDENTIFIER: 1,
  NAME_KEY_EQUAL: 0.9,
  SITE_OF: 0.88,
  ALIAS_EQUAL: 0.85,
  /** A name of two words or more at the start; one word alone says less ("Block Tops" is not Block, Inc.). */
  NAME_PREFIX: 0.72,
  NAME_PREFIX_ONE_WORD: 0.64,
  BRAND_WORD: 0.62,
  /** Times the token similarity (0 to 1). */
  TOKEN_SIMILARITY: 0.8,
  SAME_FAMILY: 0.05,
  SAME_CITY: 0.03,
  SAME_COUNTRY: 0.05,
  OTHER_COUNTRY: -0.1,
  OTHER_LEGAL_FORM: -0.15,
  INACTIVE: -0.05,
};

/** Evidence that names the candidate (the base of the score); the rest adjusts it. */
export const BASE_REASONS: readonly MatchReasonKind[] = [
  'IDENTIFIER',
  'NAME_KEY_EQUAL',
  'SITE_OF',
  'ALIAS_EQUAL',
  'NAME_PREFIX',
  'BRAND_WORD',
  'TOKEN_SIMILARITY',
];

/**
 * When a match is decided without a reviewer: the best candidate is named by an identifier, or by its
 * exact name key (or that key and a site suffix) and scores at least AUTO_ACCEPT, and no other
 * candidate comes within AUTO_MARGIN of it (two companies of the same key are a question, not an
 * answer). Candidates from REVIEW_FLOOR up wait in the review queue; below it nothing is proposed.
 * A name of one word shorter than MIN_AUTO_ONE_WORD letters is initials (CHS is CHS Inc. and Community
 * Health Systems): it always waits for a reviewer.
 */
export const THRESHOLDS = { AUTO_ACCEPT: 0.9, AUTO_MARGIN: 0.05, REVIEW_FLOOR: 0.6, MIN_AUTO_ONE_WORD: 4 } as const;

/**
 * Names of institutions that repeat from town to town (St. Mary's Medical Center, Crossroads Hotel,
 * First Baptist Church): an equal name is no proof of the same one, so they always wait for a reviewer.
 */
export const REVIEW_ALWAYS =
  /\b(hospital|medical cent(er|re)|health cent(er|re)|hotel|inn|motel|resort|school|schools|college|university|academy|church|county|city|town|club|restaurant|cafe|diner|ymca|clinic)\b/i;

/** First words too common to stand for one company ("American Airlines", "General Motors", "First Solar"). */
export const COMMON_FIRST_WORDS = new Set(
  (
    'american america general first united national international global new north south east west great pacific atlantic central southern northern ' +
    'western eastern capital royal standard universal premier advanced applied allied diversified integrated golden silver blue green red black white ' +
    'city county state bank community home health medical energy power west coast mid midwest southwest northwest southeast northeast us usa'
  ).split(' '),
);

/** The evidence an automatic decision may rest on. */
export const AUTO_REASONS: readonly MatchReasonKind[] = ['IDENTIFIER', 'NAME_KEY_EQUAL', 'SITE_OF'];

export const DECISION_KINDS = {
  SAME_AS: 'The subject is the candidate: an entity is merged into it, or the notices filed under a name are linked to it.',
  ESTABLISHMENT_OF: 'The subject is a site or establishment of the candidate (a warehouse, an office): part of its family, not a legal entity of its own.',
  NOT_SAME_AS: 'The subject is not the candidate. No automatic run ever overrides it.',
} as const;
export type DecisionKind = keyof typeof DECISION_KINDS;

export const DECISION_STATUSES = {
  PENDING: 'Proposed, waiting for a reviewer.',
  ACCEPTED: 'Decided and in effect (a NOT_SAME_AS decision is in effect as a refusal).',
  UNDONE: 'Was in effect and was undone (a merge split again, links removed).',
} as const;
export type DecisionStatus = keyof typeof DECISION_STATUSES;

/** The rule automatic decisions are recorded under (with their score), versioned with these thresholds. */
export const AUTO_RULE = 'auto-v1';

/** The rules as Markdown, for docs/entity-resolution.md (npm run docs; a test keeps the two equal). */
export function rulesTable(): string {
  const pct = (n: number) => (n > 0 ? `+${n}` : String(n));
  const evidence = (Object.keys(MATCH_REASONS) as MatchReasonKind[]).map((k) => {
    const weight =
      k === 'TOKEN_SIMILARITY'
        ? `${WEIGHTS[k]} × similarity`
        : k === 'NAME_PREFIX'
          ? `${WEIGHTS[k]} (one word: ${WEIGHTS.NAME_PREFIX_ONE_WORD})`
          : BASE_REASONS.includes(k)
            ? String(WEIGHTS[k])
            : pct(WEIGHTS[k]);
    return `| \`${k}\` | ${BASE_REASONS.includes(k) ? 'base' : 'adjustment'} | ${weight} | ${MATCH_REASONS[k]} |`;
  });
  return [
    '| evidence | role | weight | meaning |',
    '| --- | --- | --- | --- |',
    ...evidence,
    '',
    `Automatic decision (rule \`${AUTO_RULE}\`): the best candidate's evidence includes ${AUTO_REASONS.map((r) => `\`${r}\``).join(', ')}, its score is at least ${THRESHOLDS.AUTO_ACCEPT}, ` +
      `no other candidate comes within ${THRESHOLDS.AUTO_MARGIN} of it, no reviewer refused the pair, the name is not initials (one word of fewer than ${THRESHOLDS.MIN_AUTO_ONE_WORD} letters) and not one of an institution that repeats from town to town ` +
      `(\`${REVIEW_ALWAYS.source}\`). Otherwise a best candidate scoring at least ${THRESHOLDS.REVIEW_FLOOR} is proposed for review; below that nothing is.`,
    '',
    '| decision | meaning |',
    '| --- | --- |',
    ...(Object.keys(DECISION_KINDS) as DecisionKind[]).map((k) => `| \`${k}\` | ${DECISION_KINDS[k]} |`),
    '',
    '| status | meaning |',
    '| --- | --- |',
    ...(Object.keys(DECISION_STATUSES) as DecisionStatus[]).map((k) => `| \`${k}\` | ${DECISION_STATUSES[k]} |`),
  ].join('\n');
}
