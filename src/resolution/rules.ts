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
  TOKEN_SIMILARITY: 'The name and the candidate share words (weighted by how many).',
  SAME_FAMILY: "The name contains the whole name of one of the candidate's parent companies.",
  SAME_CITY: 'The candidate is registered or headquartered in the city given.',
  SAME_COUNTRY: 'The candidate is in the country given.',
  OTHER_COUNTRY: 'The candidate is in another country than the one given.',
  INACTIVE: 'The candidate is inactive or defunct.',
} as const;
export type MatchReasonKind = keyof typeof MATCH_REASONS;

/** What each kind of evidence weighs. The score is the strongest name or identifier evidence plus the adjustments. */
export const WEIGHTS: Record<MatchReasonKind, number> = {
  IDENTIFIER: 1,
  NAME_KEY_EQUAL: 0.9,
  SITE_OF: 0.88,
  ALIAS_EQUAL: 0.85,
  /** Times the token similarity (0 to 1). */
  TOKEN_SIMILARITY: 0.8,
  SAME_FAMILY: 0.05,
  SAME_CITY: 0.03,
  SAME_COUNTRY: 0.05,
  OTHER_COUNTRY: -0.1,
  INACTIVE: -0.05,
};

/** Evidence that names the candidate (the base of the score); the rest adjusts it. */
export const BASE_REASONS: readonly MatchReasonKind[] = ['IDENTIFIER', 'NAME_KEY_EQUAL', 'SITE_OF', 'ALIAS_EQUAL', 'TOKEN_SIMILARITY'];

/**
 * When a match is decided without a reviewer: the best candidate is named by an identifier, or by its
 * exact name key (or that key and a site suffix) and scores at least AUTO_ACCEPT, and no other
 * candidate comes within AUTO_MARGIN of it (two companies of the same key are a question, not an
 * answer). Candidates from REVIEW_FLOOR up wait in the review queue; below it nothing is proposed.
 */
export const THRESHOLDS = { AUTO_ACCEPT: 0.9, AUTO_MARGIN: 0.05, REVIEW_FLOOR: 0.6 } as const;

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
