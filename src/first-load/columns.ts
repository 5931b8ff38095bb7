import { STORED_DATE, STORED_QUANTITY, StoredForm, StoredPartType } from '../ingest/dates-and-quantities';
import type { FieldSpec, RecordType } from '../ingest/record-types';
import { RECORD_SPECS } from '../ingest/record-types';

/**
 * The bulk importer's typed columns of each record type, derived from the record types' description
 * (src/ingest/record-types.ts) and the properties the record rules derive.
 */
export type ColumnType = 'string' | 'string[]' | 'date' | 'long' | 'double' | 'boolean';
export interface Column {
  name: string;
  type: ColumnType;
}

/** The columns of a value stored in a stored form (STORED_DATE, STORED_QUANTITY); `integer` for numbers that are counts. */
function formColumns<Part extends string>(form: StoredForm<Part>, prefix: string, integer = false): Column[] {
  const columnType = (type: StoredPartType): ColumnType => (type === 'number' ? (integer ? 'long' : 'double') : type);
  return Object.values<{ suffix: string; type: StoredPartType }>(form.parts).map(({ suffix, type }) => ({ name: prefix + suffix, type: columnType(type) }));
}
export const dateColumns = (p: string): Column[] => formColumns(STORED_DATE, p);
const quantityColumns = (p: string, integer: boolean): Column[] => formColumns(STORED_QUANTITY, p, integer);

/** Properties the record rules (records.ts, RULES) derive, besides the fields. */
const DERIVED_COLUMNS: Partial<Record<RecordType, Column[]>> = {
  Organization: [
    { name: 'nameLower', type: 'string' },
    { name: 'aliasesLower', type: 'string[]' },
    { name: 'nameKey', type: 'string' },
    { name: 'acronym', type: 'string' },
    { name: 'acronymCompound', type: 'boolean' },
  ],
  Ownership: [
    { name: 'sourceIds', type: 'string[]' },
    { name: 'quotes', type: 'string[]' },
    { name: 'locators', type: 'string[]' },
  ],
};

function fieldColumns(f: FieldSpec): Column[] {
  switch (f.kind) {
    case 'text':
      return [{ name: f.storedAs ?? f.name, type: 'string' }];
    case 'texts':
    case 'enums':
      return [{ name: f.name, type: 'string[]' }];
    case 'url':
    case 'enum':
    case 'code':
      return [{ name: f.name, type: 'string' }];
    case 'number':
      return [{ name: f.name, type: 'double' }];
    case 'boolean':
      return [{ name: f.name, type: 'boolean' }];
    case 'date':
      return dateColumns(f.name);
    case 'period':
      return [...dateColumns('since'), ...dateColumns('until'), { name: 'attestedLatest', type: 'date' }];
    case 'quantity':
      return quantityColumns(f.name, Boolean(f.rules?.integer));
    case 'money':
      return [...quantityColumns(f.name, false), { name: `${f.name}Currency`, type: 'string' }];
    case 'factRef':
      return [{ name: f.storedAs, type: 'string' }];
    default:
      return []; // relationships and identifiers, not properties
  }
}

/** The stored properties of a record type, as the importer's typed columns: derived from its description. */
export function storedColumns(type: RecordType): Column[] {
  return [{ name: 'id', type: 'string' }, ...RECORD_SPECS[type].fields.flatMap(fieldColumns), ...(DERIVED_COLUMNS[type] ?? [])];
}
