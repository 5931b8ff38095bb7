import { OWNERSHIP_KINDS, PRESENCE_STATUSES, ROLE_TYPES } from '../ingest/record-types';

/**
 * The patterns extraction reads, per fact type, as data: each is written over a sentence whose names,
 * amounts and dates are masked (see clauses.ts), with slots `{org:acquirer}`, `{person:person}`,
 * `{market:market}`, `{amount:x}`, `{date:x}` and the shared parts below (`{title}`, `{be}`). What each
 * match means (a status, a kind) is stated beside it. docs/extraction.md lists them.
 */

/** Job titles and the role type each names, longest first where one contains another. */
export const TITLES: ReadonlyArray<{ words: string; roleType: (typeof ROLE_TYPES)[number] }> = [
  { words: 'chief executive officer', roleType: 'CEO' },
  { words: 'co-chief executive officer', roleType: 'CEO' },
  { words: 'co-chief executive', roleType: 'CEO' },
  { words: 'chief executive', roleType: 'CEO' },
  { words: 'co-CEO', roleType: 'CEO' },
  { words: 'CEO', roleType: 'CEO' },
  { words: 'executive chair(?:man|woman)?', roleType: 'CHAIR' },
  { words: 'chair(?:man|woman|person)?', roleType: 'CHAIR' },
  { words: 'senior vice president', roleType: 'SENIOR_VICE_PRESIDENT' },
  { words: 'executive vice president', roleType: 'SENIOR_VICE_PRESIDENT' },
  { words: 'vice president', roleType: 'VICE_PRESIDENT' },
  { words: 'president', roleType: 'PRESIDENT' },
  { words: 'co-founder', roleType: 'FOUNDER' },
  { words: 'founder', roleType: 'FOUNDER' },
  { words: 'chief (?:financial|operating|technology|marketing|people|product) officer', roleType: 'EXECUTIVE' },
  { words: 'CFO|COO|CTO', roleType: 'EXECUTIVE' },
  { words: 'board member', roleType: 'BOARD_MEMBER' },
];
const TITLE_WORDS = `(?:${[...TITLES]
  .sort((a, b) => b.words.length - a.words.length)
  .map((t) => t.words)
  .join('|')})`;
/** Letters in either case (Node 20's expressions have no inline (?i:)); titles are written both ways. */
const anyCase = (source: string) => source.replace(/\\.|[a-zA-Z]/g, (c) => (c.length === 2 ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`));
/** A title, perhaps compound ("chair and co-chief executive"). */
export const TITLE = `(?<title>${anyCase(`(?:(?:former|interim|new|then)\\s+)?${TITLE_WORDS}(?:(?:,\\s*|\\s+and\\s+)${TITLE_WORDS})?`)})`;

export const PARTS: Record<string, string> = {
  title: TITLE,
  be: '(?:is|was|has been|had been|became|becomes|remains|will be)',
  the: '(?:the\\s+|a\\s+|an\\s+)',
  poss: "(?:'s|’s)",
};

export interface RolePattern {
  pattern: string;
  /** The role's organization when the pattern has no slot for it: the first organization named in the sentence. */
  orgFromSentence?: boolean;
  /** The role begins with the sentence's date (appointed, took over). */
  starts?: boolean;
}

export const ROLE_PATTERNS: readonly RolePattern[] = [
  // "Twitch Chief Executive Officer Dan Clancy", "Microsoft's chief executive, Satya Nadella"
  { pattern: '{org:org}{poss}?\\s+{title},?\\s+{person:person}' },
  // "Mike Hopkins, senior vice president of Prime Video", "Phil Spencer, the chief executive of Microsoft Gaming"
  { pattern: '{person:person},\\s+{the}?{title}\\s+(?:of|at)\\s+{org:org}' },
  // "Satya Nadella, Microsoft's chief executive"
  { pattern: '{person:person},\\s+{org:org}{poss}\\s+{title}' },
  // "Hock Tan is the chief executive of Broadcom"
  { pattern: '{person:person}\\s+{be}\\s+{the}?{title}\\s+(?:of|at)\\s+{org:org}' },
  // "Sundar Pichai became chief executive of Alphabet in 2019"
  {
    pattern: '{person:person}\\s+(?:was named|was appointed|took over as|succeeded [^,]+? as|stepped in as)\\s+{the}?{title}\\s+(?:of|at)\\s+{org:org}',
    starts: true,
  },
  // "as Chief Executive Officer Andy Jassy looked to cut costs" (the company is the sentence's)
  { pattern: '{title}\\s+{person:person}', orgFromSentence: true },
  // "Broadcom is led by chief executive Hock Tan"
  { pattern: '{org:org}\\s+(?:is|was)\\s+led\\s+by\\s+{title}\\s+{person:person}' },
  // "Ek, who co-founded the company"
  { pattern: '{person:person},?\\s+who\\s+(?<title>co-founded|founded)\\s+(?:the\\s+company|{org:org})', orgFromSentence: true },
];

export interface AcquisitionPattern {
  pattern: string;
  status: 'ANNOUNCED' | 'COMPLETED';
  /** The acquirer is the organization the sentence names first ("... and paid $19 billion for WhatsApp"), or the article's "the company". */
  acquirerFromSentence?: boolean;
}

const BUY = '(?:buy|acquire|purchase|take over)';
export const ACQUISITION_PATTERNS: readonly AcquisitionPattern[] = [
  { pattern: `{org:acquirer}\\s+(?:has\\s+|had\\s+)?(?:purchased|acquired|bought|took over)\\s+{org:target}`, status: 'COMPLETED' },
  {
    pattern: `{org:acquirer}\\s+(?:has\\s+|had\\s+)?(?:completed|closed|finalized|finalised)\\s+(?:its|the)\\s+(?:[^.]{0,40}?\\s)?(?:acquisition|purchase|takeover)\\s+of\\s+{org:target}`,
    status: 'COMPLETED',
  },
  {
    pattern: `{org:target},?\\s+(?:(?:which|that)\\s+)?(?:was\\s+|were\\s+|had been\\s+)?(?:[^,.]{0,60}?\\s)?(?:acquired|bought|purchased|taken over)\\s+by\\s+{org:acquirer}`,
    status: 'COMPLETED',
  },
  {
    pattern: `{org:acquirer}\\s+(?:has\\s+)?(?:agreed|announced (?:a deal|an agreement|plans?)|said it would|plans|offered|is set)\\s+to\\s+${BUY}\\s+{org:target}`,
    status: 'ANNOUNCED',
  },
  { pattern: `{org:acquirer}\\s+(?:is|was)\\s+(?:buying|acquiring)\\s+{org:target}`, status: 'ANNOUNCED' },
  { pattern: `{org:target},\\s+which\\s+{org:acquirer}\\s+(?:bought|acquired|purchased)`, status: 'COMPLETED' },
  { pattern: `(?:{org:acquirer}\\s+|\\band\\s+)paid\\s+{amount:inline}\\s+for\\s+{org:target}`, status: 'COMPLETED', acquirerFromSentence: true },
  {
    pattern: `the\\s+{knownOrg:target}\\s+(?:unit|business|studio)\\s+the\\s+company\\s+(?:acquired|bought|purchased)`,
    status: 'COMPLETED',
    acquirerFromSentence: true,
  },
  { pattern: `{org:acquirer}{poss}\\s+(?:{amount:inline}\\s+)?(?:acquisition|purchase|takeover)\\s+of\\s+{org:target}`, status: 'ANNOUNCED' },
];
/** Words that make a possessive acquisition ("Microsoft's acquisition of ...") a completed one. */
export const COMPLETED_WORDS = /\b(?:completed|closed|closing|finalized|finalised|completion)\b/i;
/** The words before a money amount that make it the price. */
export const PRICE_CUE = /(?:\bfor|valued at|worth|at|paid|a price of|deal of)\s+(?:about\s+|roughly\s+|nearly\s+|close to\s+|some\s+|around\s+)?$/i;
/** The words before a date that say which date of a deal it is. */
export const ANNOUNCED_CUE = /\b(?:announced|announcing|agreed|agreeing|unveiled|struck|signed)\b[^.]{0,60}$/i;
export const COMPLETED_CUE = /\b(?:completed|closed|finalized|finalised|completion|closing)\b[^.]{0,40}$/i;

export interface OwnershipPattern {
  pattern: string;
  /** The kind, or read from the word captured as `noun` (subsidiary: SUBSIDIARY; unit, division, arm: DIVISION). */
  kind?: (typeof OWNERSHIP_KINDS)[number];
  /** The parent is the organization the sentence names first ("its subsidiary, Twitch"). */
  parentFromSentence?: boolean;
  /** Only when the child is named by a description of a unit ("the music unit"). */
  childIsUnit?: boolean;
}

const UNIT_NOUN = '(?<noun>subsidiary|unit|division|arm|business|part)';
export const OWNERSHIP_PATTERNS: readonly OwnershipPattern[] = [
  { pattern: `\\bits\\s+(?:[\\w-]+\\s+){0,2}?${UNIT_NOUN},?\\s+{org:child}`, parentFromSentence: true },
  { pattern: `{org:child},\\s+{the}(?:wholly[- ]owned\\s+)?(?:[\\w-]+\\s+){0,3}?${UNIT_NOUN}\\s+of\\s+{org:parent}` },
  { pattern: `{org:child}(?:,[^,]{1,60},)?\\s+{be}\\s+{the}?(?:wholly[- ]owned\\s+)?(?:[\\w-]+\\s+){0,3}?${UNIT_NOUN}\\s+of\\s+{org:parent}` },
  { pattern: `{org:parent}\\s+(?:owns|controls)\\s+{org:child}`, kind: 'SUBSIDIARY' },
  { pattern: `{org:parent},?\\s+{the}?parent(?:\\s+company)?\\s+of\\s+{org:child}`, kind: 'SUBSIDIARY' },
  { pattern: `{org:child}{poss}\\s+parent(?:\\s+company)?,?\\s+{org:parent}`, kind: 'SUBSIDIARY' },
  { pattern: `{knownOrg:parent}{poss}\\s+{knownOrg:child}\\s+${UNIT_NOUN}`, kind: 'DIVISION' },
  // "the division responsible for its voice-activated Alexa assistant"
  {
    pattern: `\\b(?:the|its)\\s+${UNIT_NOUN}\\s+(?:responsible\\s+for|that\\s+runs|behind|that\\s+makes)\\s+its\\s+(?:[\\w-]+\\s+){0,2}{knownOrg:child}`,
    parentFromSentence: true,
  },
  // "in the music unit": a unit of the company the sentence is about
  { pattern: `\\b(?:its|the)\\s+{knownOrg:child}`, kind: 'DIVISION', parentFromSentence: true, childIsUnit: true },
  // "the streaming video and studios division, which includes the MGM unit"
  { pattern: `{knownOrg:parent},?\\s+which\\s+includes\\s+(?:the\\s+)?{knownOrg:child}(?:\\s+unit)?`, kind: 'DIVISION' },
];
export const OWNERSHIP_KIND_OF_NOUN: Record<string, (typeof OWNERSHIP_KINDS)[number]> = {
  subsidiary: 'SUBSIDIARY',
  unit: 'DIVISION',
  division: 'DIVISION',
  arm: 'DIVISION',
  business: 'DIVISION',
  part: 'DIVISION',
};

export interface PresencePattern {
  pattern: string;
  /** The status, or read from the verb's tense captured as `verb`. */
  status?: (typeof PRESENCE_STATUSES)[number];
  exit: boolean;
}

const EXIT_VERB =
  '(?<verb>withdrawing|withdrew|will withdraw|would withdraw|exiting|exited|will exit|would exit|leaving|left|will leave|pulling out|pulled out|will pull out|shutting down|shut down|will shut down|closing|closed|suspending|suspended)';
const ENTRY_VERB = '(?<verb>entering|entered|will enter|expanding into|expanded into|will expand into|launching in|launched in|will launch in)';
export const PRESENCE_PATTERNS: readonly PresencePattern[] = [
  {
    pattern: `{org:org}(?:,[^,]{1,60},)?\\s+(?:(?:said|announced)\\s+(?:⟦D\\d+⟧\\s+)?(?:that\\s+)?it\\s+)?(?:is\\s+|was\\s+|would\\s+be\\s+|will\\s+be\\s+)?${EXIT_VERB}\\s+(?:from\\s+|of\\s+)?(?:its\\s+(?:business|operations)\\s+in\\s+)?(?:the\\s+)?{market:market}(?:\\s+market)?`,
    exit: true,
  },
  {
    pattern: `{org:org}(?:,[^,]{1,60},)?\\s+(?:(?:said|announced)\\s+(?:⟦D\\d+⟧\\s+)?(?:that\\s+)?it\\s+)?(?:is\\s+|was\\s+|would\\s+be\\s+|will\\s+be\\s+)?${ENTRY_VERB}\\s+(?:the\\s+)?{market:market}(?:\\s+market)?`,
    exit: false,
  },
  // "McDonald's opened its first restaurant in Moscow in 1990": there since then.
  { pattern: `{org:org}(?:,[^,]{1,60},)?\\s+opened\\s+its\\s+first\\s+(?:[\\w-]+\\s+){0,2}?in\\s+{market:market}`, status: 'ACTIVE', exit: false },
  // "Twitch, a video streaming platform": active in the segment (a market the graph knows).
  {
    pattern: `{org:org},\\s+{the}(?:[\\w-]+\\s+){0,3}?{knownMarket:market}\\s+(?:platform|service|company|provider|maker|business|network|giant)`,
    status: 'ACTIVE',
    exit: false,
  },
];
/** The verb's tense: what is under way or announced is EXITING / ENTERING; what is done is EXITED / ACTIVE. */
export const DONE_VERB = /^(?:withdrew|exited|left|pulled out|shut down|closed|suspended|entered|expanded into|launched in)$/;
/** Why, as the sentence gives it. */
export const REASON = /\b(?:because of|because|due to|citing|owing to|after)\s+([^.;"”]+?)(?=[.;,"”]|\s+(?:and|but)\s+|$)/i;

export const HEADQUARTERS_PATTERNS: readonly string[] = [
  '{org:org},?\\s+(?:which\\s+is\\s+|that\\s+is\\s+)?(?:based|headquartered)\\s+in\\s+{market:market}',
  '{org:org}(?:,[^,]{1,60},)?\\s+{be}\\s+(?:based|headquartered)\\s+in\\s+{market:market}',
  '{market:market}-based\\s+{org:org}',
];

export const FORMER_NAME_PATTERNS: ReadonlyArray<{ pattern: string }> = [
  { pattern: '{org:org},?\\s+(?:which\\s+was\\s+|then\\s+)?(?:formerly|previously)\\s+(?:known\\s+as\\s+|called\\s+|named\\s+)?{org:former}' },
  { pattern: '{org:former}\\s+(?:renamed\\s+itself|changed\\s+its\\s+name\\s+to|rebranded\\s+(?:itself\\s+)?as|was\\s+renamed)\\s+{org:org}' },
];

/** Statistics stated with a figure: a market's ("the number of scripted shows released in the United States peaked at 599 in 2022"). */
export const METRIC_PATTERNS: ReadonlyArray<{ pattern: string; basis: 'ACTUAL' | 'FORECAST' }> = [
  {
    pattern:
      '[Tt]he\\s+number\\s+of\\s+(?<what>[a-z][\\w\\s-]{2,60}?)\\s+(?:(?<verbed>[a-z]+ed)\\s+)?in\\s+(?:the\\s+)?{market:market}\\s+(?:peaked|rose|fell|reached|was|totaled|totalled|hit|climbed|dropped)(?:\\s+(?:at|to))?\\s+{amount:value}(?:\\s+{date:period})?',
    basis: 'ACTUAL',
  },
  // "Industry experts predict only 400 will be made this year" (what is counted: the statistic before).
  {
    pattern:
      '(?:predict|expect|forecast|estimate)s?\\s+(?:that\\s+)?(?:only\\s+)?{amount:value}\\s+(?:will|would)\\s+be\\s+(?:made|released|sold|produced)\\s+{date:period}',
    basis: 'FORECAST',
  },
];

/** A company's own statistics: its workforce ("Microsoft Gaming had about 22,000 employees"). */
export const ORGANIZATION_STATISTICS: ReadonlyArray<{ pattern: string; property: string }> = [
  {
    pattern:
      '{org:org}(?:,[^,]{1,60},)?\\s+(?:had|has|employed|employs|had\\s+a\\s+workforce\\s+of|has\\s+a\\s+workforce\\s+of)\\s+{amount:value}\\s+(?:employees|workers|staff|people)',
    property: 'employees',
  },
];

/** A sentence about the staff a cut affects ("would inform affected workers in the Americas"). */
export const AFFECTED = /\baffected\s+(?:workers|employees|staff)\b/i;
/** A person who announced cuts: "{person} announced the cuts", "{person} said in a memo". */
export const ANNOUNCER = /(⟦P\d+⟧)(?:,[^.]{0,200}?,)?\s+(?:announced|disclosed|told|said|wrote|informed)/;

/** The patterns as docs/extraction.md lists them (npm run docs writes it; a test keeps it in step). */
export function patternsTable(hedges: ReadonlyArray<{ words: string; qualifier: string }>, wordCounts: Record<string, [number, number]>): string {
  // In a table a pipe must be escaped; in a list it is itself.
  const code = (s: string, inTable = true) => `\`${inTable ? s.replace(/\|/g, '\\|') : s}\``;
  const rows = (title: string, patterns: readonly string[]) => [`#### ${title}`, '', ...patterns.map((p) => `- ${code(p, false)}`), ''];
  return [
    '#### Titles and role types',
    '',
    '| title (any case) | role type |',
    '|---|---|',
    ...TITLES.map((t) => `| ${code(t.words)} | ${t.roleType} |`),
    '',
    ...rows(
      'Roles',
      ROLE_PATTERNS.map((p) => p.pattern + (p.orgFromSentence ? '  (organization: the one the sentence, or the one before, is about)' : '')),
    ),
    ...rows(
      'Acquisitions',
      ACQUISITION_PATTERNS.map((p) => `${p.pattern}  → ${p.status}`),
    ),
    ...rows(
      'Ownership',
      OWNERSHIP_PATTERNS.map(
        (p) => `${p.pattern}${p.kind ? `  → ${p.kind}` : ''}${p.parentFromSentence ? '  (parent: the organization the sentence names first)' : ''}`,
      ),
    ),
    ...rows(
      'Market entries, exits and segments',
      PRESENCE_PATTERNS.map((p) => p.pattern),
    ),
    ...rows('Headquarters', HEADQUARTERS_PATTERNS),
    ...rows(
      'Former names',
      FORMER_NAME_PATTERNS.map((p) => p.pattern),
    ),
    ...rows('Statistics', [
      ...METRIC_PATTERNS.map((p) => `${p.pattern}  → ${p.basis}`),
      ...ORGANIZATION_STATISTICS.map((p) => `${p.pattern}  → ${p.property}`),
    ]),
    '#### Hedges and counts in words',
    '',
    '| words | qualifier |',
    '|---|---|',
    ...hedges.map((h) => `| ${h.words} | ${h.qualifier} |`),
    ...Object.entries(wordCounts).map(([w, [min, max]]) => `| ${w} | RANGE ${min} to ${max} |`),
  ].join('\n');
}
