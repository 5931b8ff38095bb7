/**
 * Fuzzy dates and approximate quantities, as the sources state them. A date is an interval
 * (earliest, latest) with a precision and the original text; a quantity is a best value (or none)
 * with lower and upper bounds, either of which may be open. Unknown stays unknown, never 0.
 */

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'QUARTER', 'YEAR', 'DECADE', 'RANGE'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface FuzzyDate {
  earliest: string | null;
  latest: string | null;
  precision: DatePrecision;
  text: string | null;
}

export const QUANTITY_QUALIFIERS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'MORE_THAN', 'AT_MOST', 'LESS_THAN', 'RANGE', 'UNKNOWN'] as const;
export type QuantityQualifier = (typeof QUANTITY_QUALIFIERS)[number];

export interface Quantity {
  value: number | null;
  min: number | null;
  max: number | null;
  minExclusive: boolean;
  maxExclusive: boolean;
  qualifier: QuantityQualifier;
  text: string | null;
}

/**
 * A quantity as a person reads it: the source's own words when it gave them ("just over 500",
 * "hundreds"), else told from the whole statement, which is all a data set such as WARN's notices
 * gives: "143", "about 1,000", "more than 27,000", "100-200", "number not given". The explorer's
 * captions, the timeline's summaries and the API's Quantity.label use it.
 */
export function describeQuantity(q: Pick<Quantity, 'value' | 'min' | 'max' | 'qualifier' | 'text'> | null): string {
  const n = (x: number | null) => (x === null ? '?' : x.toLocaleString('en-US'));
  if (!q) return 'number not given';
  if (q.text) return q.text;
  switch (q.qualifier) {
    case 'EXACT':
      return n(q.value);
    case 'APPROXIMATE':
      return q.value !== null || q.min === null || q.max === null ? `about ${n(q.value ?? q.min ?? q.max)}` : `about ${n(q.min)}-${n(q.max)}`;
    case 'AT_LEAST':
      return `at least ${n(q.min)}`;
    case 'MORE_THAN':
      return `more than ${n(q.min)}`;
    case 'AT_MOST':
      return `at most ${n(q.max)}`;
    case 'LESS_THAN':
      return `fewer than ${n(q.max)}`;
    case 'RANGE':
      if (q.min !== null && q.max !== null) return `${n(q.min)}-${n(q.max)}`;
      return q.min !== null ? `at least ${n(q.min)}` : q.max !== null ? `at most ${n(q.max)}` : 'number not given';
    case 'UNKNOWN':
      return 'number not given';
  }
}

/** The type of a stored part: what the bulk importer's column and a reader make of it. */
export type StoredPartType = 'date' | 'string' | 'number' | 'boolean';

/** A stored form: each part of a value kept as a flat property named by the field and the part's suffix. */
export interface StoredForm<Part extends string> {
  /** The part every stored value has: a value is stored when (and only when) this property is. */
  readonly marker: Part;
  readonly parts: { readonly [P in Part]: { readonly suffix: string; readonly type: StoredPartType } };
}

/**
 * How a fuzzy date is stored: flat properties of its node or relationship, the field's name and a
 * suffix (announcedEarliest, announcedLatest, announcedPrecision, announcedText). Written once:
 * storing, reading back, the export, the bulk importer's columns and the lookahead derive from it.
 */
export const STORED_DATE: StoredForm<keyof FuzzyDate> = {
  marker: 'precision',
  parts: {
    earliest: { suffix: 'Earliest', type: 'date' },
    latest: { suffix: 'Latest', type: 'date' },
    precision: { suffix: 'Precision', type: 'string' },
    text: { suffix: 'Text', type: 'string' },
  },
};

/** A quantity's parts as stored: the statement, and the whole-number bounds derived from it (low, high). */
export type StoredQuantityPart = keyof Quantity | 'low' | 'high';

/** How a quantity is stored (headcountValue, headcountMin, ..., headcountLow, headcountHigh), as STORED_DATE. */
export const STORED_QUANTITY: StoredForm<StoredQuantityPart> = {
  marker: 'qualifier',
  parts: {
    value: { suffix: 'Value', type: 'number' },
    min: { suffix: 'Min', type: 'number' },
    max: { suffix: 'Max', type: 'number' },
    minExclusive: { suffix: 'MinExclusive', type: 'boolean' },
    maxExclusive: { suffix: 'MaxExclusive', type: 'boolean' },
    qualifier: { suffix: 'Qualifier', type: 'string' },
    text: { suffix: 'Text', type: 'string' },
    low: { suffix: 'Low', type: 'number' },
    high: { suffix: 'High', type: 'number' },
  },
};

/** Parts of a quantity derived when it is stored, not given. */
export const DERIVED_QUANTITY_PARTS: readonly StoredQuantityPart[] = ['low', 'high'];

const namesByForm = new WeakMap<object, Map<string, Record<string, string>>>();

/** The stored property of each part of a value stored under `prefix` (made once per form and prefix: answers read thousands). */
export function storedNames<Part extends string>(form: StoredForm<Part>, prefix: string): Record<Part, string> {
  let byPrefix = namesByForm.get(form);
  if (!byPrefix) namesByForm.set(form, (byPrefix = new Map<string, Record<string, string>>()));
  let names = byPrefix.get(prefix);
  if (!names) {
    names = Object.fromEntries(Object.entries<{ suffix: string }>(form.parts).map(([part, { suffix }]) => [part, prefix + suffix]));
    byPrefix.set(prefix, names);
  }
  return names as Record<Part, string>;
}

/** A value's parts as the stored properties of its form, under `prefix`. */
function flatten<Part extends string>(form: StoredForm<Part>, prefix: string, parts: Record<Part, unknown>): Record<string, unknown> {
  const names = storedNames(form, prefix);
  return Object.fromEntries((Object.keys(names) as Part[]).map((part) => [names[part], parts[part]]));
}

/** A fuzzy date as its stored properties (STORED_DATE); none for no date. */
export const flattenDate = (prefix: string, date: FuzzyDate | null): Record<string, unknown> => (date ? flatten(STORED_DATE, prefix, date) : {});

/** A quantity as its stored properties (STORED_QUANTITY), with the whole-number bounds it allows; none for no quantity. */
export const flattenQuantity = (prefix: string, q: Quantity | null): Record<string, unknown> =>
  q ? flatten(STORED_QUANTITY, prefix, { ...q, ...countBounds(q) }) : {};

/** A problem with one field of an input record; the importer adds file, line and record. */
export class InputProblem extends Error {
  constructor(
    readonly field: string,
    /** What is wrong with the field, without its name. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InputProblem';
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_YEAR = /^(\d{4})$/;
const ISO_QUARTER = /^(\d{4})-Q([1-4])$/i;
const ISO_DECADE = /^(\d{3})0s$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, d: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

export function isValidIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

/** The interval a calendar expression covers: "2014", "2022-03", "2022-03-17", "2021-Q3", "2010s". */
export function parseCalendar(text: string, field: string): FuzzyDate {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if (ISO_DAY.test(t)) {
    if (!isValidIsoDay(t)) throw new InputProblem(field, `"${text}" is not a calendar date`);
    return { earliest: t, latest: t, precision: 'DAY', text: null };
  }
  if ((m = ISO_MONTH.exec(t))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) throw new InputProblem(field, `"${text}" has no month ${mo}`);
    return { earliest: day(y, mo, 1), latest: day(y, mo, lastDayOfMonth(y, mo)), precision: 'MONTH', text: null };
  }
  if ((m = ISO_QUARTER.exec(t))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const first = (q - 1) * 3 + 1;
    return { earliest: day(y, first, 1), latest: day(y, first + 2, lastDayOfMonth(y, first + 2)), precision: 'QUARTER', text: null };
  }
  if ((m = ISO_YEAR.exec(t))) {
    const y = Number(m[1]);
    return { earliest: day(y, 1, 1), latest: day(y, 12, 31), precision: 'YEAR', text: null };
  }
  if ((m = ISO_DECADE.exec(t))) {
    const y = Number(m[1]) * 10;
    return { earliest: day(y, 1, 1), latest: day(y + 9, 12, 31), precision: 'DECADE', text: null };
  }
  throw new InputProblem(field, `"${text}" is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYY0s)`);
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

function addMonths(iso: string, months: number): { year: number; month: number } {
  const total = yearOf(iso) * 12 + (Number(iso.slice(5, 7)) - 1) + months;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

const SEASONS: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };
const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * Phrases the seed's sources use: "late 2022", "early 2023", and phrases relative to the citing
 * source's publication date ("last month", "last year", "this year", "a decade ago", "3 years ago").
 */
export function parsePhrase(text: string, reference: FuzzyDate | null, field: string): FuzzyDate {
  const t = text.trim().toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /^(early|mid|late)[ -](\d{4})$/.exec(t))) {
    const [from, to] = SEASONS[m[1]];
    const y = Number(m[2]);
    return { earliest: day(y, from, 1), latest: day(y, to, lastDayOfMonth(y, to)), precision: 'RANGE', text };
  }
  const relative =
    /^(last month|this month|last year|this year|next year|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (year|years|decade|decades) ago)$/.exec(
      t,
    );
  if (!relative) {
    throw new InputProblem(field, `cannot read the date phrase "${text}"; give earliest/latest explicitly`);
  }
  if (!reference || !reference.earliest || !reference.latest) {
    throw new InputProblem(field, `"${text}" is relative and needs a citing source with a publication date`);
  }
  // Resolve against both ends of the source's publication interval and keep the hull.
  const resolveAt = (ref: string): [string, string, DatePrecision] => {
    const y = yearOf(ref);
    if (t === 'last month' || t === 'this month') {
      const { year, month } = addMonths(ref, t === 'last month' ? -1 : 0);
      return [day(year, month, 1), day(year, month, lastDayOfMonth(year, month)), 'MONTH'];
    }
    if (t === 'last year') return [day(y - 1, 1, 1), day(y - 1, 12, 31), 'YEAR'];
    if (t === 'this year') return [day(y, 1, 1), day(y, 12, 31), 'YEAR'];
    if (t === 'next year') return [day(y + 1, 1, 1), day(y + 1, 12, 31), 'YEAR'];
    const count = WORD_NUMBERS[relative[2]] ?? Number(relative[2]);
    const years = relative[3].startsWith('decade') ? count * 10 : count;
    // "a decade ago" is a round figure: allow a year either side.
    const slack = relative[3].startsWith('decade') || years >= 5 ? 1 : 0;
    return [day(y - years - slack, 1, 1), day(y - years + slack, 12, 31), slack ? 'RANGE' : 'YEAR'];
  };
  const [e1, l1, p1] = resolveAt(reference.earliest);
  const [e2, l2] = resolveAt(reference.latest);
  const sameUnit = e1 === e2 && l1 === l2;
  return { earliest: e1 < e2 ? e1 : e2, latest: l1 > l2 ? l1 : l2, precision: sameUnit ? p1 : 'RANGE', text };
}

/**
 * Reads a date as a record states it: a calendar string ("2014", "2022-03-17"), or an object with
 * earliest/latest (calendar strings), precision and text; an object with only text is a phrase.
 */
export function parseFuzzyDate(input: unknown, field: string, reference: FuzzyDate | null = null): FuzzyDate {
  if (typeof input === 'string') return parseCalendar(input, field);
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputProblem(field, 'a date is a string such as "2022-03-17" or an object with earliest, latest, precision, text');
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['earliest', 'latest', 'precision', 'text', 'on'].includes(key)) throw new InputProblem(field, `unknown date field "${key}"`);
  }
  const text = o.text === undefined || o.text === null ? null : String(o.text);
  if (o.on !== undefined) {
    return { ...parseCalendar(String(o.on), `${field}.on`), text };
  }
  if (o.earliest === undefined && o.latest === undefined) {
    if (!text) throw new InputProblem(field, 'a date needs earliest, latest, on or text');
    return parsePhrase(text, reference, field);
  }
  const earliest = o.earliest == null ? null : parseCalendar(String(o.earliest), `${field}.earliest`).earliest;
  const latest = o.latest == null ? null : parseCalendar(String(o.latest), `${field}.latest`).latest;
  if (earliest && latest && earliest > latest) {
    throw new InputProblem(field, `earliest (${earliest}) is after latest (${latest})`);
  }
  let precision: DatePrecision = earliest && earliest === latest ? 'DAY' : 'RANGE';
  if (o.precision !== undefined) {
    if (!(DATE_PRECISIONS as readonly string[]).includes(String(o.precision))) {
      throw new InputProblem(`${field}.precision`, `must be one of ${DATE_PRECISIONS.join(', ')}`);
    }
    precision = o.precision as DatePrecision;
  }
  return { earliest, latest, precision, text };
}

export interface QuantityRules {
  nonNegative?: boolean;
  integer?: boolean;
}

/** Reads an amount: a number (exact), or an object with value, min, max, exclusivity, qualifier and text. */
export function parseQuantity(input: unknown, field: string, rules: QuantityRules = {}): Quantity {
  if (typeof input === 'number') input = { value: input, qualifier: 'EXACT' };
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputProblem(field, 'a quantity is a number or an object with value, min, max, qualifier, text');
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['value', 'min', 'max', 'minExclusive', 'maxExclusive', 'qualifier', 'text'].includes(key)) {
      throw new InputProblem(field, `unknown quantity field "${key}"`);
    }
  }
  const num = (key: string): number | null => {
    const v = o[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputProblem(`${field}.${key}`, 'must be a finite number');
    if (rules.nonNegative && v < 0) throw new InputProblem(`${field}.${key}`, `must not be negative, got ${v}`);
    if (rules.integer && !Number.isInteger(v)) throw new InputProblem(`${field}.${key}`, `must be a whole number, got ${v}`);
    return v;
  };
  const value = num('value');
  const min = num('min');
  const max = num('max');
  const qualifier = (o.qualifier ??
    (value !== null && min === null && max === null ? 'EXACT' : min !== null || max !== null ? 'RANGE' : 'UNKNOWN')) as QuantityQualifier;
  if (!(QUANTITY_QUALIFIERS as readonly string[]).includes(qualifier)) {
    throw new InputProblem(`${field}.qualifier`, `must be one of ${QUANTITY_QUALIFIERS.join(', ')}`);
  }
  if (min !== null && max !== null && min > max) throw new InputProblem(field, `min (${min}) is above max (${max})`);
  if (value !== null && ((min !== null && value < min) || (max !== null && value > max))) {
    throw new InputProblem(field, `value (${value}) lies outside min..max`);
  }
  if (qualifier === 'UNKNOWN' && (value !== null || min !== null || max !== null)) {
    throw new InputProblem(field, 'an UNKNOWN quantity has no value or bounds');
  }
  if (qualifier === 'EXACT' && value === null) throw new InputProblem(field, 'an EXACT quantity needs a value');
  const bool = (key: string) => {
    const v = o[key];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw new InputProblem(`${field}.${key}`, 'must be true or false');
    return v;
  };
  return {
    value,
    min: qualifier === 'EXACT' ? value : min,
    max: qualifier === 'EXACT' ? value : max,
    minExclusive: bool('minExclusive'),
    maxExclusive: bool('maxExclusive'),
    qualifier,
    text: o.text === undefined || o.text === null ? null : String(o.text),
  };
}

/** Inclusive whole-number bounds of a count ("more than 27,000" -> low 27,001, no high); null means open or unknown. */
export function countBounds(q: Quantity | null): { low: number | null; high: number | null } {
  if (!q || q.qualifier === 'UNKNOWN') return { low: null, high: null };
  const low = q.min === null ? null : q.minExclusive ? Math.floor(q.min) + 1 : Math.ceil(q.min);
  const high = q.max === null ? null : q.maxExclusive ? Math.ceil(q.max) - 1 : Math.floor(q.max);
  return { low, high };
}
