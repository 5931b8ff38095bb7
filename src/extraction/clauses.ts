import type { FoundAmount } from './amounts';
import type { FoundDate } from './dates';
import type { EntityType, Mention } from './gazetteer';
import type { Sentence } from './text';

/**
 * A sentence with what it names masked as tokens (organizations ⟦O0⟧, people ⟦P1⟧, markets ⟦M2⟧,
 * amounts ⟦A3⟧, dates ⟦D4⟧), so that a fact's pattern is written once over the sentence's shape
 * ("{org:acquirer} purchased {org:target}") whatever the names' lengths. A match maps back to offsets
 * in the article. Names the graph does not know are read from the capitalized words a slot holds.
 */
export type SlotKind = 'O' | 'P' | 'M' | 'A' | 'D';
const KIND_OF: Record<EntityType, SlotKind> = { Organization: 'O', Person: 'P', Market: 'M' };

export interface Slot {
  token: string;
  kind: SlotKind;
  /** Offsets in the article. */
  start: number;
  end: number;
  mention?: Mention;
  amount?: FoundAmount;
  date?: FoundDate;
  /** Where the token stands in the masked text. */
  at: number;
}

export interface Masked {
  sentence: Sentence;
  text: string;
  slots: Slot[];
}

export function mask(sentence: Sentence, mentions: Mention[], amounts: FoundAmount[], dates: FoundDate[]): Masked {
  const inside = <T extends { start: number; end: number }>(x: T) => x.start >= sentence.start && x.end <= sentence.end;
  type Item = Omit<Slot, 'token' | 'at'>;
  const items: Item[] = [
    ...mentions.filter(inside).map((m): Item => ({ kind: KIND_OF[m.type], start: m.start, end: m.end, mention: m })),
    ...dates.filter(inside).map((d): Item => ({ kind: 'D', start: d.start, end: d.end, date: d })),
    ...amounts.filter(inside).map((a): Item => ({ kind: 'A', start: a.start, end: a.end, amount: a })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const slots: Slot[] = [];
  let text = '';
  let from = sentence.start;
  const article = sentence.text;
  for (const item of items) {
    if (item.start < from) continue; // overlaps one already masked
    text += article.slice(from - sentence.start, item.start - sentence.start);
    const token = `⟦${item.kind}${slots.length}⟧`;
    slots.push({ ...item, token, at: text.length });
    text += token;
    from = item.end;
  }
  text += article.slice(from - sentence.start);
  return { sentence, text, slots };
}

/** The article offset of a position in the masked text. */
export function toArticle(masked: Masked, at: number): number {
  let shift = masked.sentence.start;
  for (const s of masked.slots) {
    if (s.at >= at) break;
    if (at < s.at + s.token.length) return s.start; // inside a token: its start
    shift += s.end - s.start - s.token.length;
  }
  return at + shift;
}

export function slotAt(masked: Masked, token: string): Slot | undefined {
  return masked.slots.find((s) => s.token === token);
}

/** The slots inside a stretch of masked text. */
export function slotsIn(masked: Masked, text: string): Slot[] {
  return [...text.matchAll(/⟦[OPMAD]\d+⟧/g)].map((m) => slotAt(masked, m[0])!).filter(Boolean);
}

/** A name the graph does not know, as a slot may hold it: capitalized words (or one such as iRobot), "of" and "and" between them. */
export const NEW_NAME = String.raw`(?:[A-Z](?:[\w&'’.-]*[\w&])?|[a-z][A-Z][\w&'’.-]*[\w&])(?:\s+(?:(?:of|and|&|de)\s+)?[A-Z][\w&'’.-]*[\w&.]){0,5}`;
/** A person's name the graph does not know: a first name, an initial perhaps, one or two family names. */
export const NEW_PERSON = String.raw`[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’-]*[a-z]){1,2}`;

/** Slot syntax of the patterns: `{org:acquirer}` is an organization (masked or new) captured as `acquirer`. */
const SLOT_PATTERNS: Record<string, (group: string) => string> = {
  org: (g) => `(?<${g}>⟦O\\d+⟧|${NEW_NAME})`,
  knownOrg: (g) => `(?<${g}>⟦O\\d+⟧)`,
  person: (g) => `(?<${g}>⟦P\\d+⟧|${NEW_PERSON})`,
  market: (g) => `(?<${g}>⟦M\\d+⟧|${NEW_NAME})`,
  knownMarket: (g) => `(?<${g}>⟦M\\d+⟧)`,
  amount: (g) => `(?<${g}>⟦A\\d+⟧)`,
  date: (g) => `(?<${g}>⟦D\\d+⟧)`,
};

/** Compiles a pattern written with slots into a regular expression over masked text. */
export function compile(pattern: string, extra: Record<string, string> = {}): RegExp {
  const source = pattern
    .replace(/\{(\w+):(\w+)\}/g, (_, kind: string, group: string) => {
      const make = SLOT_PATTERNS[kind];
      if (!make) throw new Error(`unknown slot kind "${kind}" in pattern ${pattern}`);
      return make(group);
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in extra)) throw new Error(`unknown pattern part "{${name}}" in ${pattern}`);
      return extra[name];
    });
  return new RegExp(source, 'gd');
}
