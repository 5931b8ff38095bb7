import type { FuzzyDate } from '../ingest/dates-and-quantities';
import { findAmounts } from './amounts';
import { mask, Masked } from './clauses';
import { findDates } from './dates';
import { Context, EntityRef, Finding, findFacts, firstOrganization, newEntityId } from './facts';
import { addFamilyNames, DEMONYMS, escape, findMentions, KnownEntity, lookupPhrases, Mention, Resolver } from './gazetteer';
import { CUT_VERBS, findLayoffs, FoundLayoff, LayoffProposal } from './layoffs';
import { AFFECTED, ANNOUNCER, CHANNEL_WORDS } from './patterns';
import { ArticleMeta, buildProposals, Proposal } from './proposals';
import { readArticle, Sentence, sentences } from './text';

/**
 * An article's proposals: its text read (markup out, refused when it cannot be read), the entities it
 * names resolved against the graph in one look-up, then every sentence's facts by the patterns of
 * patterns.ts and layoffs.ts, in two passes (what the first finds new, "Activision Blizzard" as a
 * target, is a name the second reads everywhere). Deterministic: the same text and graph give the same
 * proposals. Nothing is written here.
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

export async function extractArticle(resolve: Resolver, raw: string, meta: ArticleMeta): Promise<Extraction> {
  const { text, fromMarkup } = readArticle(raw);
  const phrases = lookupPhrases(text);
  const known = await resolve(phrases);
  const published = meta.published;
  const amounts = findAmounts(text);
  const dates = findDates(text, published);
  // A headline (a first line without a full stop) compresses what the body states: the body is read.
  const parts = sentences(text).filter((s, i) => !(i === 0 && /^[^\n]*$/.test(s.text) && !/[.!?"”]$/.test(s.text) && text.length > s.text.length + 2));

  let mentions = withCoreferences(
    parts,
    [...findMentions(text, known, phrases), ...newPlaces(text, known)].sort((a, b) => a.start - b.start),
  );
  let pass = read(text, parts, mentions, amounts, dates, published);
  // Further passes: new entities a pass found are names like any other in the next (at most three passes).
  for (let seen = 0, i = 0; i < 2; i += 1) {
    const fresh = newEntities(pass.findings);
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
    pass = read(text, parts, mentions, amounts, dates, published);
  }
  const proposals = buildProposals(text, meta, known, pass.findings, pass.layoffs);
  return { text, fromMarkup, known, findings: pass.findings, layoffs: pass.layoffs, proposals };
}

function read(
  text: string,
  parts: Sentence[],
  mentions: Mention[],
  amounts: ReturnType<typeof findAmounts>,
  dates: ReturnType<typeof findDates>,
  published: FuzzyDate,
) {
  const masked = parts.map((s) => mask(s, mentions, amounts, dates));
  const findings: Finding[] = [];
  const context: Context = { subject: null, main: mainOrganization(mentions) };
  for (const m of masked) {
    const previous = [...findings].reverse().find((f) => f.type === 'MarketMetric' && f.start >= m.sentence.start - 400) ?? null;
    findings.push(...findFacts(m, previous, context));
    context.subject = firstOrganization(m, m.text.length) ?? context.subject;
  }
  const organizations = mentions.filter((m) => m.type === 'Organization').map((m) => ({ id: m.id, name: m.name, start: m.start, end: m.end }));
  const layoffs: FoundLayoff[] = findLayoffs(text, published, [], parts, organizations).map((l) => ({ ...l, ...announcement(masked, l), regions: [] }));
  addRegions(masked, layoffs);
  return { findings, layoffs };
}

const slotRef = (s: Masked['slots'][number], type: EntityRef['type']): EntityRef => ({
  id: s.mention!.id,
  type,
  name: s.mention!.name,
  known: !s.mention!.id.startsWith('new:'),
  start: s.start,
  end: s.end,
});

/**
 * Who announced a cut and how: a person announcing in its sentence, or in one of the next three that
 * speaks of cuts and names one of its organizations (or, right after it, names none); the channels
 * those sentences name (an email, a memo, a blog post).
 */
function announcement(masked: Masked[], layoff: LayoffProposal): { announcedBy: EntityRef | null; channels: string[] } {
  const i = masked.findIndex((m) => m.sentence.start === layoff.start);
  const ids = new Set(layoff.organizations.map((o) => o.id));
  const near = masked.slice(i, i + 4).filter((m, k) => {
    if (k === 0) return true;
    if (!/\b(?:cuts?|layoffs?|job|jobs|reductions?|headcount)\b/i.test(m.text) || !ANNOUNCER.test(m.text)) return false;
    const named = m.slots.filter((s) => s.kind === 'O' && s.mention).map((s) => s.mention!.id);
    return named.some((id) => ids.has(id)) || (k === 1 && !named.length);
  });
  let announcedBy: EntityRef | null = null;
  const channels = new Set<string>();
  for (const m of near) {
    const who = ANNOUNCER.exec(m.text);
    const slot = who ? m.slots.find((s) => s.token === who[1]) : undefined;
    if (slot?.mention && !announcedBy) announcedBy = slotRef(slot, 'Person');
    if (m === near[0] || who) for (const c of CHANNEL_WORDS) if (c.pattern.test(m.sentence.text)) channels.add(c.channel);
  }
  return { announcedBy, channels: [...channels].sort() };
}

/**
 * Where cuts fall: places named after the cut in its own sentence ("1,900 jobs in the United States"),
 * and those a later sentence names for the affected staff ("would inform affected workers in the
 * Americas on Wednesday morning, and in most other regions by the end of the week"), each with the date
 * it gives; the later sentence's cut is the one its speaker announced, else the last before it.
 */
function addRegions(masked: Masked[], layoffs: FoundLayoff[]): void {
  const add = (layoff: FoundLayoff, m: Masked, markets: Masked['slots'], withDates: boolean) => {
    markets.forEach((slot, i) => {
      const next = markets[i + 1]?.at ?? Infinity;
      const date = withDates ? m.slots.find((s) => s.kind === 'D' && s.at > slot.at && s.at < next)?.date?.date : undefined;
      if (!layoff.regions.some((r) => r.market.id === slot.mention!.id)) layoff.regions.push({ market: slotRef(slot, 'Market'), notified: date ?? null });
    });
  };
  for (const layoff of layoffs) {
    const own = masked.find((m) => m.sentence.start === layoff.start);
    const verb = own ? own.text.search(CUT_VERBS) : -1;
    if (own && verb >= 0)
      add(
        layoff,
        own,
        own.slots.filter((s) => s.kind === 'M' && s.mention && s.at > verb && /\b(?:in|across)\s+(?:the\s+)?$/.test(own.text.slice(0, s.at))),
        false,
      );
  }
  for (const m of masked) {
    const affected = AFFECTED.exec(m.text);
    if (!affected) continue;
    const markets = m.slots.filter((s) => s.kind === 'M' && s.mention && s.at > affected.index);
    const before = layoffs.filter((l) => l.start < m.sentence.start);
    if (!markets.length || !before.length) continue;
    const speaker = m.slots.find((s) => s.kind === 'P' && s.mention && s.at < affected.index)?.mention?.id;
    add(before.find((l) => speaker && l.announcedBy?.id === speaker) ?? before[before.length - 1], m, markets, true);
  }
}

function newEntities(findings: Finding[]): EntityRef[] {
  const out = new Map<string, EntityRef>();
  for (const f of findings) for (const r of Object.values(f.refs)) if (!r.known && !out.has(r.id)) out.set(r.id, r);
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

/** The organization the article's lead names first (news opens with its subject): what "the company" means where nothing closer does. */
function mainOrganization(mentions: Mention[]): EntityRef | null {
  const first = mentions.find((m) => m.type === 'Organization' && !m.coreference);
  return first ? { id: first.id, type: 'Organization', name: first.name, known: !first.id.startsWith('new:'), start: first.start, end: first.end } : null;
}
