import type { ExtractionReader } from '../config';
import type { FuzzyDate } from '../ingest/dates-and-quantities';
import { findAmounts } from './amounts';
import { findDates } from './dates';
import { FACT_READERS } from './facts/readers';
import type { Finding } from './facts/finding';
import { completeLayoffs, readLayoffs, type FoundLayoff } from './facts/layoff';
import { addFamilyNames, DEMONYMS, escape, findMentions, KnownEntity, lookupPhrases, Mention, Resolver } from './gazetteer';
import type { Parse } from './parser/parser-process';
import type { ParsedDoc } from './parser/parse-tree';
import { readByPatterns } from './pattern-reader';
import { ArticleMeta, buildProposals, Proposal } from './proposals';
import { familyNamesOf, mainOrganization, newEntityId, SentenceView, type Context, type EntityRef } from './reading/sentence-view';
import { readArticle, Sentence, sentences } from './text';

/**
 * An article's proposals: its text read (markup out, refused when it cannot be read), the entities it
 * names resolved against the graph in one look-up, every sentence parsed (one call to the parser), and
 * then each sentence's facts read by the readers of facts/ over its parse (or, with the patterns
 * reader, by pattern-reader.ts's surface patterns), in passes (what the first
 * finds new, "Activision Blizzard" as a target, is a name the next reads everywhere). Deterministic:
 * the same text, graph and parser give the same proposals. Nothing is written here.
 */
export interface Extraction {
  text: string;
  fromMarkup: boolean;
  /** Entities the graph knows that the article names. */
  known: KnownEntity[];
  findings: Finding[];
  layoffs: FoundLayoff[];
  proposals: Proposal[];
}

/** What extraction asks of the world: the graph's names, and (for the parse reader) the parser's reading of sentences. */
export interface ExtractionServices {
  resolve: Resolver;
  parse: Parse;
  reader: ExtractionReader;
}

export async function extractArticle({ resolve, parse, reader }: ExtractionServices, raw: string, meta: ArticleMeta): Promise<Extraction> {
  const { text, fromMarkup } = readArticle(raw);
  const phrases = lookupPhrases(text);
  const published = meta.published;
  // A headline (a first line without a full stop) compresses what the body states: the body is read.
  const parts = sentences(text).filter((s, i) => !(i === 0 && /^[^\n]*$/.test(s.text) && !/[.!?"”]$/.test(s.text) && text.length > s.text.length + 2));
  const [known, docs] = await Promise.all([resolve(phrases), reader === 'parse' ? parse(parts.map((s) => s.text)) : null]);
  const amounts = findAmounts(text);
  const dates = findDates(text, published);

  let mentions = withCoreferences(
    parts,
    [...findMentions(text, known, phrases), ...newPlaces(text, known)].sort((a, b) => a.start - b.start),
  );
  const readOnce = (found: Mention[]) =>
    docs ? read(parts, docs, found, amounts, dates, published) : (readByPatterns(text, parts, found, amounts, dates, published) as ReturnType<typeof read>);
  let pass = readOnce(mentions);
  // Further passes: new entities a pass found are names like any other in the next (at most three passes).
  for (let seen = 0, i = 0; i < 2; i += 1) {
    const fresh = newEntities(pass.findings, pass.layoffs);
    if (fresh.length === seen) break;
    seen = fresh.length;
    mentions = withCoreferences(
      parts,
      addNewMentions(
        text,
        mentions.filter((m) => !m.coreference),
        fresh,
        pass.findings,
      ),
    );
    pass = readOnce(mentions);
  }
  const proposals = buildProposals(text, meta, known, pass.findings, pass.layoffs);
  return { text, fromMarkup, known, findings: pass.findings, layoffs: pass.layoffs, proposals };
}

function read(
  parts: Sentence[],
  docs: ParsedDoc[],
  mentions: Mention[],
  amounts: ReturnType<typeof findAmounts>,
  dates: ReturnType<typeof findDates>,
  published: FuzzyDate,
): { findings: Finding[]; layoffs: FoundLayoff[] } {
  const findings: Finding[] = [];
  const layoffs: FoundLayoff[] = [];
  const views: SentenceView[] = [];
  const context: Context = { subject: null, main: mainOrganization(mentions) };
  const familyNames = familyNamesOf(
    docs,
    parts.map((p) => p.text),
  );
  parts.forEach((sentence, i) => {
    const view = new SentenceView(sentence, docs[i], mentions, amounts, dates, { ...context }, published, familyNames);
    views.push(view);
    for (const reader of FACT_READERS) findings.push(...reader.read(view, findings.length ? findings[findings.length - 1] : null));
    layoffs.push(...readLayoffs(view));
    context.subject = subjectOf(view) ?? context.subject;
  });
  return { findings, layoffs: completeLayoffs(views, layoffs) };
}

/** The organization a sentence is about: its grammatical subject if an organization, else the first it names. */
function subjectOf(view: SentenceView): EntityRef | null {
  const subject = view.tokens.find((t) => (t.dep === 'nsubj' || t.dep === 'nsubjpass') && view.mention(t)?.type === 'Organization');
  const first = subject ?? view.tokens.find((t) => view.mention(t)?.type === 'Organization' && !view.mention(t)!.coreference);
  return first ? view.entity(first, 'Organization') : null;
}

function newEntities(findings: Finding[], layoffs: FoundLayoff[]): EntityRef[] {
  const out = new Map<string, EntityRef>();
  const refs = [...findings.flatMap((f) => Object.values(f.refs)), ...layoffs.flatMap((l) => [...l.organizations, ...(l.announcedBy ? [l.announcedBy] : [])])];
  for (const r of refs) if (!r.known && !out.has(r.id)) out.set(r.id, r);
  return [...out.values()];
}

/** What may follow a company's short name in its full one ("Meta" of "Meta Platforms"), unlike a unit's ("Microsoft Gaming"). */
const CORPORATE_TAIL = /^\s+(?:Platforms|Inc\.?|Corp\.?|Corporation|Company|Co\.?|Group|Holdings|Technologies|International|Ltd\.?|plc|AG|SE)$/;

/**
 * Every place the text names a new entity by its name (and a new person by the family name). A new
 * organization's name that begins another's ("Meta" of "Meta Platforms") and a former name the text
 * gives ("X, formerly known as Twitter") name that other organization.
 */
function addNewMentions(text: string, mentions: Mention[], fresh: EntityRef[], findings: Finding[]): Mention[] {
  const found = [...mentions];
  // Organizations as the text writes them ("Meta Platforms", not META PLATFORMS, INC.), with the name they go by.
  const orgNames = [
    ...new Map(
      [
        ...mentions.filter((m) => !m.coreference).map((m) => ({ id: m.id, type: m.type, name: m.text, canonical: m.name })),
        ...fresh.map((e) => ({ ...e, canonical: e.name })),
      ]
        .filter((m) => m.type === 'Organization')
        .map((m) => [m.name, m]),
    ).values(),
  ];
  const names: Array<{ id: string; type: Mention['type']; name: string; written: string }> = [];
  for (const e of fresh) {
    const longer =
      e.type === 'Organization' ? orgNames.find((o) => o.name.startsWith(`${e.name} `) && CORPORATE_TAIL.test(o.name.slice(e.name.length))) : undefined;
    names.push(
      longer ? { id: longer.id, type: 'Organization', name: longer.canonical, written: e.name } : { id: e.id, type: e.type, name: e.name, written: e.name },
    );
  }
  for (const f of findings)
    if (f.type === 'FormerName')
      names.push({ id: f.refs.organization.id, type: 'Organization', name: f.refs.organization.name, written: String(f.fields.formerName) });
  for (const e of names.sort((a, b) => b.written.length - a.written.length)) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w&])${escape(e.written)}(?![\\w&])`, 'g'))) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ id: e.id, type: e.type, name: e.name, start, end, text: m[0] });
    }
  }
  return addFamilyNames(
    text,
    found.sort((a, b) => a.start - b.start),
  );
}

/** Countries named by an adjective before "market" that the graph does not hold yet ("the Russian market"). */
function newPlaces(text: string, known: KnownEntity[]): Mention[] {
  const out: Mention[] = [];
  for (const [adjective, place] of Object.entries(DEMONYMS)) {
    if (known.some((k) => k.type === 'Market' && k.name === place)) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\w])${escape(adjective)}(?=\\s+market)`, 'g')))
      out.push({ id: newEntityId('Market', place), type: 'Market', name: place, start: m.index, end: m.index + adjective.length, text: m[0] });
  }
  return out;
}

/** "It" and "The company" opening a sentence are the organization the sentence before was about. */
function withCoreferences(parts: Sentence[], mentions: Mention[]): Mention[] {
  const out = [...mentions];
  let subject: Mention | null = null;
  for (const s of parts) {
    const opening = /^(?:It|The company)\b/.exec(s.text);
    const first = mentions.find((m) => m.type === 'Organization' && m.start >= s.start && m.end <= s.end);
    if (opening && subject && !mentions.some((m) => m.start === s.start))
      out.push({ ...subject, start: s.start, end: s.start + opening[0].length, text: opening[0], coreference: true });
    subject = first ?? subject;
  }
  return out.sort((a, b) => a.start - b.start);
}
