import { countBounds, FuzzyDate, InputProblem, parseFuzzyDate, parseQuantity, Quantity, QuantityRules } from './fuzzy';

/**
 * The record types of the import format (JSON Lines, one record per line). Each record has a type,
 * an id and, except sources, the sources that state it. This module turns a raw record into what
 * the writer stores: node properties, outgoing edges and citations, after checking every field.
 */
export const RECORD_TYPES = [
  'Source',
  'Market',
  'Organization',
  'Person',
  'Role',
  'Acquisition',
  'Ownership',
  'MarketPresence',
  'LayoffEvent',
  'MarketMetric',
  'Claim',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Node label each record type is stored under (Ownership is a relationship between organizations). */
export const LABEL_OF: Record<RecordType, string> = {
  Source: 'Source',
  Market: 'Market',
  Organization: 'Organization',
  Person: 'Person',
  Role: 'Role',
  Acquisition: 'Acquisition',
  Ownership: 'Ownership',
  MarketPresence: 'MarketPresence',
  LayoffEvent: 'LayoffEvent',
  MarketMetric: 'MarketMetric',
  Claim: 'Claim',
};

export const ORGANIZATION_KINDS = ['COMPANY', 'DIVISION'] as const;
export const ORGANIZATION_STATUSES = ['ACTIVE', 'ACQUIRED', 'MERGED', 'DEFUNCT'] as const;
export const MARKET_KINDS = ['REGION', 'COUNTRY', 'CITY', 'SEGMENT'] as const;
export const SOURCE_KINDS = ['NEWS_ARTICLE', 'NEWS_REPORT', 'INTERNAL_MEMO', 'EMAIL', 'BLOG_POST', 'PRESS_RELEASE', 'FILING', 'STATEMENT'] as const;
export const ROLE_TYPES = ['CEO', 'FOUNDER', 'CHAIR', 'PRESIDENT', 'SENIOR_VICE_PRESIDENT', 'VICE_PRESIDENT', 'EXECUTIVE', 'BOARD_MEMBER', 'OTHER'] as const;
export const OWNERSHIP_KINDS = ['SUBSIDIARY', 'DIVISION'] as const;
export const PRESENCE_STATUSES = ['ENTERING', 'ACTIVE', 'EXITING', 'EXITED'] as const;
export const ACQUISITION_STATUSES = ['ANNOUNCED', 'COMPLETED', 'TERMINATED'] as const;
export const ANNOUNCEMENT_CHANNELS = ['EMAIL', 'MEMO', 'BLOG_POST', 'PRESS_RELEASE', 'FILING', 'INTERVIEW', 'SOCIAL_MEDIA', 'MEETING'] as const;
export const METRIC_BASES = ['ACTUAL', 'FORECAST'] as const;
export const CLAIM_RANKS = ['PREFERRED', 'NORMAL', 'DEPRECATED'] as const;

export const OWNERSHIP_RELATIONSHIP: Record<(typeof OWNERSHIP_KINDS)[number], string> = {
  SUBSIDIARY: 'SUBSIDIARY_OF',
  DIVISION: 'DIVISION_OF',
};

/** Outgoing relationship types a record owns: rewritten whole each time the record is loaded. */
export const OWNED_EDGE_TYPES: Record<RecordType, string[]> = {
  Source: [],
  Market: ['WITHIN'],
  Organization: ['HEADQUARTERED_IN'],
  Person: [],
  Role: ['HELD_BY', 'AT'],
  Acquisition: ['ACQUIRER', 'TARGET'],
  Ownership: [],
  MarketPresence: ['BY_ORGANIZATION', 'IN_MARKET'],
  LayoffEvent: ['AT_ORGANIZATION', 'ANNOUNCED_BY', 'AFFECTS_MARKET'],
  MarketMetric: ['FOR_MARKET'],
  Claim: ['ABOUT'],
};

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 120;
/** A quote is a short attributed phrase, never a passage. */
export const MAX_QUOTE_LENGTH = 200;

export interface Citation {
  source: string;
  quote: string | null;
}

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
  /** For Ownership only: the relationship between two organizations that this record is. */
  link?: { relType: string; child: string; parent: string };
}

/** Published dates of sources, to resolve relative phrases ("last month") against the citing source. */
export type SourceDates = ReadonlyMap<string, FuzzyDate | null>;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && SLUG.test(value);
}

export function flattenDate(prefix: string, date: FuzzyDate | null): Record<string, unknown> {
  if (!date) return {};
  return {
    [`${prefix}Earliest`]: date.earliest,
    [`${prefix}Latest`]: date.latest,
    [`${prefix}Precision`]: date.precision,
    [`${prefix}Text`]: date.text,
  };
}

export function flattenQuantity(prefix: string, q: Quantity | null): Record<string, unknown> {
  if (!q) return {};
  const { low, high } = countBounds(q);
  return {
    [`${prefix}Value`]: q.value,
    [`${prefix}Min`]: q.min,
    [`${prefix}Max`]: q.max,
    [`${prefix}MinExclusive`]: q.minExclusive,
    [`${prefix}MaxExclusive`]: q.maxExclusive,
    [`${prefix}Qualifier`]: q.qualifier,
    [`${prefix}Text`]: q.text,
    [`${prefix}Low`]: low,
    [`${prefix}High`]: high,
  };
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
      const { source, quote, ...rest } = c as Record<string, unknown>;
      if (Object.keys(rest).length) throw new InputProblem(field, `unknown field "${Object.keys(rest)[0]}"`);
      if (!isSlug(source)) throw new InputProblem(`${field}.source`, 'must be a source id');
      if (quote !== undefined && quote !== null && (typeof quote !== 'string' || quote.length > MAX_QUOTE_LENGTH)) {
        throw new InputProblem(`${field}.quote`, `must be a short phrase of at most ${MAX_QUOTE_LENGTH} characters`);
      }
      return { source, quote: (quote as string | undefined) ?? null };
    });
  }
}

const EDGE_FIELDS: Record<string, string> = {
  WITHIN: 'within',
  HEADQUARTERED_IN: 'headquarters',
  HELD_BY: 'person',
  AT: 'organization',
  ACQUIRER: 'acquirer',
  TARGET: 'target',
  BY_ORGANIZATION: 'organization',
  IN_MARKET: 'market',
  AT_ORGANIZATION: 'organizations',
  ANNOUNCED_BY: 'announcedBy',
  AFFECTS_MARKET: 'regions',
  FOR_MARKET: 'markets',
  ABOUT: 'subject',
};

function edge(type: string, to: string | null, toLabel: string, props: Record<string, unknown> = {}): Edge[] {
  return to ? [{ type, field: EDGE_FIELDS[type], to, toLabel, props }] : [];
}

/** Validates one raw record and returns what to store; throws InputProblem naming the field at fault. */
export function normalizeRecord(raw: unknown, sourceDates: SourceDates): NormalizedRecord {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InputProblem('record', 'must be a JSON object');
  const r = raw as Record<string, unknown>;
  if (!(RECORD_TYPES as readonly unknown[]).includes(r.type)) {
    throw new InputProblem('type', `must be one of ${RECORD_TYPES.join(', ')}, got ${JSON.stringify(r.type)}`);
  }
  const type = r.type as RecordType;
  if (!isSlug(r.id)) {
    throw new InputProblem('id', `must be a lower-case slug (a-z, 0-9, single hyphens, at most ${MAX_ID_LENGTH} characters), got ${JSON.stringify(r.id)}`);
  }
  const id = r.id;
  const f = new FieldReader(r, sourceDates);
  const base = { type, id, label: LABEL_OF[type] };
  let result: NormalizedRecord;

  switch (type) {
    case 'Source': {
      const published = f.date('published', []);
      result = {
        ...base,
        props: {
          kind: f.oneOf('kind', SOURCE_KINDS),
          title: f.requiredString('title', 500),
          publishers: f.strings('publishers'),
          authors: f.strings('authors'),
          url: f.url('url'),
          language: f.string('language', { max: 10 }),
          description: f.string('description'),
          ...flattenDate('published', published),
        },
        edges: [],
        citations: [],
      };
      break;
    }
    case 'Market': {
      const citations = f.citations();
      result = {
        ...base,
        props: {
          name: f.requiredString('name', 300),
          aliases: f.strings('aliases'),
          kind: f.oneOf('kind', MARKET_KINDS),
          isoCode: f.string('isoCode', { max: 10 }),
          description: f.string('description'),
        },
        edges: edge('WITHIN', f.ref('within'), 'Market'),
        citations,
      };
      break;
    }
    case 'Organization': {
      const citations = f.citations();
      const name = f.requiredString('name', 300);
      result = {
        ...base,
        props: {
          name,
          nameLower: name.toLowerCase(),
          aliases: f.strings('aliases'),
          aliasesLower: [] as string[],
          legalName: f.string('legalName', { max: 300 }),
          kind: f.oneOf('kind', ORGANIZATION_KINDS),
          status: f.oneOf('status', ORGANIZATION_STATUSES, 'ACTIVE'),
          description: f.string('description'),
          website: f.url('website'),
          ...flattenDate('founded', f.date('founded', citations)),
        },
        edges: edge('HEADQUARTERED_IN', f.ref('headquarters'), 'Market'),
        citations,
      };
      result.props.aliasesLower = (result.props.aliases as string[]).map((a) => a.toLowerCase());
      break;
    }
    case 'Person': {
      const citations = f.citations();
      result = {
        ...base,
        props: { name: f.requiredString('name', 300), aliases: f.strings('aliases'), description: f.string('description') },
        edges: [],
        citations,
      };
      break;
    }
    case 'Role': {
      const citations = f.citations();
      const period = f.period(citations);
      result = {
        ...base,
        props: {
          title: f.requiredString('title', 300),
          roleType: f.oneOf('roleType', ROLE_TYPES),
          ...flattenPeriod(period),
        },
        edges: [...edge('HELD_BY', f.requiredRef('person'), 'Person'), ...edge('AT', f.requiredRef('organization'), 'Organization')],
        citations,
      };
      break;
    }
    case 'Acquisition': {
      const citations = f.citations();
      const announced = f.date('announced', citations);
      const completed = f.date('completed', citations);
      checkOrder(announced, completed, 'announced', 'completed');
      const acquirer = f.requiredRef('acquirer');
      const target = f.requiredRef('target');
      if (acquirer === target) throw new InputProblem('target', 'an organization cannot acquire itself');
      result = {
        ...base,
        props: {
          status: f.oneOf('status', ACQUISITION_STATUSES),
          description: f.string('description'),
          ...flattenDate('announced', announced),
          ...flattenDate('completed', completed),
          ...readMoney(f, 'price'),
        },
        edges: [...edge('ACQUIRER', acquirer, 'Organization'), ...edge('TARGET', target, 'Organization')],
        citations,
      };
      break;
    }
    case 'Ownership': {
      const citations = f.citations();
      const period = f.period(citations);
      const kind = f.oneOf('kind', OWNERSHIP_KINDS);
      const child = f.requiredRef('child');
      const parent = f.requiredRef('parent');
      if (child === parent) throw new InputProblem('parent', 'an organization cannot be its own parent');
      result = {
        ...base,
        props: {
          kind,
          acquisitionId: f.ref('acquisition'),
          ...flattenPeriod(period),
          sourceIds: citations.map((c) => c.source),
          quotes: citations.map((c) => c.quote ?? ''),
        },
        edges: [],
        citations,
        link: { relType: OWNERSHIP_RELATIONSHIP[kind], child, parent },
      };
      break;
    }
    case 'MarketPresence': {
      const citations = f.citations();
      const period = f.period(citations);
      result = {
        ...base,
        props: {
          status: f.oneOf('status', PRESENCE_STATUSES),
          entryReason: f.string('entryReason'),
          exitReason: f.string('exitReason'),
          ...flattenPeriod(period),
          ...flattenDate('exitAnnounced', f.date('exitAnnounced', citations)),
        },
        edges: [...edge('BY_ORGANIZATION', f.requiredRef('organization'), 'Organization'), ...edge('IN_MARKET', f.requiredRef('market'), 'Market')],
        citations,
      };
      break;
    }
    case 'LayoffEvent': {
      const citations = f.citations();
      const regions = readRegions(f, citations);
      result = {
        ...base,
        props: {
          description: f.string('description'),
          channels: f.oneOfList('channels', ANNOUNCEMENT_CHANNELS),
          shareOfWorkforce: f.number('shareOfWorkforce', { min: 0, max: 1 }),
          ...flattenDate('announced', f.date('announced', citations, { required: true })),
          ...flattenQuantity('headcount', f.quantity('headcount', { nonNegative: true, integer: true })),
        },
        edges: [
          ...f.refs('organizations', { required: true }).flatMap((o) => edge('AT_ORGANIZATION', o, 'Organization')),
          ...edge('ANNOUNCED_BY', f.ref('announcedBy'), 'Person'),
          ...regions,
        ],
        citations,
      };
      if (result.props.headcountQualifier === undefined) {
        Object.assign(
          result.props,
          flattenQuantity('headcount', { value: null, min: null, max: null, minExclusive: false, maxExclusive: false, qualifier: 'UNKNOWN', text: null }),
        );
      }
      break;
    }
    case 'MarketMetric': {
      const citations = f.citations();
      result = {
        ...base,
        props: {
          name: f.requiredString('name', 300),
          unit: f.string('unit', { max: 50 }),
          basis: f.oneOf('basis', METRIC_BASES),
          note: f.string('note'),
          ...flattenDate('period', f.date('period', citations, { required: true })),
          ...flattenQuantity('value', f.quantity('value')),
        },
        edges: f.refs('markets', { required: true }).flatMap((m) => edge('FOR_MARKET', m, 'Market')),
        citations,
      };
      break;
    }
    case 'Claim': {
      const citations = f.citations();
      const property = f.requiredString('property', 100);
      const date = f.date('date', citations);
      const quantity = f.quantity('quantity');
      const text = f.string('text');
      if (!date && !quantity && text === null) throw new InputProblem('date', 'a claim states a date, a quantity or a text');
      result = {
        ...base,
        props: {
          property,
          rank: f.oneOf('rank', CLAIM_RANKS, 'NORMAL'),
          textValue: text,
          note: f.string('note'),
          ...flattenDate('date', date),
          ...flattenQuantity('quantity', quantity),
        },
        edges: edge('ABOUT', f.requiredRef('subject'), 'Entity'),
        citations,
      };
      break;
    }
  }
  f.rejectUnknownFields();
  result.props = { id, ...withoutNulls(result.props) };
  for (const e of result.edges) e.props = withoutNulls(e.props);
  return result;
}

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

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}
