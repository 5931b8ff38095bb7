import type { FuzzyDate } from '../ingest/dates-and-quantities';
import type { findAmounts } from './amounts';
import { mask, Masked } from './clauses';
import type { findDates } from './dates';
import { Context, EntityRef, Finding, findFacts, firstOrganization } from './facts';
import type { Mention } from './gazetteer';
import { CUT_VERBS, findLayoffs, FoundLayoff, LayoffProposal } from './layoffs';
import { CHANNEL_WORDS } from './channels';
import { AFFECTED, ANNOUNCER } from './patterns';
import { mainOrganization } from './reading/sentence-view';
import type { Sentence } from './text';

/**
 * The first reader (EXTRACTION_READER=patterns, the default until the parse reader meets its targets):
 * each sentence masked (names, amounts and dates as tokens) and read by the surface patterns of
 * patterns.ts and layoffs.ts. Kept beside the parse reader (facts/) so that both are measured on the
 * same texts in one run (npm run eval:extraction) and the switch is a setting, not a code change.
 */
export function readByPatterns(
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
