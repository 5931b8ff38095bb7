import type { QuantityRules } from './dates-and-quantities';

/**
 * The import format's record types, described once, as data: each field with its kind. Validation
 * (records.ts), storage (node properties, owned relationships, the parent link), export (export.ts),
 * the docs' field tables (docs/import-format.md) and the check that the GraphQL inputs carry the same
 * fields all come from here. A new source format only maps its fields onto these record types.
 *
 * Kinds: text (one string), texts (a list of strings), url, enum / enums (from a fixed list), number,
 * date (a fuzzy date, stored as <name>Earliest/Latest/Precision/Text), period (since and until, and
 * attestedLatest, the day by which a citing source had stated the fact), quantity (an approximate
 * amount, stored as <name>Value/Min/Max/...), money (a quantity with a currency), ref / refs (ids of
 * other entities, stored as the owned relationship `edge`), regions (markets with a date each),
 * linkEnd (the child or parent organization of a parent link), factRef (an id stored as a property),
 * boolean, code (a short upper-case code such as a country) and identifiers (external ids, stored as
 * :Identifier nodes unique per scheme, see identifiers.ts).
 */

export const ORGANIZATION_KINDS = ['COMPANY', 'DIVISION', 'ESTABLISHMENT'] as const;
export const ORGANIZATION_STATUSES = ['ACTIVE', 'ACQUIRED', 'MERGED', 'DEFUNCT', 'INACTIVE'] as const;
/** GLEIF's entity categories (Entity.EntityCategory). */
export const ENTITY_CATEGORIES = ['GENERAL', 'BRANCH', 'FUND', 'SOLE_PROPRIETOR', 'RESIDENT_GOVERNMENT_ENTITY', 'INTERNATIONAL_ORGANIZATION'] as const;
/** GLEIF's registration statuses of an LEI (Registration.RegistrationStatus). */
export const REGISTRATION_STATUSES = [
  'ISSUED',
  'LAPSED',
  'MERGED',
  'RETIRED',
  'ANNULLED',
  'DUPLICATE',
  'TRANSFERRED',
  'PENDING_TRANSFER',
  'PENDING_ARCHIVAL',
] as const;
/** Why an id now answers for another entity. */
export const REDIRECT_REASONS = ['MERGED', 'DUPLICATE', 'RETIRED', 'SAME_AS'] as const;
export const MARKET_KINDS = ['REGION', 'COUNTRY', 'CITY', 'SEGMENT'] as const;
export const SOURCE_KINDS = [
  'NEWS_ARTICLE',
  'NEWS_REPORT',
  'INTERNAL_MEMO',
  'EMAIL',
  'BLOG_POST',
  'PRESS_RELEASE',
  'FILING',
  'STATEMENT',
  'REGISTRY',
  'WARN_NOTICES',
  'LAYOFF_TRACKER',
  'RESOLUTION',
] as const;
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

export type FieldSpec =
  | { name: string; kind: 'text'; required?: boolean; max?: number; storedAs?: string }
  | { name: string; kind: 'texts' }
  | { name: string; kind: 'url' }
  | { name: string; kind: 'enum'; values: readonly string[]; fallback?: string }
  | { name: string; kind: 'enums'; values: readonly string[] }
  | { name: string; kind: 'number'; min: number; max: number }
  | { name: string; kind: 'date'; required?: boolean }
  | { name: 'since'; kind: 'period' }
  | { name: string; kind: 'quantity'; rules?: QuantityRules }
  | { name: string; kind: 'money' }
  | { name: string; kind: 'ref'; edge: string; to: string; required?: boolean }
  | { name: string; kind: 'refs'; edge: string; to: string; required?: boolean }
  | { name: 'regions'; kind: 'regions'; edge: 'AFFECTS_MARKET'; to: 'Market' }
  | { name: 'child' | 'parent'; kind: 'linkEnd' }
  | { name: string; kind: 'factRef'; to: string; storedAs: string }
  | { name: string; kind: 'boolean' }
  | { name: string; kind: 'code'; pattern: RegExp; example: string }
  | { name: 'identifiers'; kind: 'identifiers' };

export interface RecordTypeSpec {
  /** What the record is, for the docs. */
  description: string;
  /** Every record of the type cites at least one source (all but Source itself). */
  cited: boolean;
  /** Stored as a relationship between two organizations (Ownership) rather than a node. */
  link?: boolean;
  fields: readonly FieldSpec[];
}

const text = (name: string, more: { required?: boolean; max?: number; storedAs?: string } = {}): FieldSpec => ({ name, kind: 'text', ...more });
const required = (name: string, max: number): FieldSpec => text(name, { required: true, max });

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
  'Redirect',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_SPECS: Record<RecordType, RecordTypeSpec> = {
  Source: {
    description: 'A document that states facts: an article, a filing, a memo, a data set.',
    cited: false,
    fields: [
      { name: 'kind', kind: 'enum', values: SOURCE_KINDS },
      required('title', 500),
      { name: 'publishers', kind: 'texts' },
      { name: 'authors', kind: 'texts' },
      { name: 'url', kind: 'url' },
      text('language', { max: 10 }),
      text('description'),
      { name: 'published', kind: 'date' },
      text('version', { max: 100 }),
      { name: 'retrieved', kind: 'date' },
      text('licence', { max: 200 }),
    ],
  },
  Market: {
    description: 'A region, country, city or segment.',
    cited: true,
    fields: [
      required('name', 300),
      { name: 'aliases', kind: 'texts' },
      { name: 'kind', kind: 'enum', values: MARKET_KINDS },
      text('isoCode', { max: 10 }),
      text('description'),
      { name: 'within', kind: 'ref', edge: 'WITHIN', to: 'Market' },
    ],
  },
  Organization: {
    description: 'A company or a division of one.',
    cited: true,
    fields: [
      // Registered legal names run long (GLEIF has names of over 300 characters).
      required('name', 500),
      { name: 'aliases', kind: 'texts' },
      text('legalName', { max: 500 }),
      { name: 'kind', kind: 'enum', values: ORGANIZATION_KINDS },
      { name: 'status', kind: 'enum', values: ORGANIZATION_STATUSES, fallback: 'ACTIVE' },
      text('description'),
      { name: 'website', kind: 'url' },
      { name: 'founded', kind: 'date' },
      { name: 'headquarters', kind: 'ref', edge: 'HEADQUARTERED_IN', to: 'Market' },
      { name: 'identifiers', kind: 'identifiers' },
      { name: 'formerNames', kind: 'texts' },
      { name: 'country', kind: 'code', pattern: /^[A-Z]{2}$/, example: 'US' },
      { name: 'category', kind: 'enum', values: ENTITY_CATEGORIES, fallback: 'GENERAL' },
      text('legalForm', { max: 100 }),
      { name: 'registrationStatus', kind: 'enum', values: REGISTRATION_STATUSES, fallback: 'ISSUED' },
      text('incorporatedIn', { max: 100 }),
      { name: 'legalAddress', kind: 'ref', edge: 'LEGALLY_REGISTERED_IN', to: 'Market' },
    ],
  },
  Redirect: {
    description:
      'An id that now answers for another entity (a merged or duplicate LEI, or an entity merged into another): look-ups of the id or its identifiers answer the target and say so.',
    cited: true,
    fields: [
      { name: 'target', kind: 'ref', edge: 'REDIRECTS_TO', to: 'Entity', required: true },
      { name: 'reason', kind: 'enum', values: REDIRECT_REASONS },
      text('name', { max: 500 }),
      { name: 'identifiers', kind: 'identifiers' },
    ],
  },
  Person: {
    description: 'A person.',
    cited: true,
    fields: [required('name', 300), { name: 'aliases', kind: 'texts' }, text('description')],
  },
  Role: {
    description: 'A role a person holds in an organization for a period.',
    cited: true,
    fields: [
      required('title', 300),
      { name: 'roleType', kind: 'enum', values: ROLE_TYPES },
      { name: 'since', kind: 'period' },
      { name: 'person', kind: 'ref', edge: 'HELD_BY', to: 'Person', required: true },
      { name: 'organization', kind: 'ref', edge: 'AT', to: 'Organization', required: true },
    ],
  },
  Acquisition: {
    description: 'An acquisition of one organization by another (announced, completed or terminated).',
    cited: true,
    fields: [
      { name: 'status', kind: 'enum', values: ACQUISITION_STATUSES },
      text('description'),
      { name: 'announced', kind: 'date' },
      { name: 'completed', kind: 'date' },
      { name: 'price', kind: 'money' },
      { name: 'acquirer', kind: 'ref', edge: 'ACQUIRER', to: 'Organization', required: true },
      { name: 'target', kind: 'ref', edge: 'TARGET', to: 'Organization', required: true },
    ],
  },
  Ownership: {
    description: 'A dated parent link: a subsidiary (owned) or a division (a part) of another organization.',
    cited: true,
    link: true,
    fields: [
      { name: 'since', kind: 'period' },
      { name: 'kind', kind: 'enum', values: OWNERSHIP_KINDS },
      { name: 'share', kind: 'number', min: 0, max: 1 },
      { name: 'child', kind: 'linkEnd' },
      { name: 'parent', kind: 'linkEnd' },
      { name: 'acquisition', kind: 'factRef', to: 'Acquisition', storedAs: 'acquisitionId' },
    ],
  },
  MarketPresence: {
    description: "An organization's presence in a market: entry, announced exit, exit, and why.",
    cited: true,
    fields: [
      { name: 'status', kind: 'enum', values: PRESENCE_STATUSES },
      text('entryReason'),
      text('exitReason'),
      { name: 'since', kind: 'period' },
      { name: 'exitAnnounced', kind: 'date' },
      { name: 'organization', kind: 'ref', edge: 'BY_ORGANIZATION', to: 'Organization', required: true },
      { name: 'market', kind: 'ref', edge: 'IN_MARKET', to: 'Market', required: true },
    ],
  },
  LayoffEvent: {
    description: 'A round of job cuts, with its headcount as the sources give it (bounds, or unknown).',
    cited: true,
    fields: [
      text('description'),
      { name: 'channels', kind: 'enums', values: ANNOUNCEMENT_CHANNELS },
      { name: 'shareOfWorkforce', kind: 'number', min: 0, max: 1 },
      { name: 'announced', kind: 'date', required: true },
      { name: 'headcount', kind: 'quantity', rules: { nonNegative: true, integer: true } },
      // The employer exactly as filed: some WARN filings name several entities at length.
      text('employerName', { max: 1000 }),
      { name: 'effective', kind: 'date' },
      { name: 'temporary', kind: 'boolean' },
      { name: 'closure', kind: 'boolean' },
      { name: 'amends', kind: 'factRef', to: 'LayoffEvent', storedAs: 'amendsId' },
      { name: 'organizations', kind: 'refs', edge: 'AT_ORGANIZATION', to: 'Organization' },
      { name: 'announcedBy', kind: 'ref', edge: 'ANNOUNCED_BY', to: 'Person' },
      { name: 'regions', kind: 'regions', edge: 'AFFECTS_MARKET', to: 'Market' },
    ],
  },
  MarketMetric: {
    description: 'A figure about markets for a period, measured or forecast.',
    cited: true,
    fields: [
      required('name', 300),
      text('unit', { max: 50 }),
      { name: 'basis', kind: 'enum', values: METRIC_BASES },
      text('note'),
      { name: 'period', kind: 'date', required: true },
      { name: 'value', kind: 'quantity' },
      { name: 'markets', kind: 'refs', edge: 'FOR_MARKET', to: 'Market', required: true },
    ],
  },
  Claim: {
    description: "One source's statement of a property of a fact (a date, an amount or a text), kept beside statements that differ, with a rank.",
    cited: true,
    fields: [
      required('property', 100),
      { name: 'date', kind: 'date' },
      { name: 'quantity', kind: 'quantity' },
      text('text', { storedAs: 'textValue' }),
      { name: 'rank', kind: 'enum', values: CLAIM_RANKS, fallback: 'NORMAL' },
      text('note'),
      { name: 'subject', kind: 'ref', edge: 'ABOUT', to: 'Entity', required: true },
    ],
  },
};

/** Node label each record type is stored under (Ownership is a relationship between organizations). */
export const LABEL_OF = Object.fromEntries(RECORD_TYPES.map((t) => [t, t])) as Record<RecordType, string>;

type EdgeField = Extract<FieldSpec, { kind: 'ref' | 'refs' | 'regions' }>;
const edgeFields = (type: RecordType) => RECORD_SPECS[type].fields.filter((f): f is EdgeField => f.kind === 'ref' || f.kind === 'refs' || f.kind === 'regions');

/** Outgoing relationship types a record owns: rewritten whole each time the record is loaded. */
export const OWNED_EDGE_TYPES = Object.fromEntries(RECORD_TYPES.map((t) => [t, edgeFields(t).map((f) => f.edge)])) as Record<RecordType, string[]>;

/** The record field each owned relationship type comes from, and whether it holds a list. */
export const EDGE_FIELD: Record<string, { field: string; many: boolean }> = Object.fromEntries(
  RECORD_TYPES.flatMap((t) => edgeFields(t).map((f) => [f.edge, { field: f.name, many: f.kind !== 'ref' }])),
);

/** The names a record of the type may carry (a period is `since` and `until`), besides type, id and sources. */
export function recordFieldNames(type: RecordType): string[] {
  return RECORD_SPECS[type].fields.flatMap((f) => (f.kind === 'period' ? ['since', 'until'] : [f.name]));
}

/** How a field reads in the docs: `name` and what it holds. */
function describeField(f: FieldSpec): string {
  const req = 'required' in f && f.required ? ', required' : '';
  switch (f.kind) {
    case 'text':
      return `\`${f.name}\` (text${f.max ? ` up to ${f.max}` : ''}${req})`;
    case 'texts':
      return `\`${f.name}[]\` (texts)`;
    case 'url':
      return `\`${f.name}\` (http(s) URL)`;
    case 'enum':
      return `\`${f.name}\` (${f.values.join(', ')}${f.fallback ? `; default ${f.fallback}` : ''})`;
    case 'enums':
      return `\`${f.name}[]\` (${f.values.join(', ')})`;
    case 'number':
      return `\`${f.name}\` (${f.min} to ${f.max})`;
    case 'date':
      return `\`${f.name}\` (date${req})`;
    case 'period':
      return '`since`, `until` (dates)';
    case 'quantity':
      return `\`${f.name}\` (quantity)`;
    case 'money':
      return `\`${f.name}\` (price)`;
    case 'ref':
      return `\`${f.name}\` (${f.to === 'Entity' ? 'any fact' : f.to.toLowerCase()} id${req})`;
    case 'refs':
      return `\`${f.name}[]\` (${f.to.toLowerCase()} ids${req})`;
    case 'regions':
      return '`regions[]` (`{"market", "notified", "note"}`)';
    case 'linkEnd':
      return `\`${f.name}\` (organization id, required)`;
    case 'factRef':
      return `\`${f.name}\` (${f.to.toLowerCase()} id)`;
    case 'boolean':
      return `\`${f.name}\` (true or false)`;
    case 'code':
      return `\`${f.name}\` (code such as ${f.example})`;
    case 'identifiers':
      return '`identifiers[]` (`{"scheme": LEI|CIK|TICKER|WIKIDATA, "value", "exchange"?, "source"?, "locator"?}`: source is the id of the Source that gives it, by default the record\'s first cited source)';
  }
}

/** The docs' table of record types and their fields (docs/import-format.md), made from the descriptions above. */
export function recordTypesTable(): string {
  const rows = RECORD_TYPES.map((t) => {
    const spec = RECORD_SPECS[t];
    const extra = spec.cited ? '' : '; no `sources`';
    return `| \`${t}\` | ${spec.description} | ${spec.fields.map(describeField).join(', ')}${extra} |`;
  });
  return ['| type | what it is | fields (besides `id` and `sources`) |', '| --- | --- | --- |', ...rows].join('\n');
}
