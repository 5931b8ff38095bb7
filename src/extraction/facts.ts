import type { FuzzyDate } from '../ingest/dates-and-quantities';
import type { FoundAmount } from './amounts';
import { compile, Masked, slotAt, toArticle } from './clauses';
import type { EntityType } from './gazetteer';
import {
  ACQUISITION_PATTERNS,
  ANNOUNCED_CUE,
  COMPLETED_CUE,
  COMPLETED_WORDS,
  DONE_VERB,
  FORMER_NAME_PATTERNS,
  HEADQUARTERS_PATTERNS,
  METRIC_PATTERNS,
  ORGANIZATION_STATISTICS,
  OWNERSHIP_KIND_OF_NOUN,
  OWNERSHIP_PATTERNS,
  PARTS,
  PRESENCE_PATTERNS,
  PRICE_CUE,
  REASON,
  ROLE_PATTERNS,
  TITLES,
} from './patterns';

import { newEntityId, type Context, type EntityRef } from './reading/sentence-view';
import { MAX_QUOTE, type Finding, type FindingType } from './facts/finding';
import { titleCase } from './facts/role';

/**
 * The facts a sentence states besides layoffs (those are in layoffs.ts): roles, acquisitions,
 * ownership, market entries and exits, headquarters, former names and statistics, each read by the
 * patterns of patterns.ts from the masked sentence. A finding names its entities (known to the graph
 * or new), the fields the import format gives the fact, and the passage and quote that state it.
 */
export type { EntityRef, Context } from './reading/sentence-view';
export type { Finding, FindingType } from './facts/finding';
export { newEntityId } from './reading/sentence-view';

const compiled = new Map<string, RegExp>();
const regex = (pattern: string) => {
  let r = compiled.get(pattern);
  if (!r) compiled.set(pattern, (r = compile(pattern, PARTS)));
  r.lastIndex = 0;
  return r;
};

/** A new entity's name as written: without a leading "the", a trailing possessive or full stop. */
export function cleanName(text: string): string {
  return text
    .replace(/^(?:the|The)\s+/, '')
    .replace(/[,.]$/, (c) => (/\b(?:Inc|Co|Corp|Ltd|Bros)\.$/.test(text) ? c : ''))
    .trim();
}

interface Match {
  groups: Record<string, string | undefined>;
  indices: Record<string, [number, number] | undefined>;
  start: number;
  end: number;
}

function* matches(masked: Masked, pattern: string): Generator<Match> {
  for (const m of masked.text.matchAll(regex(pattern))) {
    yield { groups: m.groups ?? {}, indices: (m.indices?.groups ?? {}) as Match['indices'], start: m.index, end: m.index + m[0].length };
  }
}

function entity(masked: Masked, match: Match, group: string, type: EntityType): EntityRef | null {
  const text = match.groups[group];
  const at = match.indices[group];
  if (!text || !at) return null;
  const slot = slotAt(masked, text);
  if (slot?.mention) {
    if (slot.mention.type !== type) return null;
    return { id: slot.mention.id, type, name: slot.mention.name, known: !slot.mention.id.startsWith('new:'), start: slot.start, end: slot.end };
  }
  if (/⟦/.test(text)) return null;
  const name = cleanName(text);
  // One capital letter is a name ("X"), unless it is a word ("A", "I").
  if (!name || (type !== 'Person' && name.split(/\s+/).every((w) => NOT_ENTITY_WORDS.has(w)))) return null;
  const start = toArticle(masked, at[0]) + text.indexOf(name);
  return { id: newEntityId(type, name), type, name, known: false, start, end: start + name.length };
}

/** Capitalized words that open a clause rather than name something new. */
const NOT_ENTITY_WORDS = new Set('The A An I It Its He She They This That Industry Experts Analysts Officials Shares Sales Revenue Job Jobs'.split(' '));

function quoteOf(masked: Masked, match: Match): { quote: string; quoteStart: number } {
  const start = toArticle(masked, match.start);
  const end = Math.min(toArticle(masked, match.end - 1) + 1 + trailingSlotLength(masked, match.end), start + MAX_QUOTE);
  return { quote: articleText(masked, start, end), quoteStart: start };
}

/** A match ending inside a token ends where the token's words end in the article. */
function trailingSlotLength(masked: Masked, end: number): number {
  const slot = masked.slots.find((s) => s.at < end && end <= s.at + s.token.length);
  return slot ? slot.end - slot.start - 1 : 0;
}

const articleText = (masked: Masked, start: number, end: number) => masked.sentence.text.slice(start - masked.sentence.start, end - masked.sentence.start);

function amountAt(masked: Masked, match: Match, group: string): FoundAmount | undefined {
  const token = match.groups[group];
  return token ? slotAt(masked, token)?.amount : undefined;
}
function dateAt(masked: Masked, match: Match, group: string): FuzzyDate | undefined {
  const token = match.groups[group];
  return token ? slotAt(masked, token)?.date?.date : undefined;
}

/** The first organization the sentence names (its subject, as news writes): "its subsidiary" is this one's. */
export function firstOrganization(masked: Masked, before: number): EntityRef | null {
  const slot = masked.slots.find((s) => s.kind === 'O' && s.at < before && s.mention);
  if (!slot?.mention) return null;
  return { id: slot.mention.id, type: 'Organization', name: slot.mention.name, known: !slot.mention.id.startsWith('new:'), start: slot.start, end: slot.end };
}

/** Dates of the sentence after `from` (masked offsets), each with the words before it. */
function datesAfter(masked: Masked, from: number) {
  return masked.slots
    .filter((s) => s.kind === 'D' && s.at >= from)
    .map((s) => ({ date: s.date!.date, before: masked.text.slice(Math.max(0, s.at - 60), s.at) }));
}

function finding(type: FindingType, masked: Masked, match: Match, pattern: string, refs: Record<string, EntityRef>, fields: Record<string, unknown>): Finding {
  return { type, refs, fields, start: masked.sentence.start, end: masked.sentence.end, ...quoteOf(masked, match), pattern };
}

export function roleTypeOf(title: string): string {
  const words = title.replace(/^(?:former|interim|new|then)\s+/i, '');
  return TITLES.find((t) => new RegExp(`^(?:${t.words})\\b`, 'i').test(words))?.roleType ?? 'OTHER';
}

function roles(masked: Masked, context: Context): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const p of ROLE_PATTERNS) {
    for (const m of matches(masked, p.pattern)) {
      const person = entity(masked, m, 'person', 'Person');
      const org = p.orgFromSentence
        ? (entity(masked, m, 'org', 'Organization') ?? firstOrganization(masked, m.start) ?? context.subject)
        : entity(masked, m, 'org', 'Organization');
      const title = /founded$/.test(m.groups.title!) ? m.groups.title!.replace(/ed$/, 'er') : m.groups.title!;
      if (!person || !org || seen.has(person.id) || /^(?:former|then)\b/i.test(title)) continue;
      seen.add(person.id);
      const since = p.starts ? datesAfter(masked, m.end)[0]?.date : undefined;
      out.push(
        finding(
          'Role',
          masked,
          m,
          p.pattern,
          { person, organization: org },
          { title: titleCase(title), roleType: roleTypeOf(title), ...(since ? { since } : {}) },
        ),
      );
    }
  }
  return out;
}

function acquisitions(masked: Masked, context: Context): Finding[] {
  const out: Finding[] = [];
  for (const p of ACQUISITION_PATTERNS) {
    for (const m of matches(masked, p.pattern)) {
      const acquirer =
        entity(masked, m, 'acquirer', 'Organization') ??
        (p.acquirerFromSentence ? (/the\s+company/.test(masked.text.slice(m.start, m.end)) ? context.main : firstOrganization(masked, m.start)) : null);
      const target = entity(masked, m, 'target', 'Organization');
      if (!acquirer || !target || acquirer.id === target.id) continue;
      if (out.some((f) => f.refs.target.id === target.id)) continue;
      const status = p.status === 'ANNOUNCED' && COMPLETED_WORDS.test(masked.text) ? 'COMPLETED' : p.status;
      // The price: a money amount the sentence gives after a cue ("for $970 million"), or inline ("its $68.7 billion acquisition").
      const inline = amountAt(masked, m, 'inline');
      const priced = masked.slots.find((s) => s.amount?.kind === 'MONEY' && PRICE_CUE.test(masked.text.slice(Math.max(0, s.at - 40), s.at)));
      const price = inline?.kind === 'MONEY' ? inline : priced?.amount;
      const fields: Record<string, unknown> = { status };
      if (price)
        fields.price = {
          amount: price.quantity.value ?? price.quantity.min ?? price.quantity.max,
          currency: price.currency,
          qualifier: price.quantity.qualifier,
          text: price.text,
        };
      for (const d of masked.slots.filter((s) => s.kind === 'D')) {
        const before = masked.text.slice(Math.max(0, d.at - 60), d.at);
        const which = COMPLETED_CUE.test(before) ? 'completed' : ANNOUNCED_CUE.test(before) ? 'announced' : status === 'COMPLETED' ? 'completed' : 'announced';
        fields[which] ??= d.date!.date;
      }
      out.push(finding('Acquisition', masked, m, p.pattern, { acquirer, target }, fields));
    }
  }
  return out;
}

function ownership(masked: Masked): Finding[] {
  const out: Finding[] = [];
  for (const p of OWNERSHIP_PATTERNS) {
    for (const m of matches(masked, p.pattern)) {
      const child = entity(masked, m, 'child', 'Organization');
      const parent = p.parentFromSentence ? firstOrganization(masked, m.start) : entity(masked, m, 'parent', 'Organization');
      if (p.childIsUnit && !/\b(?:unit|division|arm|segment)$/i.test(slotAt(masked, m.groups.child!)?.mention?.text ?? '')) continue;
      if (!child || !parent || child.id === parent.id || out.some((f) => f.refs.child.id === child.id)) continue;
      const kind = p.kind ?? OWNERSHIP_KIND_OF_NOUN[(m.groups.noun ?? '').toLowerCase()] ?? 'SUBSIDIARY';
      out.push(finding('Ownership', masked, m, p.pattern, { child, parent }, { kind }));
    }
  }
  return out;
}

function presences(masked: Masked): Finding[] {
  const out: Finding[] = [];
  for (const p of PRESENCE_PATTERNS) {
    for (const m of matches(masked, p.pattern)) {
      const org = entity(masked, m, 'org', 'Organization');
      const market = entity(masked, m, 'market', 'Market');
      if (!org || !market || out.some((f) => f.refs.organization.id === org.id && f.refs.market.id === market.id)) continue;
      const verb = (m.groups.verb ?? '').toLowerCase();
      const done = DONE_VERB.test(verb);
      const status = p.status ?? (p.exit ? (done ? 'EXITED' : 'EXITING') : done ? 'ACTIVE' : 'ENTERING');
      const fields: Record<string, unknown> = { status };
      const reason = REASON.exec(masked.text.slice(m.end));
      if (reason && !/⟦/.test(reason[1])) fields[p.exit ? 'exitReason' : 'entryReason'] = reason[1].trim();
      const date = masked.slots.find((s) => s.kind === 'D')?.date?.date;
      if (date && p.exit && !done) fields.exitAnnounced = date;
      if (date && p.exit && done) fields.until = date;
      if (date && !p.exit && (p.status !== 'ACTIVE' || /opened/.test(p.pattern))) fields.since = date;
      out.push(finding('MarketPresence', masked, m, p.pattern, { organization: org, market }, fields));
    }
  }
  return out;
}

function headquarters(masked: Masked): Finding[] {
  const out: Finding[] = [];
  for (const pattern of HEADQUARTERS_PATTERNS) {
    for (const m of matches(masked, pattern)) {
      const org = entity(masked, m, 'org', 'Organization');
      const market = entity(masked, m, 'market', 'Market');
      if (org && market && !out.some((f) => f.refs.organization.id === org.id))
        out.push(finding('Headquarters', masked, m, pattern, { organization: org, market }, {}));
    }
  }
  return out;
}

function formerNames(masked: Masked): Finding[] {
  const out: Finding[] = [];
  for (const { pattern } of FORMER_NAME_PATTERNS) {
    for (const m of matches(masked, pattern)) {
      const org = entity(masked, m, 'org', 'Organization');
      const former = entity(masked, m, 'former', 'Organization');
      if (!org || !former) continue;
      // A former name the graph already gives the organization as an alias is the same entity.
      const formerName = cleanName(articleText(masked, former.start, former.end));
      out.push(finding('FormerName', masked, m, pattern, { organization: org }, { formerName }));
    }
  }
  return out;
}

function statistics(masked: Masked, previous: Finding | null): Finding[] {
  const out: Finding[] = [];
  for (const p of METRIC_PATTERNS) {
    for (const m of matches(masked, p.pattern)) {
      const value = amountAt(masked, m, 'value');
      const period = dateAt(masked, m, 'period');
      if (!value || value.kind !== 'COUNT' || !period) continue;
      if (p.basis === 'ACTUAL') {
        const market = entity(masked, m, 'market', 'Market');
        if (!market) continue;
        const what = `${m.groups.what!.trim()}${m.groups.verbed ? ` ${m.groups.verbed}` : ''}`;
        const name = what.charAt(0).toUpperCase() + what.slice(1);
        out.push(
          finding(
            'MarketMetric',
            masked,
            m,
            p.pattern,
            { market },
            { name, unit: m.groups.what!.trim().split(/\s+/).pop(), basis: p.basis, period, value: value.quantity },
          ),
        );
      } else if (previous?.type === 'MarketMetric') {
        // A forecast of the statistic the text has just given ("only 400 will be made this year").
        out.push(finding('MarketMetric', masked, m, p.pattern, previous.refs, { ...previous.fields, basis: p.basis, period, value: value.quantity }));
      }
    }
  }
  for (const p of ORGANIZATION_STATISTICS) {
    for (const m of matches(masked, p.pattern)) {
      const org = entity(masked, m, 'org', 'Organization');
      const value = amountAt(masked, m, 'value');
      if (!org || !value || value.kind !== 'COUNT') continue;
      const date = masked.slots.find((s) => s.kind === 'D')?.date?.date;
      out.push(finding('Statistic', masked, m, p.pattern, { subject: org }, { property: p.property, quantity: value.quantity, ...(date ? { date } : {}) }));
    }
  }
  return out;
}

/** The facts of one masked sentence; `previous` is the last statistic found before it. */
export function findFacts(masked: Masked, previous: Finding | null, context: Context): Finding[] {
  return [
    ...roles(masked, context),
    ...acquisitions(masked, context),
    ...ownership(masked),
    ...presences(masked),
    ...headquarters(masked),
    ...formerNames(masked),
    ...statistics(masked, previous),
  ];
}
