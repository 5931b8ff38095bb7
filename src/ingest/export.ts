import fs from 'node:fs';
import path from 'node:path';
import { GraphClient, Row } from '../graph/graph-client';
import { EDGE_FIELD, OWNED_EDGE_TYPES, RECORD_SPECS, RECORD_TYPES, RecordType } from './record-types';
import { DERIVED_QUANTITY_PARTS, STORED_DATE, STORED_QUANTITY, StoredQuantityPart, storedNames } from './dates-and-quantities';

/**
 * Writes the graph in the import format: one JSON Lines file per record type, in the order an import
 * needs them, records in id order, fields in a fixed order. Importing an export into an empty
 * database and exporting again gives the same files, byte for byte.
 */
const PAGE = 5000;
/** Stored properties that are derived from others, not part of a record. */
const DERIVED = new Set([
  'id',
  'nameLower',
  'aliasesLower',
  'nameKey',
  'acronym',
  'acronymCompound',
  'sourceIds',
  'quotes',
  'locators',
  'acquisitionId',
  'attestedLatest',
  'amendsId',
]);

export type StoredCitation = { source: string; quote: string | null; locator?: string | null };
export type StoredIdentifier = { scheme: string; value: string; exchange?: string | null; source?: string | null; locator?: string | null };

export type ExportRecord = Record<string, unknown> & { type: RecordType; id: string };

function take(props: Row, key: string): unknown {
  const value = props[key];
  delete props[key];
  return value;
}

function dateOf(props: Row, prefix: string): Record<string, unknown> | undefined {
  const names = storedNames(STORED_DATE, prefix);
  const date = Object.fromEntries(Object.entries(names).map(([part, name]) => [part, take(props, name)]));
  return date[STORED_DATE.marker] === undefined ? undefined : compact(date);
}

/** A stored quantity back in the import format: the derived bounds dropped, `value` under `valueKey`, false exclusivity left out. */
function quantityOf(props: Row, prefix: string, valueKey = 'value'): Record<string, unknown> | undefined {
  const names = storedNames(STORED_QUANTITY, prefix);
  const q: Record<string, unknown> = {};
  for (const [part, name] of Object.entries(names) as Array<[StoredQuantityPart, string]>) {
    const value = take(props, name);
    if (DERIVED_QUANTITY_PARTS.includes(part)) continue;
    q[part === 'value' ? valueKey : part] = STORED_QUANTITY.parts[part].type === 'boolean' ? value || undefined : value;
  }
  return q[STORED_QUANTITY.marker] === undefined ? undefined : compact(q);
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

function citationsOf(list: StoredCitation[]): Array<Record<string, unknown>> {
  return [...list]
    .sort((a, b) => a.source.localeCompare(b.source) || (a.locator ?? '').localeCompare(b.locator ?? ''))
    .map((c) => compact({ source: c.source, quote: c.quote || undefined, locator: c.locator || undefined }));
}

function identifiersOf(list: StoredIdentifier[]): Array<Record<string, unknown>> | undefined {
  if (!list.length) return undefined;
  return [...list]
    .sort((a, b) => `${a.scheme}:${a.value}`.localeCompare(`${b.scheme}:${b.value}`))
    .map((i) =>
      compact({ scheme: i.scheme, value: i.value, exchange: i.exchange ?? undefined, source: i.source ?? undefined, locator: i.locator ?? undefined }),
    );
}

/** Rebuilds an import record from a stored node, its owned relationships and its citations. */
export function recordFromNode(
  type: RecordType,
  stored: Row,
  edges: Array<{ type: string; to: string; props: Row }>,
  citations: StoredCitation[],
  identifiers: StoredIdentifier[] = [],
): ExportRecord {
  const props: Row = { ...stored };
  const record: Record<string, unknown> = { type, id: props.id };
  // The record type's description says how each field was stored; read each back the same way.
  for (const field of RECORD_SPECS[type].fields) {
    if (field.kind === 'date') record[field.name] = dateOf(props, field.name);
    else if (field.kind === 'period') [record.since, record.until] = [dateOf(props, 'since'), dateOf(props, 'until')];
    else if (field.kind === 'quantity') record[field.name] = quantityOf(props, field.name);
    else if (field.kind === 'money') {
      const currency = take(props, `${field.name}Currency`);
      const amount = quantityOf(props, field.name, 'amount');
      record[field.name] = amount ? { ...amount, currency } : undefined;
    } else if (field.kind === 'text' && field.storedAs) record[field.name] = take(props, field.storedAs);
    else if (field.kind === 'factRef') record[field.name] = take(props, field.storedAs);
    else if (field.kind === 'identifiers') record.identifiers = identifiersOf(identifiers);
  }
  for (const key of Object.keys(props).sort()) if (!DERIVED.has(key)) record[key] = props[key];
  const regions: Array<Record<string, unknown>> = [];
  for (const e of [...edges].sort((a, b) => `${a.type} ${a.to}`.localeCompare(`${b.type} ${b.to}`))) {
    if (e.type === 'AFFECTS_MARKET') {
      const rel = { ...e.props };
      regions.push(compact({ market: e.to, notified: dateOf(rel, 'notified'), note: rel.note }));
      continue;
    }
    const target = EDGE_FIELD[e.type];
    if (!target) continue;
    if (target.many) record[target.field] = [...((record[target.field] as string[]) ?? []), e.to];
    else record[target.field] = e.to;
  }
  if (regions.length) record.regions = regions;
  if (type !== 'Source') record.sources = citationsOf(citations);
  return compact(record) as ExportRecord;
}

export function recordFromLink(stored: Row, child: string, parent: string): ExportRecord {
  const props: Row = { ...stored };
  const sourceIds = (props.sourceIds as string[]) ?? [];
  const quotes = (props.quotes as string[]) ?? [];
  const locators = (props.locators as string[]) ?? [];
  return compact({
    type: 'Ownership',
    id: props.id,
    kind: props.kind,
    share: props.share,
    child,
    parent,
    since: dateOf(props, 'since'),
    until: dateOf(props, 'until'),
    acquisition: props.acquisitionId,
    sources: citationsOf(sourceIds.map((source, i) => ({ source, quote: quotes[i] || null, locator: locators[i] || null }))),
  }) as ExportRecord;
}

const ALL_EDGE_TYPES = [...new Set(Object.values(OWNED_EDGE_TYPES).flat())];

/** An export --root that names no organization of the graph. */
export class UnknownRootError extends Error {
  constructor(readonly root: string) {
    super(`--root: "${root}" is not an organization in the graph`);
    this.name = 'UnknownRootError';
  }
}

/** How many records readGraph will read. */
export async function countRecords(graph: GraphClient): Promise<number> {
  const [row] = await graph.read('export/count');
  return row.records as number;
}

/** Reads every record of the graph, page by page (keyset on id); `onPage` hears how many each page read. */
export async function readGraph(graph: GraphClient, onPage: (records: number) => void = () => undefined): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  for (let after = ''; ;) {
    const rows = await graph.read('export/entities', { after, limit: PAGE, edgeTypes: ALL_EDGE_TYPES });
    for (const row of rows) {
      const type = row.label as RecordType;
      if (!(RECORD_TYPES as readonly string[]).includes(type)) continue;
      const ownedEdges = (row.edges as Array<{ type: string; to: string; props: Row }>).filter((e) => OWNED_EDGE_TYPES[type].includes(e.type));
      records.push(recordFromNode(type, row.props as Row, ownedEdges, row.citations as StoredCitation[], row.identifiers as StoredIdentifier[]));
    }
    onPage(rows.length);
    if (rows.length < PAGE) break;
    after = (rows[rows.length - 1].props as Row).id as string;
  }
  for (let after = ''; ;) {
    const rows = await graph.read('export/links', { after, limit: PAGE });
    for (const row of rows) records.push(recordFromLink(row.props as Row, row.child as string, row.parent as string));
    onPage(rows.length);
    if (rows.length < PAGE) break;
    after = (rows[rows.length - 1].props as Row).id as string;
  }
  return records;
}

/** Every id a record refers to (the closure of a --root export follows these), as its record type describes its fields. */
function referencesOf(r: ExportRecord): string[] {
  const refs: string[] = [];
  for (const field of RECORD_SPECS[r.type].fields) {
    const value = r[field.name];
    if (field.kind === 'ref' || field.kind === 'linkEnd' || field.kind === 'factRef') {
      if (typeof value === 'string') refs.push(value);
    } else if (field.kind === 'refs') refs.push(...((value as string[] | undefined) ?? []));
    else if (field.kind === 'regions') for (const region of (value as Array<{ market: string }> | undefined) ?? []) refs.push(region.market);
  }
  for (const c of (r.sources as Array<{ source: string }>) ?? []) refs.push(c.source);
  for (const i of (r.identifiers as Array<{ source?: string }> | undefined) ?? []) if (i.source) refs.push(i.source);
  return refs;
}

/**
 * The part of the graph about one company's family: every organization ever below it, the facts
 * about them (roles, presences, acquisitions, layoffs, links, claims) and everything those refer to,
 * so that the export imports on its own.
 */
export function familyOf(records: ExportRecord[], root: string): ExportRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  if (byId.get(root)?.type !== 'Organization') throw new UnknownRootError(root);
  const members = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of records) {
      if (r.type === 'Ownership' && members.has(r.parent as string) && !members.has(r.child as string)) {
        members.add(r.child as string);
        grew = true;
      }
    }
  }
  const about = (r: ExportRecord) => referencesOf(r).some((id) => members.has(id));
  const keep = new Set<string>(members);
  const queue: string[] = [];
  for (const r of records) {
    if (members.has(r.id) || (r.type !== 'Source' && r.type !== 'Organization' && r.type !== 'Person' && r.type !== 'Market' && about(r))) {
      keep.add(r.id);
      queue.push(r.id);
    }
  }
  while (queue.length) {
    const r = byId.get(queue.pop()!);
    if (!r) continue;
    for (const ref of referencesOf(r)) {
      if (!keep.has(ref)) {
        keep.add(ref);
        queue.push(ref);
      }
    }
  }
  // Claims about kept facts come along too.
  for (const r of records) if (r.type === 'Claim' && keep.has(r.subject as string)) keep.add(r.id);
  return records.filter((r) => keep.has(r.id));
}

/** Writes records as one .jsonl file per type, numbered in import order; returns the files written. */
export function writeExport(records: ExportRecord[], dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  RECORD_TYPES.forEach((type, i) => {
    const ofType = records.filter((r) => r.type === type).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-${type.replace(/[A-Z]/g, (c, at) => (at ? '-' : '') + c.toLowerCase())}.jsonl`);
    fs.rmSync(file, { force: true });
    if (!ofType.length) return;
    fs.writeFileSync(file, ofType.map((r) => JSON.stringify(r)).join('\n') + '\n');
    written.push(file);
  });
  return written;
}
