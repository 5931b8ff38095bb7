import { flattenDate, flattenQuantity, FuzzyDate, InputProblem, parseFuzzyDate, parseQuantity, Quantity, QuantityRules } from './dates-and-quantities';
import { Identifier, identifierKey, readIdentifier } from './identifiers';
import { acronymOf, nameKey } from './names';
import { findValueFault } from './valid-text';
import { FieldSpec, LABEL_OF, OWNERSHIP_RELATIONSHIP, RECORD_SPECS, RECORD_TYPES, RecordType } from './record-types';

/**
 * Validation and storage of the import format's records, driven by their description in
 * record-types.ts: a raw record becomes what the writer stores (node properties, owned relationships,
 * citations, or a parent link) after every field is checked, with a complaint that names the field.
 */

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 120;
/** A quote is a short attributed phrase, never a passage. */
export const MAX_QUOTE_LENGTH = 200;

export interface Citation {
  source: string;
  quote: string | null;
  /** Where in the source the fact is: a data set's row (an LEI, a notice's hash), a page. */
  locator?: string | null;
}

/** A locator names a row or a place in a source, briefly. */
export const MAX_LOCATOR_LENGTH = 200;

export interface Edge {
  type: string;
  /** The record field the edge comes from, to name it in complaints. */
  field?: string;
  to: string;
  /** The label the target must carry. */
  toLabel: string;
  props: Record<string, unknown>;
}

export interface NormalizedRecord {
  type: RecordType;
  id: string;
  label: string;
  props: Record<string, unknown>;
  edges: Edge[];
  citations: Citation[];
  /** External identifiers (Organization, Redirect): stored as :Identifier nodes that identify this one. */
  identifiers: Identifier[];
  /** For Ownership only: the relationship between two organizations that this record is. */
  link?: { relType: string; child: string; parent: string };
}

/** Published dates of sources, to resolve relative phrases ("last month") against the citing source. */
export type SourceDates = ReadonlyMap<string, FuzzyDate | null>;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && SLUG.test(value);
}

export interface Period {
  since: FuzzyDate | null;
  until: FuzzyDate | null;
  /** Derived: the latest publication date of the earliest citing source, stored as attestedLatest. */
  attestedLatest: string | null;
}

/** A period as stored properties: sinceEarliest.., untilEarliest.., attestedLatest (derived, not exported). */
export function flattenPeriod(period: Period): Record<string, unknown> {
  return { ...flattenDate('since', period.since), ...flattenDate('until', period.until), attestedLatest: period.attestedLatest };
}

/** Reads one raw record's fields, each with a precise complaint naming the field when it is wrong. */
class FieldReader {
  private readonly seen = new Set<string>(['type', 'id']);

  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly sourceDates: SourceDates,
  ) {}

  private take(field: string): unknown {
    this.seen.add(field);
    return this.raw[field];
  }

  rejectUnknownFields(): void {
    for (const key of Object.keys(this.raw)) {
      if (!this.seen.has(key)) throw new InputProblem(key, 'is not a field of this record type');
    }
  }

  string(field: string, opts: { required?: boolean; max?: number } = {}): string | null {
    const v = this.take(field);
    if (v === undefined || v === null || v === '') {
      if (opts.required) throw new InputProblem(field, 'is required');
      return null;
    }
    if (typeof v !== 'string') throw new InputProblem(field, 'must be a string');
    const max = opts.max ?? 2000;
    if (v.length > max) throw new InputProblem(field, `is longer than ${max} characters`);
    return v.trim();
  }

  requiredString(field: string, max?: number): string {
    return this.string(field, { required: true, max }) as string;
  }

  strings(field: string): string[] {
    const v = this.take(field);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '' || s.length > 300)) {
      throw new InputProblem(field, 'must be a list of non-empty strings (at most 300 characters each)');
    }
    return [...new Set(v.map((s: string) => s.trim()))];
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const v = this.take(field) ?? fallback;
    if (v === undefined) throw new InputProblem(field, `is required (one of ${allowed.join(', ')})`);
    if (!(allowed as readonly unknown[]).includes(v)) throw new InputProblem(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  oneOfList<T extends string>(field: string, allowed: readonly T[]): T[] {
    const v = this.take(field);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => !(allowed as readonly unknown[]).includes(x))) {
      throw new InputProblem(field, `must be a list of ${allowed.join(', ')}`);
    }
    return [...new Set(v as T[])];
  }

  ref(field: string, opts: { required?: boolean } = {}): string | null {
    const v = this.take(field);
    if (v === undefined || v === null) {
      if (opts.required) throw new InputProblem(field, 'is required (an id)');
      return null;
    }
    if (!isSlug(v)) throw new InputProblem(field, `must be an id (lower-case slug), got ${JSON.stringify(v)}`);
    return v;
  }

  requiredRef(field: string): string {
    return this.ref(field, { required: true }) as string;
  }

  refs(field: string, opts: { required?: boolean } = {}): string[] {
    const v = this.take(field);
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
      if (opts.required) throw new InputProblem(field, 'needs at least one id');
      return [];
    }
    if (!Array.isArray(v) || !v.every(isSlug)) throw new InputProblem(field, 'must be a list of ids (lower-case slugs)');
    return [...new Set(v as string[])];
  }

  number(field: string, opts: { min?: number; max?: number } = {}): number | null {
    const v = this.take(field);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputProblem(field, 'must be a number');
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      throw new InputProblem(field, `must be between ${opts.min} and ${opts.max}, got ${v}`);
    }
    return v;
  }

  url(field: string): string | null {
    const v = this.string(field, { max: 2000 });
    if (v === null) return null;
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
    } catch {
      throw new InputProblem(field, 'must be an http(s) URL');
    }
    return v;
  }

  /** Dates resolve relative phrases against the first cited source's publication date. */
  date(field: string, citations: Citation[], opts: { required?: boolean } = {}): FuzzyDate | null {
    const v = this.take(field);
    if (v === undefined || v === null) {
      if (opts.required) throw new InputProblem(field, 'is required');
      return null;
    }
    return parseFuzzyDate(v, field, this.referenceDate(citations));
  }

  /** The publication date of the first cited source that has one: what "last month" is relative to. */
  referenceDate(citations: Citation[]): FuzzyDate | null {
    return citations.map((c) => this.sourceDates.get(c.source)).find((d) => d) ?? null;
  }

  /**
   * A validity period: since and until, the first not after the second, and the day by which a
   * citing source had stated the fact (the earliest latest-publication date among them): where the
   * start is unknown, that is the latest it can be, which as-of answers need (see
   * cypher/fragments/in-force-certainly.cypher).
   */
  period(citations: Citation[]): Period {
    const since = this.date('since', citations);
    const until = this.date('until', citations);
    checkOrder(since, until, 'since', 'until');
    const stated = citations.map((c) => this.sourceDates.get(c.source)?.latest).filter((d): d is string => Boolean(d));
    return { since, until, attestedLatest: stated.length ? stated.sort()[0] : null };
  }

  quantity(field: string, rules: QuantityRules = {}): Quantity | null {
    const v = this.take(field);
    if (v === undefined || v === null) return null;
    return parseQuantity(v, field, rules);
  }

  boolean(field: string): boolean | null {
    const v = this.take(field);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') throw new InputProblem(field, 'must be true or false');
    return v;
  }

  code(field: string, pattern: RegExp, example: string): string | null {
    const v = this.string(field, { max: 20 });
    if (v === null) return null;
    if (!pattern.test(v)) throw new InputProblem(field, `must be a code such as ${example}, got ${JSON.stringify(v)}`);
    return v;
  }

  identifiers(field: string): Identifier[] {
    const v = this.take(field);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new InputProblem(field, 'must be a list of {"scheme", "value", "exchange"?, "source"?, "locator"?}');
    const seen = new Map<string, Identifier>();
    v.forEach((item, i) => {
      const read = readIdentifier(item);
      if (typeof read === 'string') throw new InputProblem(`${field}[${i}]`, read);
      seen.set(identifierKey(read.scheme, read.value), read);
    });
    return [...seen.values()];
  }

  raw_(field: string): unknown {
    return this.take(field);
  }

  citations(): Citation[] {
    const v = this.take('sources');
    if (!Array.isArray(v) || v.length === 0) {
      throw new InputProblem('sources', 'every fact cites at least one source: [{"source": "<source id>", "quote": "..."}]');
    }
    return v.map((c, i) => {
      const field = `sources[${i}]`;
      if (typeof c === 'string') c = { source: c };
      if (!c || typeof c !== 'object') throw new InputProblem(field, 'must be {"source": id, "quote"?: text}');
      const { source, quote, locator, ...rest } = c as Record<string, unknown>;
      if (Object.keys(rest).length) throw new InputProblem(field, `unknown field "${Object.keys(rest)[0]}"`);
      if (!isSlug(source)) throw new InputProblem(`${field}.source`, 'must be a source id');
      if (quote !== undefined && quote !== null && (typeof quote !== 'string' || quote.length > MAX_QUOTE_LENGTH)) {
        throw new InputProblem(`${field}.quote`, `must be a short phrase of at most ${MAX_QUOTE_LENGTH} characters`);
      }
      if (locator !== undefined && locator !== null && (typeof locator !== 'string' || locator.length > MAX_LOCATOR_LENGTH)) {
        throw new InputProblem(`${field}.locator`, `must be a text of at most ${MAX_LOCATOR_LENGTH} characters`);
      }
      return { source, quote: (quote as string | undefined) ?? null, ...(locator ? { locator: locator as string } : {}) };
    });
  }
}

/** Validates one raw record and returns what to store; throws InputProblem naming the field at fault. */
export function normalizeRecord(raw: unknown, sourceDates: SourceDates): NormalizedRecord {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InputProblem('record', 'must be a JSON object');
  // Text that cannot be stored as it is, anywhere in the record (a JSON escape such as \u0000 or a lone \ud800).
  const fault = findValueFault(raw);
  if (fault) throw new InputProblem(fault.path || 'record', fault.reason);
  const r = raw as Record<string, unknown>;
  if (!(RECORD_TYPES as readonly unknown[]).includes(r.type)) {
    throw new InputProblem('type', `must be one of ${RECORD_TYPES.join(', ')}, got ${JSON.stringify(r.type)}`);
  }
  const type = r.type as RecordType;
  if (!isSlug(r.id)) {
    throw new InputProblem('id', `must be a lower-case slug (a-z, 0-9, single hyphens, at most ${MAX_ID_LENGTH} characters), got ${JSON.stringify(r.id)}`);
  }
  const id = r.id;
  const spec = RECORD_SPECS[type];
  const f = new FieldReader(r, sourceDates);
  const citations = spec.cited ? f.citations() : [];
  const props: Record<string, unknown> = {};
  const edges: Edge[] = [];
  const values: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = readField(f, field, citations, props, edges);
    values[field.name] = value;
  }
  // An identifier says where it comes from: its own source, else the record's first (a registry's row).
  const identifiers = (spec.fields.some((x) => x.kind === 'identifiers') ? f.identifiers('identifiers') : []).map((i) =>
    i.source ? i : { ...i, source: citations[0]?.source ?? null, locator: i.locator ?? citations[0]?.locator ?? null },
  );
  const result: NormalizedRecord = { type, id, label: LABEL_OF[type], props, edges, citations, identifiers };
  RULES[type]?.(values, result);
  f.rejectUnknownFields();
  result.props = { id, ...withoutNulls(result.props) };
  for (const e of result.edges) e.props = withoutNulls(e.props);
  return result;
}

/** Reads one field by its kind, adds what it stores to props or edges, and returns its value. */
function readField(f: FieldReader, field: FieldSpec, citations: Citation[], props: Record<string, unknown>, edges: Edge[]): unknown {
  const edge = (type: string, to: string, toLabel: string): Edge => ({ type, field: field.name, to, toLabel, props: {} });
  switch (field.kind) {
    case 'text': {
      const value = field.required ? f.requiredString(field.name, field.max) : f.string(field.name, { max: field.max });
      props[field.storedAs ?? field.name] = value;
      return value;
    }
    case 'texts':
      return (props[field.name] = f.strings(field.name));
    case 'url':
      return (props[field.name] = f.url(field.name));
    case 'enum':
      return (props[field.name] = f.oneOf(field.name, field.values, field.fallback));
    case 'enums':
      return (props[field.name] = f.oneOfList(field.name, field.values));
    case 'number':
      return (props[field.name] = f.number(field.name, { min: field.min, max: field.max }));
    case 'date': {
      const date = f.date(field.name, citations, { required: field.required });
      Object.assign(props, flattenDate(field.name, date));
      return date;
    }
    case 'period': {
      const period = f.period(citations);
      Object.assign(props, flattenPeriod(period));
      return period;
    }
    case 'quantity': {
      const quantity = f.quantity(field.name, field.rules);
      Object.assign(props, flattenQuantity(field.name, quantity));
      return quantity;
    }
    case 'money':
      return Object.assign(props, readMoney(f, field.name));
    case 'ref': {
      const to = field.required ? f.requiredRef(field.name) : f.ref(field.name);
      if (to) edges.push(edge(field.edge, to, field.to));
      return to;
    }
    case 'refs': {
      const ids = f.refs(field.name, { required: field.required });
      for (const to of ids) edges.push(edge(field.edge, to, field.to));
      return ids;
    }
    case 'regions': {
      const regions = readRegions(f, citations);
      edges.push(...regions);
      return regions;
    }
    case 'linkEnd':
      return f.requiredRef(field.name);
    case 'factRef':
      return (props[field.storedAs] = f.ref(field.name));
    case 'boolean':
      return (props[field.name] = f.boolean(field.name));
    case 'code':
      return (props[field.name] = f.code(field.name, field.pattern, field.example));
    case 'identifiers':
      return null; // read once for the record, in normalizeRecord
  }
}

/** What no single field says: rules across fields, and what is derived from them. */
const RULES: Partial<Record<RecordType, (values: Record<string, unknown>, record: NormalizedRecord) => void>> = {
  Organization: (_, record) => {
    record.props.nameLower = (record.props.name as string).toLowerCase();
    record.props.aliasesLower = (record.props.aliases as string[]).map((a) => a.toLowerCase());
    // Keys search ranks by: the name without case, punctuation or legal form, and its initials.
    record.props.nameKey = nameKey(record.props.name as string);
    const initials = acronymOf(record.props.name as string);
    record.props.acronym = initials?.acronym ?? null;
    record.props.acronymCompound = initials?.compound || null;
  },
  Acquisition: (v) => {
    checkOrder(v.announced as FuzzyDate | null, v.completed as FuzzyDate | null, 'announced', 'completed');
    if (v.acquirer === v.target) throw new InputProblem('target', 'an organization cannot acquire itself');
  },
  Ownership: (v, record) => {
    if (v.child === v.parent) throw new InputProblem('parent', 'an organization cannot be its own parent');
    const kind = v.kind as keyof typeof OWNERSHIP_RELATIONSHIP;
    record.link = { relType: OWNERSHIP_RELATIONSHIP[kind], child: v.child as string, parent: v.parent as string };
    // A link's citations live on the relationship itself, as parallel lists.
    record.props.sourceIds = record.citations.map((c) => c.source);
    record.props.quotes = record.citations.map((c) => c.quote ?? '');
    record.props.locators = record.citations.map((c) => c.locator ?? '');
  },
  Redirect: (v, record) => {
    if (v.target === record.id) throw new InputProblem('target', 'an id cannot redirect to itself');
  },
  LayoffEvent: (v, record) => {
    // A notice names its employer as filed; it links to an organization only when one is known.
    if (!(v.organizations as string[]).length && !v.employerName) {
      throw new InputProblem('organizations', 'needs at least one organization id, or the employerName as the source gives it');
    }
    if (v.amends === record.id) throw new InputProblem('amends', 'a notice cannot amend itself');
    // No headcount given is an unknown count, never zero.
    if (!v.headcount) {
      Object.assign(
        record.props,
        flattenQuantity('headcount', { value: null, min: null, max: null, minExclusive: false, maxExclusive: false, qualifier: 'UNKNOWN', text: null }),
      );
    }
  },
  Claim: (v) => {
    if (!v.date && !v.quantity && (v.text ?? null) === null) throw new InputProblem('date', 'a claim states a date, a quantity or a text');
  },
};

function checkOrder(start: FuzzyDate | null, end: FuzzyDate | null, startField: string, endField: string): void {
  if (start?.earliest && end?.latest && start.earliest > end.latest) {
    throw new InputProblem(endField, `ends (${end.latest}) before ${startField} can begin (${start.earliest})`);
  }
}

const CURRENCY = /^[A-Z]{3}$/;

/** ISO 4217 codes the runtime knows (Intl), so "USD" passes and "USX" does not. */
const KNOWN_CURRENCIES = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'KRW', 'INR', 'CAD', 'AUD', 'CHF'],
);

export function isCurrency(code: unknown): boolean {
  return typeof code === 'string' && CURRENCY.test(code) && KNOWN_CURRENCIES.has(code);
}

function readMoney(f: FieldReader, field: string): Record<string, unknown> {
  const v = f.raw_(field);
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new InputProblem(field, 'must be {"amount": number, "currency": "USD", "text"?: "..."}');
  const { currency, ...amount } = v as Record<string, unknown>;
  if (!isCurrency(currency)) throw new InputProblem(`${field}.currency`, `must be an ISO 4217 code such as USD, got ${JSON.stringify(currency)}`);
  const q = parseQuantity(
    'amount' in amount ? { ...Object.fromEntries(Object.entries(amount).filter(([k]) => k !== 'amount')), value: amount.amount } : amount,
    field,
    { nonNegative: true },
  );
  return { ...flattenQuantity(field, q), [`${field}Currency`]: currency };
}

function readRegions(f: FieldReader, citations: Citation[]): Edge[] {
  const v = f.raw_('regions');
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new InputProblem('regions', 'must be a list of {"market": id, "notified"?: date, "note"?: text}');
  return v.map((region, i) => {
    const field = `regions[${i}]`;
    if (!region || typeof region !== 'object') throw new InputProblem(field, 'must be an object');
    const { market, notified, note, ...rest } = region as Record<string, unknown>;
    if (Object.keys(rest).length) throw new InputProblem(field, `unknown field "${Object.keys(rest)[0]}"`);
    if (!isSlug(market)) throw new InputProblem(`${field}.market`, 'must be a market id');
    if (note !== undefined && typeof note !== 'string') throw new InputProblem(`${field}.note`, 'must be a string');
    const date = notified === undefined ? null : parseFuzzyDate(notified, `${field}.notified`, f.referenceDate(citations));
    return { type: 'AFFECTS_MARKET', field: 'regions', to: market, toLabel: 'Market', props: { ...flattenDate('notified', date), note: note ?? null } };
  });
}

/** What is stored: no property for no value, and none for an empty list either (a record without aliases has no aliases property). */
function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
}
