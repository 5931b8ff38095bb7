import type { FuzzyDate } from '../../ingest/dates-and-quantities';
import type { FoundAmount } from '../amounts';
import { CHANNEL_WORDS } from '../channels';
import type { Token } from '../parser/parse-tree';
import { agents, datesOf, patients, verbLemma } from '../reading/arguments';
import { SPEECH_VERBS, type EntityRef, type SentenceView } from '../reading/sentence-view';
import { MAX_QUOTE } from './finding';

/**
 * Layoffs, read from the parse: a cutting verb whose object is jobs ("will eliminate 1,900 roles",
 * "cut 10% of its workforce", "lay off hundreds of employees", "1,000 jobs will be cut"), or a noun of
 * cuts with its count ("announced 1,000 layoffs", "job cuts"). Who cuts is the verb's agent ("it" in
 * reported speech is the speaker); units named as where the cut falls ("at its studio division") are
 * the organizations that cut. The headcount is the count on the jobs, with its hedge; the share is a
 * percentage of the workforce, the staff or "the roughly 8,000 people who work in the unit"; the date
 * is the one of the cutting clause or of the saying that reports it. Who announced it and how, and the
 * regions it falls in, come from the sentence and those after it. A statement the sentence does not
 * make is not proposed: no figure, the headcount stays unknown; no date, no date.
 */
export const LAYOFF_WORDS = {
  verbs: ['cut', 'eliminate', 'lay off', 'shed', 'axe', 'ax', 'slash', 'reduce', 'trim', 'fire', 'let go', 'furlough'],
  /** What is cut when jobs are. */
  jobs: ['job', 'role', 'position', 'employee', 'staff', 'people', 'person', 'worker', 'workforce', 'headcount', 'staffer', 'post'],
  /** Nouns of cuts that carry their count ("1,000 layoffs", "job cuts"). */
  nouns: ['layoff', 'redundancy', 'cut', 'reduction'],
  /** What a share is a share of. */
  whole: ['workforce', 'staff', 'employee', 'people', 'worker', 'headcount', 'team'],
  /** A place the cut falls in ("at its studio division", "in the unit"). */
  where: ['at', 'in', 'across', 'within'],
};

export interface FoundLayoff {
  /** The sentence that states it. */
  start: number;
  end: number;
  quote: string;
  organizations: EntityRef[];
  headcount: FoundAmount['quantity'];
  shareOfWorkforce: number | null;
  announced: FuzzyDate | null;
  evidence: { verb: string; headcount: FoundAmount | null; share: FoundAmount | null; date: string | null };
  /** Later sentences that restate the same cut: their offsets and quotes. */
  restatements: Array<{ start: number; end: number; quote: string }>;
  announcedBy: EntityRef | null;
  channels: string[];
  regions: Array<{ market: EntityRef; notified: FuzzyDate | null }>;
}

const is = (words: readonly string[], lemma: string) => words.includes(lemma);

interface Cut {
  /** The word that says it (the verb, or the noun of cuts). */
  word: Token;
  /** The clause it belongs to. */
  clause: Token;
  jobs: Token;
  count?: FoundAmount;
  share?: FoundAmount;
}

export function readLayoffs(view: SentenceView): FoundLayoff[] {
  const tree = view.tree;
  const cuts: Cut[] = [];
  for (const v of view.tokens) {
    if (v.pos === 'VERB' && is(LAYOFF_WORDS.verbs, verbLemma(tree, v))) {
      // "more than 11,000 jobs, or about 13% of its workforce": the count and the share of one cut.
      const cut: Partial<Cut> = { word: v, clause: v };
      for (const p of patients(tree, v).flatMap((x) => [...tree.withConjuncts(x), ...tree.children(x, 'appos')])) {
        const found = jobsOf(view, p);
        if (!found) continue;
        cut.jobs ??= found.jobs;
        cut.count ??= found.count;
        cut.share ??= found.share;
      }
      // "reduce its workforce by 10%"
      if (cut.jobs && !cut.share)
        cut.share = tree
          .prepObjects(v, 'by')
          .map((o) => percentIn(view, o))
          .find(Boolean);
      if (cut.jobs) cuts.push(cut as Cut);
      // "cut 600 jobs in January and 200 roles in its podcast unit in June": a second cut joined to the verb.
      for (const c of tree.children(v, 'conj')) {
        const found = c.pos === 'NOUN' ? jobsOf(view, c) : null;
        if (found?.count) cuts.push({ word: v, clause: v, ...found });
      }
    } else if (v.pos === 'NOUN' && is(LAYOFF_WORDS.nouns, v.lemma)) {
      // "1,000 layoffs", "job cuts", "cuts of 500 jobs"; a cut told before ("the cuts") has no count and no jobs.
      const jobWord = tree.children(v, 'compound').find((c) => is(LAYOFF_WORDS.jobs, c.lemma));
      let count = tree
        .children(v, 'nummod', 'quantmod')
        .map((n) => countIn(view, n))
        .find(Boolean);
      let share: FoundAmount | undefined;
      const ofJobs = tree
        .prepObjects(v, 'of')
        .map((o) => jobsOf(view, o))
        .find(Boolean);
      if (ofJobs) ({ count, share } = { count: ofJobs.count ?? count, share: ofJobs.share });
      if (!count && !share && !(jobWord && v.lemma === 'cut' && tree.child(v, 'det')?.lemma !== 'the')) continue;
      if (v.lemma !== 'layoff' && v.lemma !== 'redundancy' && !jobWord && !ofJobs) continue;
      cuts.push({ word: v, clause: tree.head(v) ?? v, jobs: v, count, share });
    }
  }
  const out: FoundLayoff[] = [];
  for (const cut of cuts) {
    const { word, clause, jobs, count, share } = cut;
    let organizations = (clause !== word || word.pos === 'VERB' ? agents(tree, clause) : []).flatMap((a) => view.entities(a, 'Organization'));
    if (!organizations.length) organizations = tree.children(jobs, 'poss').flatMap((p) => view.entities(p, 'Organization'));
    // Units of the one that cuts, named as where the cut falls, are those that cut.
    const unitsOf = (t: Token) => tree.prepObjects(t, ...LAYOFF_WORDS.where).flatMap((o) => view.entities(o, 'Organization'));
    const siblings = cuts.filter((c) => c.clause === clause);
    const units = [...(siblings.length > 1 ? [] : unitsOf(clause)), ...unitsOf(jobs)].filter(
      (u) => view.mention(view.tokens.find((t) => t.start >= u.start && t.end <= u.end)!) && !organizations.some((o) => o.id === u.id),
    );
    if (units.length && organizations.length <= 1) organizations = units;
    if (!organizations.length) continue;
    const speech = tree.ancestors(clause).find((a) => SPEECH_VERBS.has(a.lemma));
    // Two cuts of one verb take the dates written after each ("in January", "in June").
    const next = siblings[siblings.indexOf(cut) + 1]?.jobs.i ?? Infinity;
    const clauseDates = datesOf(view, clause);
    const date =
      (siblings.length > 1 ? clauseDates.find((d) => d.token.i > jobs.i && d.token.i < next) : clauseDates[0]) ??
      (speech ? datesOf(view, speech)[0] : undefined);
    const anchor = [count, share].find(Boolean);
    const quoteStart = anchor ? Math.max(view.sentence.start, tokenStartBefore(view, anchor.start - 80)) : view.sentence.start;
    const quoteEnd = lastTokenEnd(view, quoteStart + MAX_QUOTE);
    out.push({
      start: view.sentence.start,
      end: view.sentence.end,
      quote: view.text(quoteStart, quoteEnd),
      organizations,
      headcount: count ? count.quantity : { qualifier: 'UNKNOWN', text: 'number not given' },
      shareOfWorkforce: share?.quantity.value ?? null,
      announced: date?.date ?? null,
      evidence: { verb: view.span(word, word), headcount: count ?? null, share: share ?? null, date: date ? view.span(date.token, date.token) : null },
      restatements: [],
      announcedBy: speakerOf(view, clause),
      channels: [],
      regions: [],
    });
  }
  return out;
}

/** Jobs a token is, or holds ("10% of its workforce", "hundreds of jobs"): the job noun, its count and the share. */
function jobsOf(view: SentenceView, t: Token): { jobs: Token; count?: FoundAmount; share?: FoundAmount } | null {
  const tree = view.tree;
  if (is(LAYOFF_WORDS.jobs, t.lemma)) {
    const count = [...tree.children(t, 'nummod', 'quantmod', 'amod'), t].map((n) => countIn(view, n)).find(Boolean);
    return { jobs: t, count };
  }
  // "hundreds of jobs", "10% of its workforce", "about 5% of the roughly 8,000 people who work in the unit"
  const of = tree.prepObjects(t, 'of').find((o) => is(LAYOFF_WORDS.jobs, o.lemma));
  if (!of) return null;
  const percent = percentIn(view, t);
  if (percent && is(LAYOFF_WORDS.whole, of.lemma)) return { jobs: of, share: percent };
  const count = countIn(view, t);
  return count ? { jobs: of, count } : null;
}

function countIn(view: SentenceView, t: Token): FoundAmount | undefined {
  const a = view.amount(t);
  return a?.kind === 'COUNT' ? a : undefined;
}

function percentIn(view: SentenceView, t: Token): FoundAmount | undefined {
  return [t, ...view.tree.children(t, 'nummod', 'quantmod', 'compound')].map((u) => view.amount(u)).find((a) => a?.kind === 'PERCENT');
}

/** A person who says the cut ("..., chief executive Bob Iger said on Wednesday"). */
function speakerOf(view: SentenceView, clause: Token): EntityRef | null {
  for (const a of [clause, ...view.tree.ancestors(clause)]) {
    if (!SPEECH_VERBS.has(a.lemma)) continue;
    const person = view.entity(view.tree.child(a, 'nsubj'), 'Person');
    if (person) return person;
  }
  // "X said" as a parenthetical ("... will cut 7,000 jobs, Iger said"): the saying governs the clause.
  for (const s of view.tokens) {
    if (!SPEECH_VERBS.has(s.lemma) || !view.tree.within(clause, s)) continue;
    const person = view.entity(view.tree.child(s, 'nsubj'), 'Person');
    if (person) return person;
  }
  return null;
}

const tokenStartBefore = (view: SentenceView, at: number) => view.tokens.find((t) => t.end > at)?.start ?? view.sentence.start;
const lastTokenEnd = (view: SentenceView, limit: number) => Math.max(...view.tokens.filter((t) => t.end <= limit).map((t) => t.end), view.tokens[0].end);

/**
 * What the sentences around a layoff add, and one cut told twice made one: the person who announced
 * it in one of the next three sentences that speaks of cuts; the channels its sentences name; the
 * regions named as where the cut falls, and those a later sentence names for the affected staff
 * ("would inform affected workers in the Americas on Wednesday"), each with the date it gives.
 */
export function completeLayoffs(views: SentenceView[], found: FoundLayoff[]): FoundLayoff[] {
  const layoffs = foldRestatements(found);
  for (const layoff of layoffs) {
    const i = views.findIndex((v) => v.sentence.start === layoff.start);
    const near = views.slice(i, i + 4).filter((v, k) => k === 0 || (/\b(?:cuts?|layoffs?|jobs?|reductions?|headcount)\b/i.test(v.sentence.text) && saying(v)));
    for (const v of near) {
      layoff.announcedBy ??= saying(v);
      if (v === near[0] || saying(v))
        for (const c of CHANNEL_WORDS) if (c.pattern.test(v.sentence.text) && !layoff.channels.includes(c.channel)) layoff.channels.push(c.channel);
    }
    layoff.channels.sort();
    const own = views[i];
    if (own)
      for (const t of own.tokens) {
        const market = own.mention(t)?.type === 'Market' ? own.entity(t, 'Market') : null;
        const head = own.tree.head(t);
        if (market && t.dep === 'pobj' && head && ['in', 'across'].includes(head.lemma) && !layoff.regions.some((r) => r.market.id === market.id))
          layoff.regions.push({ market, notified: null });
      }
  }
  for (const v of views) {
    const affected = v.tokens.find((t) => t.lemma === 'affect' && t.dep === 'amod');
    if (!affected) continue;
    const before = layoffs.filter((l) => l.start < v.sentence.start);
    if (!before.length) continue;
    const speaker = saying(v);
    const layoff = before.find((l) => speaker && l.announcedBy?.id === speaker.id) ?? before[before.length - 1];
    const markets = v.tokens.filter((t) => t.i > affected.i && v.mention(t)?.type === 'Market' && v.tokens[t.i - 1]?.lemma !== 'affect');
    markets.forEach((t, k) => {
      const market = v.entity(t, 'Market')!;
      const next = markets[k + 1]?.start ?? Infinity;
      const date = v.tokens.map((u) => v.date(u)).find((d) => d && d.start > t.start && d.start < next)?.date ?? null;
      if (!layoff.regions.some((r) => r.market.id === market.id)) layoff.regions.push({ market, notified: date });
    });
  }
  return layoffs;
}

/** The person a sentence has saying something ("Hopkins wrote", "Iger said"). */
function saying(view: SentenceView): EntityRef | null {
  for (const s of view.tokens) {
    if (!SPEECH_VERBS.has(s.lemma) && !['inform', 'announce'].includes(s.lemma)) continue;
    const person = view.entity(view.tree.child(s, 'nsubj'), 'Person');
    if (person) return person;
  }
  return null;
}

/** The whole-number interval a stated headcount allows; unknown allows anything. */
function interval(q: FoundAmount['quantity']): [number, number] {
  if (q.qualifier === 'UNKNOWN') return [0, Infinity];
  const low = q.min ?? q.value ?? 0;
  const high = q.max ?? (q.qualifier === 'MORE_THAN' || q.qualifier === 'AT_LEAST' ? Infinity : (q.value ?? Infinity));
  return [q.minExclusive ? Math.floor(low) + 1 : low, q.maxExclusive ? Math.ceil(high) - 1 : high];
}

/** Which of two statements of one cut to keep: a figure over words ("just over 500" over "hundreds"), then the narrower. */
const precision = (q: FoundAmount['quantity']): [number, number] => {
  const [low, high] = interval(q);
  return [/\d/.test(q.text ?? '') ? 0 : 1, high - low];
};
const preciser = (a: FoundAmount['quantity'], b: FoundAmount['quantity']) => {
  const [pa, pb] = [precision(a), precision(b)];
  return pa[0] < pb[0] || (pa[0] === pb[0] && pa[1] < pb[1]);
};

/**
 * Folds restatements into the first statement ("just over 500 roles", later "more than 500 jobs"): the
 * same organization named first, a figure in one of them (two "hundreds" fold only when they name the
 * very same units together), intervals that meet, dates that do not contradict; the more precise
 * figure and the known date are kept, every quote stays.
 */
/** What folding needs of a layoff statement, whichever reader made it. */
interface Statement {
  start: number;
  end: number;
  quote: string;
  organizations: Array<{ id: string }>;
  headcount: FoundAmount['quantity'];
  shareOfWorkforce: number | null;
  announced: FuzzyDate | null;
  evidence: { headcount: FoundAmount | null };
  restatements: Array<{ start: number; end: number; quote: string }>;
  announcedBy?: EntityRef | null;
}

export function foldRestatements<T extends Statement>(proposals: T[]): T[] {
  const out: T[] = [];
  for (const p of proposals) {
    const same = out.find((q) => {
      if (q.organizations[0].id !== p.organizations[0].id) return false;
      const sameSet = q.organizations.length > 1 && q.organizations.map((o) => o.id).join() === p.organizations.map((o) => o.id).join();
      if (!/\d/.test(q.headcount.text ?? '') && !/\d/.test(p.headcount.text ?? '') && !sameSet) return false;
      const [a1, b1] = interval(q.headcount);
      const [a2, b2] = interval(p.headcount);
      const datesMeet = !q.announced || !p.announced || (q.announced.earliest! <= p.announced.latest! && p.announced.earliest! <= q.announced.latest!);
      return a1 <= b2 && a2 <= b1 && datesMeet;
    });
    if (!same) {
      out.push(p);
      continue;
    }
    if (preciser(p.headcount, same.headcount)) {
      same.restatements.push({ start: same.start, end: same.end, quote: same.quote });
      Object.assign(same, {
        start: p.start,
        end: p.end,
        quote: p.quote,
        headcount: p.headcount,
        evidence: { ...same.evidence, headcount: p.evidence.headcount },
      });
    } else same.restatements.push({ start: p.start, end: p.end, quote: p.quote });
    same.shareOfWorkforce ??= p.shareOfWorkforce;
    same.announced ??= p.announced;
    if (p.announcedBy) same.announcedBy ??= p.announcedBy;
  }
  return out;
}
