import type { FuzzyDate } from '../ingest/dates-and-quantities';
import type { EntityRef } from './facts';
import { FoundAmount, findAmounts } from './amounts';
import { findDates } from './dates';
import { foldRestatements } from './facts/layoff';
import { Sentence, sentences } from './text';

/**
 * Layoff statements in an article: sentences that say an organization cuts jobs, with the figure as
 * stated (bounds and hedge kept), the share of the workforce, the date phrase, and the organizations
 * that cut (named before the verb), each anchored to its place in the text. A statement the sentence does not make is not
 * proposed: no cut verb, no proposal; no figure, the headcount stays unknown; no date phrase, no date.
 * Organizations come from a gazetteer (the graph's names and aliases), longest name first.
 */
export const CUT_VERBS =
  /\b(lay(?:ing|s)? off|laid off|layoffs?|cut(?:s|ting)?|eliminat(?:e|es|ed|ing)|shed(?:s|ding)?|ax(?:e|es|ed|ing)|fir(?:e|es|ed|ing)|job cuts|reduc(?:e|es|ed|ing) (?:its |the )?(?:workforce|headcount|staff))\b/gi;
/** What a cut of money rather than of jobs is followed by ("cut costs", "cost cuts"). */
const NOT_JOBS = /^\s+(?:its\s+|the\s+|their\s+)?(?:costs?|spending|prices?|budgets?|investments?|expenses)\b/i;
const JOB_NOUNS = /^\s*(?:of\s+)?(?:its\s+|their\s+|the\s+)?(?:[a-z-]+\s+)?(jobs?|roles?|positions?|employees?|staff|people|workers?|workforce)\b/i;
/** Words before a date phrase that make it the date of another event than the cut. */
const OTHER_EVENT = /\b(acquired|bought|purchased|founded|launched|opened|since|hired)\b/i;
export interface GazetteerEntry {
  id: string;
  /** The organization's name and aliases. */
  names: string[];
}

export interface Mention {
  id: string;
  name: string;
  start: number;
  end: number;
}

/** Organizations named in `text` (offset by `base`), longest names first, no two overlapping. */
export function mentions(text: string, gazetteer: GazetteerEntry[], base = 0): Mention[] {
  const names = gazetteer
    .flatMap((g) => g.names.filter((n) => n.length >= 3).map((name) => ({ id: g.id, name })))
    .sort((a, b) => b.name.length - a.name.length);
  const found: Mention[] = [];
  for (const { id, name } of names) {
    const pattern = new RegExp(`(?<![\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
    for (const m of text.matchAll(pattern)) {
      const start = base + m.index;
      const end = start + name.length;
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ id, name, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface LayoffProposal {
  /** The sentence that states it: offsets in the article, and the quote (at most 200 characters around the figure). */
  start: number;
  end: number;
  quote: string;
  organizations: Mention[];
  /** The import format's quantity, or unknown when the sentence gives no figure. */
  headcount: FoundAmount['quantity'];
  shareOfWorkforce: number | null;
  announced: FuzzyDate | null;
  evidence: { verb: string; headcount: FoundAmount | null; share: FoundAmount | null; date: string | null };
  /** Later sentences that restate the same cut (same organization, compatible figures): their offsets and quotes. */
  restatements: Array<{ start: number; end: number; quote: string }>;
}

/** A layoff statement with what the sentences around it add: who announced it, how, and the regions told. */
export type FoundLayoff = LayoffProposal & {
  announcedBy: EntityRef | null;
  channels: string[];
  regions: Array<{ market: EntityRef; notified: FuzzyDate | null }>;
};

const MAX_QUOTE = 200;

/** The layoff statements of an article published on `published`. */
export function findLayoffs(
  text: string,
  published: FuzzyDate,
  gazetteer: GazetteerEntry[],
  parts: Sentence[] = sentences(text),
  /** Organizations already found in the article (with "it" and "the company" where they stand for one): used instead of the gazetteer. */
  found?: Mention[],
): LayoffProposal[] {
  const proposals: LayoffProposal[] = [];
  for (const s of parts) {
    const verb = [...s.text.matchAll(CUT_VERBS)].find(
      (m) =>
        !NOT_JOBS.test(s.text.slice(m.index + m[0].length)) &&
        !/\bcost\s+$/i.test(s.text.slice(0, m.index)) &&
        // "announced the cuts", "reported on the Prime Video cuts": a cut told before, not a new one.
        !(/^(?:cuts|layoffs?|job cuts)$/i.test(m[0]) && /\bthe\s+(?:[A-Z][\w&]*\s+){0,4}$/.test(s.text.slice(0, m.index))),
    );
    if (!verb) continue;
    // Who cuts is named before the verb ("Prime Video and Amazon MGM Studios will eliminate"); one named
    // after it is another party (a source, a buyer), unless nobody is named before.
    const named = found ? found.filter((m) => m.start >= s.start && m.end <= s.end) : mentions(s.text, gazetteer, s.start);
    // ... and not as an agent of something else ("bought by Northwind Media", "a unit of").
    const before = named.filter((o) => o.end <= s.start + verb.index && !/\b(by|from|with|of)\s+$/i.test(text.slice(Math.max(0, o.start - 12), o.start)));
    // Units of the one that cuts, named after the verb as its own ("at its studio division as well as
    // its subsidiary, Twitch"; "in the division responsible for its voice-activated Alexa assistant"),
    // are where the cut falls.
    const units: Mention[] = [];
    for (const o of named) {
      if (o.start < s.start + verb.index) continue;
      const lead = text.slice(Math.max(0, o.start - 40), o.start);
      // "its Prime Video and MGM Studios unit": a unit joined to one of its units is one too.
      if (
        /\bits\s+(?:[\w-]+\s+){0,2}$|\bits\s+subsidiary,\s+$/.test(lead) ||
        (units.length && units[units.length - 1].end + 5 >= o.start && /\s+and\s+$/.test(lead))
      )
        units.push(o);
    }
    const organizations = units.length && before.length === 1 ? units : before.length ? before : named.slice(0, 1);
    if (!organizations.length) continue;
    const amounts = findAmounts(s.text).map((a) => ({ ...a, start: a.start + s.start, end: a.end + s.start }));
    const counted = amounts.find((a) => a.kind === 'COUNT' && JOB_NOUNS.test(text.slice(a.end, a.end + 40)));
    const share = amounts.find(
      (a) => a.kind === 'PERCENT' && /^\s*of\s+(?:its|the|their)\s+(?:[\w'’]+\s+)?(?:work\s?force|staff|employees)/i.test(text.slice(a.end, a.end + 30)),
    );
    // A date of something else the sentence tells ("acquired by Amazon a decade ago") is not the cut's.
    const date = findDates(s.text, published).find((d) => !OTHER_EVENT.test(s.text.slice(Math.max(0, d.start - 40), d.start)));
    const anchor = counted ?? share;
    const quoteStart = anchor ? Math.max(s.start, anchor.start - 80) : s.start;
    const quote = text.slice(quoteStart, Math.min(s.end, quoteStart + MAX_QUOTE));
    proposals.push({
      start: s.start,
      end: s.end,
      quote,
      organizations,
      headcount: counted ? counted.quantity : { qualifier: 'UNKNOWN', text: 'number not given' },
      shareOfWorkforce: share?.quantity.value ?? null,
      announced: date ? date.date : null,
      evidence: { verb: verb[0], headcount: counted ?? null, share: share ?? null, date: date?.text ?? null },
      restatements: [],
    });
  }
  return foldRestatements(proposals);
}
