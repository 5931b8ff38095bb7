import type { Row } from '../../graph/graph-client';
import { STORED_DATE, STORED_QUANTITY, StoredForm, storedNames } from '../../ingest/dates-and-quantities';
import type { Selection } from './selection';

/**
 * Which stored properties an answer needs. For the entity types that large answers are made of,
 * the GraphQL fields that read stored properties and the properties behind each (fuzzy dates and
 * quantities are stored flattened); relations need none beyond the id. A query given the list
 * returns just those values ([k IN $props | n[k]]) instead of every property of every node: less to
 * read, send and decode, and dates (costly to decode in the driver) only when they are asked for.
 */
/**
 * A field made of several stored properties (a fuzzy date, a quantity): `always` says whether it is
 * there at all, each selected part needs its own; a part the table does not know needs `whole`.
 */
export interface CompositeField {
  whole: string[];
  always: string[];
  parts: Record<string, string[]>;
}
type StoredField = string[] | CompositeField;

/** A value stored in a stored form (STORED_DATE, STORED_QUANTITY): its marker always read, each selected part by its property. */
function composite<Part extends string>(form: StoredForm<Part>, prefix: string): CompositeField {
  const names = storedNames(form, prefix);
  const always = names[form.marker];
  const parts = Object.entries<string>(names).filter(([part]) => part !== form.marker);
  return {
    whole: [always, ...parts.map(([, name]) => name)],
    always: [always],
    parts: { ...Object.fromEntries(parts.map(([part, name]) => [part, [name]])), [form.marker]: [] },
  };
}
const fuzzyDate = (p: string) => composite(STORED_DATE, p);
const quantity = (p: string) => composite(STORED_QUANTITY, p);
const relations = (...names: string[]) => Object.fromEntries(names.map((n) => [n, [] as string[]]));

/** Every stored property a field can need. */
export const wholeOf = (field: StoredField): string[] => (Array.isArray(field) ? field : field.whole);

export const STORED_FIELDS: Record<'Organization' | 'LayoffEvent' | 'OwnershipLink', Record<string, StoredField>> = {
  Organization: {
    id: ['id'],
    name: ['name'],
    aliases: ['aliases'],
    legalName: ['legalName'],
    kind: ['kind'],
    status: ['status'],
    description: ['description'],
    website: ['website'],
    founded: fuzzyDate('founded'),
    country: ['country'],
    category: ['category'],
    legalForm: ['legalForm'],
    registrationStatus: ['registrationStatus'],
    formerNames: ['formerNames'],
    incorporatedIn: ['incorporatedIn'],
    ...relations(
      '__typename',
      'redirectedFrom',
      'identifiers',
      'legalAddress',
      'headquarters',
      'roles',
      'leaders',
      'marketPresences',
      'acquisitions',
      'acquiredBy',
      'layoffEvents',
      'sources',
    ),
    ...relations('claims', 'corporateFamily', 'ownershipChain', 'parent', 'ultimateParent', 'timeline', 'layoffRollup'),
  },
  LayoffEvent: {
    id: ['id'],
    announced: fuzzyDate('announced'),
    headcount: quantity('headcount'),
    shareOfWorkforce: ['shareOfWorkforce'],
    channels: ['channels'],
    description: ['description'],
    employerName: ['employerName'],
    effective: fuzzyDate('effective'),
    temporary: ['temporary'],
    closure: ['closure'],
    amends: ['amendsId'],
    ...relations('__typename', 'supersededBy', 'organizations', 'announcedBy', 'affectedMarkets', 'sources'),
  },
  // A parent link (a relationship): whether it was certainly in force is worked out from its dates.
  OwnershipLink: {
    id: ['id'],
    kind: ['kind'],
    since: fuzzyDate('since'),
    until: fuzzyDate('until'),
    inForce: [...fuzzyDate('since').whole, ...fuzzyDate('until').whole, 'attestedLatest'],
    ...relations('__typename', 'depth', 'child', 'parent', 'acquisition', 'sources'),
  },
};

/**
 * The stored properties that the fields selected at `paths` (entities of one type) need, id always
 * included; null (read every property) when a path selects a field the table does not know.
 */
export function neededProperties(type: keyof typeof STORED_FIELDS, selection: Selection, paths: string[]): string[] | null {
  const needed = new Set(['id']);
  for (const path of paths) {
    for (const field of selection.fieldsUnder(path)) {
      const stored = STORED_FIELDS[type][field];
      if (!stored) return null;
      if (Array.isArray(stored)) {
        for (const p of stored) needed.add(p);
        continue;
      }
      // A fuzzy date or a quantity: only the parts selected (announced { earliest } reads two properties, not four).
      for (const p of stored.always) needed.add(p);
      for (const part of selection.fieldsUnder(path ? `${path}.${field}` : field)) for (const p of stored.parts[part] ?? stored.whole) needed.add(p);
    }
  }
  return [...needed];
}

/** A node as a query projected it: all its properties (a map), or the values of `props` in order (a list). */
export function projected(value: unknown, props: string[] | null): Row {
  if (!Array.isArray(value) || !props) return value as Row;
  const row: Row = {};
  props.forEach((p, i) => {
    if (value[i] !== null) row[p] = value[i];
  });
  return row;
}
