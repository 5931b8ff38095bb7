import fs from 'node:fs';
import path from 'node:path';
import { GraphClient, GraphTransaction } from '../graph/graph-client';
import { toNeo4jDate } from '../graph/values';
import { FuzzyDate, InputProblem } from './fuzzy';
import { NormalizedRecord, normalizeRecord, OWNED_EDGE_TYPES, RecordType } from './records';

export interface RecordLocation {
  file: string;
  line: number;
}

export interface RawRecord extends RecordLocation {
  value: unknown;
}

export interface LoadProblem extends RecordLocation {
  id?: string;
  /** The field at fault, when one is (e.g. headcount.min). */
  field?: string;
  reason: string;
}

/** A load that breaks the rules: nothing of it was written. */
export class IngestValidationError extends Error {
  constructor(readonly problems: LoadProblem[]) {
    super(
      `${problems.length} invalid record(s); nothing was written:\n` +
        problems
          .slice(0, 20)
          .map((p) => `  ${p.file}:${p.line}${p.id ? ` (${p.id})` : ''}: ${p.reason}`)
          .join('\n') +
        (problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''),
    );
    this.name = 'IngestValidationError';
  }
}

export interface LoadSummary {
  records: number;
  byType: Partial<Record<RecordType, number>>;
}

const WRITE_BATCH = 1000;

/** Lists the .jsonl files of a folder (sorted, so loads are repeatable) or returns the one file given. */
export function listRecordFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(target, name));
}

/** Reads JSON Lines: one record per non-blank line; a line that is not JSON is a problem, not a crash. */
export function readRecordFiles(files: string[]): { records: RawRecord[]; problems: LoadProblem[] } {
  const records: RawRecord[] = [];
  const problems: LoadProblem[] = [];
  for (const file of files) {
    const name = path.basename(file);
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (text.trim() === '') return;
        try {
          records.push({ file: name, line: index + 1, value: JSON.parse(text) });
        } catch (error) {
          problems.push({ file: name, line: index + 1, reason: `not valid JSON (${(error as Error).message})` });
        }
      });
  }
  return { records, problems };
}

interface Located extends NormalizedRecord {
  loc: RecordLocation;
}

function describe(error: unknown): string {
  return error instanceof InputProblem ? error.message : `unexpected: ${(error as Error).message}`;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown })?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Validates records against the rules and against what the graph already holds, then writes them
 * all in one transaction, or writes nothing and throws IngestValidationError listing every problem.
 */
export interface LoadOptions {
  /** More work for the same transaction, after the records are written (e.g. attaching citations). */
  afterWrite?: (tx: GraphTransaction) => Promise<void>;
}

export async function loadRecords(graph: GraphClient, raw: RawRecord[], earlierProblems: LoadProblem[] = [], options: LoadOptions = {}): Promise<LoadSummary> {
  const problems = [...earlierProblems];
  const isSource = (r: RawRecord) => (r.value as { type?: unknown })?.type === 'Source';

  // Sources first: their publication dates anchor relative dates ("last month") in the facts citing them.
  const sourceDates = new Map<string, FuzzyDate | null>();
  const normalized: Located[] = [];
  const normalize = (r: RawRecord) => {
    try {
      normalized.push({ ...normalizeRecord(r.value, sourceDates), loc: { file: r.file, line: r.line } });
    } catch (error) {
      problems.push({ file: r.file, line: r.line, id: idOf(r.value), field: error instanceof InputProblem ? error.field : undefined, reason: describe(error) });
    }
  };
  raw.filter(isSource).forEach(normalize);
  for (const s of normalized) sourceDates.set(s.id, publishedOf(s.props));

  const citedElsewhere = new Set<string>();
  for (const r of raw.filter((x) => !isSource(x))) {
    for (const c of ((r.value as { sources?: unknown })?.sources as Array<{ source?: unknown }> | undefined) ?? []) {
      const id = typeof c === 'string' ? c : c?.source;
      if (typeof id === 'string' && !sourceDates.has(id)) citedElsewhere.add(id);
    }
  }
  if (citedElsewhere.size) {
    for (const row of await graph.read('ingest/source-dates', { ids: [...citedElsewhere] })) {
      sourceDates.set(row.id as string, publishedOf(row as Record<string, unknown>));
    }
  }
  raw.filter((x) => !isSource(x)).forEach(normalize);

  checkDuplicates(normalized, problems);
  await checkReferences(graph, normalized, problems);
  if (problems.length) throw new IngestValidationError(problems);

  await graph.writeTransaction(async (tx) => {
    await writeRecords(tx, normalized);
    const childIds = normalized.filter((r) => r.link).map((r) => r.link!.child);
    if (childIds.length) {
      const cycles = await tx.run('ingest/ownership-cycles', { ids: childIds });
      if (cycles.length) {
        const located = normalized.filter((r) => r.link && cycles.some((c) => c.id === r.link!.child));
        throw new IngestValidationError(
          located.map((r) => ({ ...r.loc, id: r.id, field: 'parent', reason: `would make ${r.link!.child} its own ancestor (ownership cycle)` })),
        );
      }
    }
    await options.afterWrite?.(tx);
  });

  const byType: Partial<Record<RecordType, number>> = {};
  for (const r of normalized) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return { records: normalized.length, byType };
}

/** Loads every .jsonl file of a folder (or one file): the seed graph goes through here. */
export async function loadRecordFiles(graph: GraphClient, target: string): Promise<LoadSummary> {
  const { records, problems } = readRecordFiles(listRecordFiles(target));
  return loadRecords(graph, records, problems);
}

function publishedOf(props: Record<string, unknown>): FuzzyDate | null {
  const earliest = (props.publishedEarliest as string | undefined) ?? null;
  const latest = (props.publishedLatest as string | undefined) ?? null;
  if (!earliest && !latest) return null;
  return { earliest, latest, precision: (props.publishedPrecision as FuzzyDate['precision']) ?? 'DAY', text: null };
}

function checkDuplicates(records: Located[], problems: LoadProblem[]): void {
  const first = new Map<string, Located>();
  for (const r of records) {
    const earlier = first.get(r.id);
    if (earlier) {
      problems.push({ ...r.loc, id: r.id, reason: `duplicate id (first used at ${earlier.loc.file}:${earlier.loc.line})` });
    } else {
      first.set(r.id, r);
    }
  }
}

/** Every referenced id must name an entity of the right kind, in this load or already in the graph. */
async function checkReferences(graph: GraphClient, records: Located[], problems: LoadProblem[]): Promise<void> {
  const inLoad = new Map(records.map((r) => [r.id, r.label]));
  const wanted = new Set<string>(records.map((r) => r.id));
  for (const r of records) {
    for (const e of r.edges) wanted.add(e.to);
    for (const c of r.citations) wanted.add(c.source);
    if (r.link) {
      wanted.add(r.link.child).add(r.link.parent);
      if (r.props.acquisitionId) wanted.add(r.props.acquisitionId as string);
    }
  }
  const stored = new Map<string, string[]>();
  for (const row of await graph.read('ingest/entity-labels', { ids: [...wanted] })) {
    stored.set(row.id as string, row.labels as string[]);
  }
  const check = (r: Located, id: string, label: string, what: string, field?: string) => {
    const loadLabel = inLoad.get(id);
    const ok = loadLabel !== undefined ? label === 'Entity' || loadLabel === label : (stored.get(id) ?? []).includes(label);
    if (!ok) problems.push({ ...r.loc, id: r.id, field, reason: `${what} "${id}" is not a known ${label === 'Entity' ? 'entity' : label}` });
  };
  for (const r of records) {
    const existing = stored.get(r.id);
    if (existing && !existing.includes(r.label)) {
      problems.push({ ...r.loc, id: r.id, reason: `id "${r.id}" already names a ${existing.filter((l) => l !== 'Entity').join('/')}` });
    }
    for (const e of r.edges) check(r, e.to, e.toLabel, e.type.toLowerCase().replace(/_/g, ' '), e.field);
    for (const c of r.citations) check(r, c.source, 'Source', 'cited source', 'sources');
    if (r.link) {
      check(r, r.link.child, 'Organization', 'child', 'child');
      check(r, r.link.parent, 'Organization', 'parent', 'parent');
      if (r.props.acquisitionId) check(r, r.props.acquisitionId as string, 'Acquisition', 'acquisition', 'acquisition');
    }
  }
}

/** Dates travel as Neo4j Date values, so that they compare and index as dates. */
function storable(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    out[key] = /(Earliest|Latest)$/.test(key) && typeof value === 'string' ? toNeo4jDate(value) : value;
  }
  return out;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += WRITE_BATCH) out.push(items.slice(i, i + WRITE_BATCH));
  return out;
}

async function writeRecords(tx: GraphTransaction, records: Located[]): Promise<void> {
  const nodes = records.filter((r) => !r.link);
  const links = records.filter((r) => r.link);
  for (const batch of batches(nodes)) {
    await tx.run('ingest/upsert-nodes', { rows: batch.map((r) => ({ id: r.id, label: r.label, props: storable(r.props) })) });
  }
  for (const batch of batches(nodes.filter((r) => OWNED_EDGE_TYPES[r.type].length))) {
    await tx.run('ingest/replace-edges', {
      rows: batch.map((r) => ({
        id: r.id,
        edgeTypes: OWNED_EDGE_TYPES[r.type],
        edges: r.edges.map((e) => ({ type: e.type, to: e.to, props: storable(e.props) })),
      })),
    });
  }
  for (const batch of batches(nodes.filter((r) => r.citations.length))) {
    await tx.run('ingest/replace-citations', { rows: batch.map((r) => ({ id: r.id, citations: r.citations })) });
  }
  for (const batch of batches(links)) {
    await tx.run('ingest/upsert-ownership', {
      rows: batch.map((r) => ({ id: r.id, relType: r.link!.relType, child: r.link!.child, parent: r.link!.parent, props: storable(r.props) })),
    });
  }
}
