import type { FuzzyDate } from '../../ingest/dates-and-quantities';
import type { FoundAmount } from '../amounts';
import type { FoundDate } from '../dates';
import type { EntityType, Mention } from '../gazetteer';
import { ParseTree, type ParsedDoc, type Token } from '../parser/parse-tree';
import type { Sentence } from '../text';
import { TITLE_WORDS } from './titles';

/**
 * One sentence as the fact readers see it: its parse (token offsets moved into the article), and what
 * each token stands for: an entity the gazetteer found (known to the graph, or new and read in an
 * earlier pass), an amount or a date the lexical finders read. An entity slot of a pattern is filled
 * from a token: a mention covering it, a pronoun or "the company" standing for the organization the
 * sentence or the one before is about, or a proper noun the graph does not hold (a new entity, named
 * by its compound words: never with a possessive, a determiner or a title).
 */
export interface EntityRef {
  /** The graph's id, or `new:<type>:<name>`. */
  id: string;
  type: EntityType;
  name: string;
  known: boolean;
  start: number;
  end: number;
}

/** What the sentences before say: the organization the last one was about, the one the article is about. */
export interface Context {
  subject: EntityRef | null;
  main: EntityRef | null;
}

export const newEntityId = (type: EntityType, name: string) => `new:${type}:${name}`;

export class SentenceView {
  readonly tree: ParseTree;
  private readonly mentionAt: Array<Mention | undefined>;
  private readonly amountAt: Array<FoundAmount | undefined>;
  private readonly dateAt: Array<FoundDate | undefined>;

  constructor(
    readonly sentence: Sentence,
    parsed: ParsedDoc,
    mentions: Mention[],
    amounts: FoundAmount[],
    dates: FoundDate[],
    readonly context: Context,
    /** When the article was published: what "on Tuesday" and "stepped down" are read against. */
    readonly published: FuzzyDate,
    /** Family names of the people the article names in full (the parser's person hints over two or more words). */
    readonly familyNames: ReadonlySet<string> = new Set(),
  ) {
    const shift = sentence.start;
    this.tree = new ParseTree(parsed.tokens.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift })));
    const covering = <T extends { start: number; end: number }>(xs: T[]) =>
      this.tree.tokens.map((t) => xs.find((x) => t.start >= x.start && t.end <= x.end) ?? xs.find((x) => t.start < x.end && t.end > x.start));
    this.mentionAt = covering(mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end));
    this.amountAt = covering(amounts.filter((a) => a.start >= sentence.start && a.end <= sentence.end));
    this.dateAt = covering(dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end));
  }

  get tokens(): readonly Token[] {
    return this.tree.tokens;
  }

  mention(t: Token): Mention | undefined {
    return this.mentionAt[t.i];
  }

  amount(t: Token): FoundAmount | undefined {
    return this.amountAt[t.i];
  }

  date(t: Token): FoundDate | undefined {
    return this.dateAt[t.i];
  }

  text(start: number, end: number): string {
    return this.sentence.text.slice(start - this.sentence.start, end - this.sentence.start);
  }

  /** The words of tokens a..b (inclusive) as the article writes them. */
  span(a: Token, b: Token): string {
    return this.text(a.start, b.end);
  }

  /** The entity of `type` a token stands for, or null. */
  entity(t: Token | undefined, type: EntityType): EntityRef | null {
    if (!t) return null;
    const m = this.mention(t);
    if (m) return m.type === type ? refOf(m) : null;
    if (type === 'Organization') {
      if (PRONOUNS.has(t.text.toLowerCase())) return this.antecedent(t);
      if (COMPANY_NOUNS.has(t.lemma) && this.tree.children(t, 'det').some((d) => d.lemma === 'the') && !this.tree.prepObjects(t, 'of').length)
        return this.antecedent(t);
    }
    return this.newEntity(t, type);
  }

  /** The entities a token and its conjuncts stand for ("Slack and Tableau"). */
  entities(t: Token | undefined, type: EntityType): EntityRef[] {
    if (!t) return [];
    const out: EntityRef[] = [];
    for (const c of this.tree.withConjuncts(t)) {
      const e = this.entity(c, type);
      if (e && !out.some((o) => o.id === e.id)) out.push(e);
    }
    return out;
  }

  /**
   * The organization "it", "its" or "the company" stands for: in reported speech, the speaker ("Cisco
   * said it would cut"); else the organization the sentence names as a subject before it; else the one
   * the sentence before was about.
   */
  antecedent(t: Token): EntityRef | null {
    for (const a of this.tree.ancestors(t)) {
      if (!SPEECH_VERBS.has(a.lemma)) continue;
      const speaker = this.tree.child(a, 'nsubj');
      const org = speaker && speaker.i !== t.i && !PRONOUNS.has(speaker.text.toLowerCase()) ? this.entity(speaker, 'Organization') : null;
      if (org) return org;
    }
    const before = this.tokens.find((u) => u.i < t.i && ['nsubj', 'nsubjpass'].includes(u.dep) && this.mention(u)?.type === 'Organization');
    if (before) return refOf(this.mention(before)!);
    return this.context.subject ?? this.context.main;
  }

  /** A proper noun the gazetteer did not find: a new entity, named by its compound words. */
  private newEntity(t: Token, type: EntityType): EntityRef | null {
    if (!looksLikeName(t)) return null;
    const words = nameTokens(this, t);
    if (!words.length || words.some((w) => TITLE_WORDS.has(w.text.toLowerCase()))) return null;
    const name = this.span(words[0], words[words.length - 1]).replace(/\s+/g, ' ');
    if (words.every((w) => NOT_NAME_WORDS.has(w.text) || !looksLikeName(w))) return null;
    if (type === 'Person' && words.length < 2) return null;
    // One word that is the family name of a person the article names in full is no new company ("Musk").
    if (type === 'Organization' && words.length === 1 && this.familyNames.has(t.text)) return null;
    if (words.some((w) => this.mention(w))) return null;
    return { id: newEntityId(type, name), type, name, known: false, start: words[0].start, end: words[words.length - 1].end };
  }
}

/**
 * A proper noun, or a capitalized word the parser tags otherwise but marks as a name ("Spotify", which
 * the small model reads as a verb at the start of a sentence).
 */
const looksLikeName = (t: Token) =>
  t.tag === 'NNP' ||
  t.tag === 'NNPS' ||
  (/^[A-Z]/.test(t.text) && ['ORG', 'PERSON', 'GPE', 'NORP', 'FAC', 'PRODUCT'].includes(t.entity) && t.pos !== 'DET') ||
  // A capital inside a sentence marks a name the small model tags as a common noun ("Splunk").
  (t.i > 0 && /^[A-Z][a-z]/.test(t.text) && ['NOUN', 'VERB'].includes(t.pos) && !NOT_NAME_WORDS.has(t.text));

const refOf = (m: Mention): EntityRef => ({ id: m.id, type: m.type, name: m.name, known: !m.id.startsWith('new:'), start: m.start, end: m.end });

/** The words of a name whose head is t: the proper nouns joined to it as compounds, contiguous, without titles. */
function nameTokens(view: SentenceView, t: Token): Token[] {
  const tree = view.tree;
  const parts = [t];
  const add = (x: Token) => {
    for (const c of tree.children(x, 'compound', 'flat', 'nmod')) {
      if (!looksLikeName(c) || TITLE_WORDS.has(c.text.toLowerCase())) continue;
      parts.push(c);
      add(c);
    }
  };
  add(t);
  parts.sort((a, b) => a.i - b.i);
  // Contiguous around t: a title or a date between two proper nouns ends the name.
  const at = parts.indexOf(t);
  let from = at;
  while (from > 0 && parts[from - 1].i === parts[from].i - 1) from -= 1;
  let to = at;
  while (to < parts.length - 1 && parts[to + 1].i === parts[to].i + 1) to += 1;
  const words = parts.slice(from, to + 1);
  // A corporate suffix written after the name ("Inc.") belongs to it.
  const next = tree.tokens[words[words.length - 1].i + 1];
  if (next && /^(?:Inc\.?|Corp\.?|Co\.?|Ltd\.?|LLC|plc|AG|SE|N\.V\.)$/.test(next.text) && next.head === t.i) words.push(next);
  while (words.length && NOT_NAME_WORDS.has(words[0].text)) words.shift();
  // "McDonald's" as a subject is a name with its "'s"; "Blizzard's president" is a possessive, never part of a name.
  const last = words[words.length - 1];
  const s = last ? tree.children(last, 'case').find((c) => /^['’]s$/.test(c.text) && c.i === last.i + 1) : undefined;
  if (s && last.dep !== 'poss') words.push(s);
  return words;
}

/** Pronouns that stand for an organization. */
const PRONOUNS = new Set(['it', 'its', 'itself']);
/** Nouns that stand for the organization being told about ("the company", "the Santa Clara firm"). */
export const COMPANY_NOUNS = new Set([
  'company',
  'firm',
  'group',
  'giant',
  'maker',
  'chipmaker',
  'automaker',
  'carmaker',
  'retailer',
  'carrier',
  'conglomerate',
  'startup',
  'insurer',
  'lender',
  'bank',
  'studio',
  'publisher',
  'corporation',
]);
export const SPEECH_VERBS = new Set(['say', 'announce', 'tell', 'confirm', 'disclose', 'report', 'write', 'state', 'add', 'note', 'reveal']);
/** Capitalized words that open a clause or name a day or month, never an entity alone. */
const NOT_NAME_WORDS = new Set(
  'The A An I It Its This That These Those He She They We Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec. Inc Inc. Corp Corp. Co. LLC Ltd Group Mr. Ms. Mrs. Dr. U.S. US'.split(
    ' ',
  ),
);

/** The family names of people an article names in full: the last word of a run of two or more proper nouns the parser hints are a person. */
export function familyNamesOf(docs: ParsedDoc[], texts: string[]): Set<string> {
  const out = new Set<string>();
  docs.forEach((doc, k) => {
    doc.tokens.forEach((t, i) => {
      const next = doc.tokens[i + 1];
      if (t.entity === 'PERSON' && /^[A-Z]/.test(t.text) && next?.entity === 'PERSON' && /^[A-Z][a-z]/.test(next.text) && t.dep === 'compound')
        out.add(texts[k].slice(next.start, next.end));
    });
  });
  return out;
}

/** The organization the article's lead names first (news opens with its subject): what "the company" means where nothing closer does. */
export function mainOrganization(mentions: Mention[]): EntityRef | null {
  const first = mentions.find((m) => m.type === 'Organization' && !m.coreference);
  return first ? { id: first.id, type: 'Organization', name: first.name, known: !first.id.startsWith('new:'), start: first.start, end: first.end } : null;
}
