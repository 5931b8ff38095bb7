import { FieldNode, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';

/**
 * Turns a GraphQL result into a flat table (rows of named cells) for CSV and terminal output:
 * nested objects become dotted columns (headquarters.name), lists of scalars are joined with "; ",
 * and lists of objects become one joined column per leaf (organizations.name = "Prime Video; Amazon MGM Studios").
 */
export class NotTabularError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTabularError';
  }
}

export interface Table {
  columns: string[];
  rows: Array<Record<string, string>>;
}

export const JOIN = '; ';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cell(value: Json): string {
  return value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Leaf paths and values of one value, lists folded into joined cells. */
function leaves(value: Json, prefix: string, out: Map<string, string[]>): void {
  if (Array.isArray(value)) {
    const parts = new Map<string, string[]>();
    for (const item of value) {
      const one = new Map<string, string[]>();
      leaves(item, prefix, one);
      for (const [k, v] of one) parts.set(k, [...(parts.get(k) ?? []), ...v]);
    }
    if (!value.length) out.set(prefix, []);
    for (const [k, v] of parts) out.set(k, [...(out.get(k) ?? []), v.join(JOIN)]);
    return;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (!keys.length && prefix) out.set(prefix, ['']);
    for (const key of keys) leaves(value[key], prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix || 'value', [cell(value)]);
}

/** The rows a root value stands for: a list, a Relay connection, or an object holding exactly one list. */
function rowsOf(field: string, value: Json): Json[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  if (!isObject(value)) throw new NotTabularError(`${field} is a single ${typeof value}; CSV needs a list`);
  if (Array.isArray(value.nodes)) return value.nodes;
  if (Array.isArray(value.edges)) return value.edges.map((e) => (isObject(e) && 'node' in e ? e.node : e));
  const lists = Object.keys(value).filter((k) => Array.isArray(value[k]) && (value[k] as Json[]).some(isObject));
  if (lists.length === 1) return value[lists[0]] as Json[];
  if (lists.length > 1) {
    throw new NotTabularError(`${field} holds several lists (${lists.join(', ')}); select only one of them for a table`);
  }
  return [value];
}

/**
 * The columns a table of no rows still has: the leaf fields the query selects for each row (a
 * connection's nodes or edges' node, else the one list below the root field, else the root field's
 * own selection), as dotted paths. Without them an empty answer would be a CSV with no header row.
 */
export function columnsOfQuery(query: string): string[] {
  let document;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const [root] = (operation?.selectionSet.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const fieldsOf = (set: SelectionSetNode | undefined) => (set?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const key = (f: FieldNode) => f.alias?.value ?? f.name.value;
  let rowFields = fieldsOf(root?.selectionSet);
  const byName = (name: string) => rowFields.find((f) => f.name.value === name);
  const nested = rowFields.filter((f) => f.selectionSet && f.name.value !== 'pageInfo');
  if (byName('nodes')) rowFields = fieldsOf(byName('nodes')!.selectionSet);
  else if (byName('edges')) rowFields = fieldsOf(fieldsOf(byName('edges')!.selectionSet).find((f) => f.name.value === 'node')?.selectionSet);
  else if (nested.length === 1) rowFields = fieldsOf(nested[0].selectionSet);
  const columns: string[] = [];
  const walk = (fields: FieldNode[], prefix: string) => {
    for (const f of fields) {
      const name = prefix + key(f);
      if (f.selectionSet) walk(fieldsOf(f.selectionSet), `${name}.`);
      else columns.push(name);
    }
  };
  walk(rowFields, '');
  return columns;
}

export function tableOf(data: Record<string, unknown> | null | undefined, columnsWhenEmpty: string[] = []): Table {
  const fields = Object.keys(data ?? {});
  if (fields.length !== 1) {
    throw new NotTabularError(`A table needs exactly one root field; this result has ${fields.length}${fields.length ? ` (${fields.join(', ')})` : ''}`);
  }
  const columns: string[] = [];
  const rows = rowsOf(fields[0], (data as Record<string, Json>)[fields[0]]).map((row) => {
    const cells = new Map<string, string[]>();
    leaves(row, '', cells);
    const out: Record<string, string> = {};
    for (const [key, values] of cells) {
      if (!columns.includes(key)) columns.push(key);
      out[key] = values.join(JOIN);
    }
    return out;
  });
  // An empty list of objects only knows its own name: where other rows show its leaves, use those.
  const kept = columns.filter((c) => !columns.some((other) => other.startsWith(`${c}.`)));
  for (const row of rows) for (const c of columns) if (!kept.includes(c)) delete row[c];
  return { columns: rows.length ? kept : columnsWhenEmpty, rows };
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map(csvCell).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Aligned columns for a terminal. */
export function toText(table: Table): string {
  const widths = table.columns.map((c) => Math.max(c.length, ...table.rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(table.columns), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map((r) => line(table.columns.map((c) => r[c] ?? '')))].join('\n') + '\n';
}
