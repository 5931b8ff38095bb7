import type { Bounds } from '../graph/cypher-catalog';
import { BadUserInputError, ConflictError } from '../errors/errors';
import { FactChanges } from '../ingest/fact-changes';
import { IdentifierTwin, landByIdentifiers, TwinMerger } from './identifier-twins';
import { KeyedLocks } from './keyed-locks';
import { GraphClient, GraphTransaction, Params, Row } from '../graph/graph-client';
import { FuzzyDate, InputProblem } from './dates-and-quantities';
import { listRecordFiles, LoadProblem, RawRecord, readRecordFiles, RecordLocation } from './record-files';
import type { RecordType } from './record-types';
import { NormalizedRecord, normalizeRecord } from './records';
import { chunks, idTakenReason, kindOf, writeRecords } from './write-steps';

/**
 * The importer: records checked against the rules and the graph, then written, in one transaction
 * that first locks what they name, or nothing written (IngestValidationError). Seeds, mutations,
 * accepted extractions and resolution's links all land through it.
 */
/** Runs a named read: the graph's own, or a transaction's, so that checks can share the write's transaction. */
export type GraphReader = (name: string, params: Params, bounds?: Bounds) => Promise<Row[]>;

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
  /** Organizations merged because they carry one identifier (rule:identifier). */
  merged?: Array<{ survivor: string; absorbed: string }>;
  /** Organizations not written again: already merged into the company their identifiers name. */
  landed?: string[];
}

/** Ids looked up in the graph per query while validating. */
const LOOKUP_BATCH = 20000;

export interface LocatedRecord extends NormalizedRecord {
  loc: RecordLocation;
}

function describe(error: unknown): string {
  return error instanceof InputProblem ? error.message : `unexpected: ${(error as Error).message}`;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown })?.id;
  return typeof id === 'string' ? id : undefined;
}

/** What a load may do besides writing its records, in the same transaction. */
export interface LoadOptions {
  /** More work for the same transaction, after the records are written (e.g. attaching citations). */
  afterWrite?: (tx: GraphTransaction) => Promise<void>;
  /** Ids the extra work writes besides the records' own (e.g. the fact a citation is added to). */
  lockIds?: string[];
  /** Settles which records to write by what the graph holds, in the write's transaction, before they are checked. */
  prepare?: (tx: GraphTransaction, raw: RawRecord[]) => Promise<RawRecord[]>;
  /** Who writes, as the change feed names them (an API key's name, "seed", a reviewer); "import" when not said. */
  by?: string;
  /** Merges an organization with the one that carries its identifier; without it such a record is refused. */
  mergeTwins?: TwinMerger;
}

/** Records checked against the rules and the graph, ready to write; problems say what is wrong where. */
export interface Validated {
  records: LocatedRecord[];
  problems: LoadProblem[];
}

/** How a validation reads the graph. */
export interface ValidateOptions {
  /**
   * Lock every entity the records name (their own ids and the ids they reference) before reading
   * them: for a check inside the write's own transaction, so that what it checked is still so when
   * the write lands (a concurrent merge waits, or has committed and is seen).
   */
  lock?: boolean;
  /** More ids to lock in the same sorted pass (with lock): what the write will touch besides what the records name. */
  alsoLock?: string[];
  /**
   * Filled with the organizations whose id is already merged into another (id to survivor) instead of
   * refusing them: the caller lands them by their identifiers (resolution/identifier-twins.ts).
   */
  mergedInto?: Map<string, string>;
}

/**
 * Checks raw records against the rules and against what the graph already holds: fields, every fact
 * cited, duplicate ids, references (in the load or the graph, of the right type). Writes nothing.
 */
export async function validateRecords(
  read: GraphReader,
  raw: RawRecord[],
  earlierProblems: LoadProblem[] = [],
  options: ValidateOptions = {},
): Promise<Validated> {
  const problems = [...earlierProblems];
  const isSource = (r: RawRecord) => (r.value as { type?: unknown })?.type === 'Source';

  // Sources first: their publication dates anchor relative dates ("last month") in the facts citing them.
  const sourceDates = new Map<string, FuzzyDate | null>();
  const normalized: LocatedRecord[] = [];
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
  for (const r of raw) {
    if (isSource(r)) continue;
    for (const c of ((r.value as { sources?: unknown })?.sources as Array<{ source?: unknown }> | undefined) ?? []) {
      const id = typeof c === 'string' ? c : c?.source;
      if (typeof id === 'string' && !sourceDates.has(id)) citedElsewhere.add(id);
    }
  }
  for (const ids of chunks([...citedElsewhere], LOOKUP_BATCH)) {
    for (const row of await read('ingest/source-dates', { ids })) {
      sourceDates.set(row.id as string, publishedOf(row as Record<string, unknown>));
    }
  }
  for (const r of raw) if (!isSource(r)) normalize(r);

  checkDuplicates(normalized, problems);
  await checkReferences(read, normalized, problems, options);
  return { records: normalized, problems };
}

/**
 * Validates and writes every record in one transaction (the checks read what the write will change, so
 * no other write can slip in between), or writes nothing and throws IngestValidationError.
 */
export async function loadRecords(graph: GraphClient, raw: RawRecord[], earlierProblems: LoadProblem[] = [], options: LoadOptions = {}): Promise<LoadSummary> {
  const ids = [...raw.map((r) => idOf(r.value)).filter((id): id is string => Boolean(id)), ...(options.lockIds ?? [])];
  return WRITE_LOCKS.run(ids, () =>
    graph.writeTransaction(async (tx) => {
      // What `prepare` reads is locked first, with what the records point at now (replacing those
      // relationships locks their other ends too); validation then locks what the records reference.
      const held = await lockEntities(tx, ids, { withHeld: true });
      const toWrite = options.prepare ? await options.prepare(tx, raw) : raw;
      const mergedInto = new Map<string, string>();
      const { records, problems } = await validateRecords((name, params, bounds) => tx.run(name, params, bounds), toWrite, earlierProblems, {
        lock: true,
        alsoLock: held,
        mergedInto,
      });
      // One company, one node: an organization whose identifier another carries lands on it.
      const landing = await landByIdentifiers((name, params) => tx.run(name, params), records, mergedInto);
      problems.push(...landingProblems(records, landing, mergedInto, options.mergeTwins));
      if (problems.length) throw new IngestValidationError(problems);
      const written = landing.records;
      const changes = new FactChanges(options.by ?? 'import');
      await writeRecords(tx, written, changes);
      const merges = landing.twins.length ? await options.mergeTwins!(tx, landing.twins) : [];
      await refuseCycles(tx, written);
      await options.afterWrite?.(tx);
      return {
        ...summarize(written),
        ...(merges.length ? { merged: merges.map((m) => ({ survivor: m.survivorId, absorbed: m.absorbedId })) } : {}),
        ...(landing.landed.length ? { landed: landing.landed } : {}),
      };
    }),
  );
}

/**
 * What a load cannot land: a record whose id is merged into another than its identifiers name, and
 * without a merger (a caller below entity resolution), a record whose identifier another organization carries.
 */
export function landingProblems(
  records: LocatedRecord[],
  landing: { twins: IdentifierTwin[]; unlanded: string[] },
  mergedInto: ReadonlyMap<string, string>,
  merger: TwinMerger | undefined,
): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const at = (id: string) => records.find((r) => r.id === id)!.loc;
  for (const id of landing.unlanded) {
    const to = mergedInto.get(id);
    problems.push({ ...at(id), id, reason: `id "${id}" now redirects to "${to}" (merged or superseded): write to "${to}", or split the merge first` });
  }
  if (!merger) {
    for (const t of landing.twins)
      problems.push({ ...at(t.id), id: t.id, field: 'identifiers', reason: `identifier ${t.key} already identifies "${t.other}"` });
  }
  return problems;
}

/**
 * A refused load as a client reads it: an id taken by a fact of another kind is a conflict with the
 * graph (409); anything else is the input's mistake (400), each problem named by its field.
 */
export function clientErrorOf(error: IngestValidationError): ConflictError | BadUserInputError {
  const taken = error.problems.find((p) => p.takenBy);
  if (taken) return new ConflictError(`${taken.file}: ${taken.reason}`, taken.id!, taken.takenBy!);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const messages = error.problems.map((p) => {
    const field = p.field ? `${p.file}.${p.field}` : p.file;
    return { field, message: p.field ? `${field}: ${p.reason.replace(new RegExp(`^${escape(p.field)}: `), '')}` : `${p.file}: ${p.reason}` };
  });
  return new BadUserInputError(messages.map((m) => m.message).join('; '), messages[0]?.field);
}

/**
 * Takes Neo4j's write locks on the entities `ids` (and on those their redirects end at), in id order,
 * in the transaction `tx`: the guard every write's checks rest on, across API processes. With
 * `withHeld`, returns the ids of the entities the facts `ids` point at now, read once they are locked.
 */
export async function lockEntities(tx: GraphTransaction, ids: Iterable<string>, { withHeld = false } = {}): Promise<string[]> {
  const held = new Set<string>();
  for (const batch of chunks([...new Set(ids)].sort(), LOOKUP_BATCH)) {
    const [row] = await tx.run('ingest/lock-entities', { ids: batch }, { withHeld });
    for (const id of (row?.held as string[] | undefined) ?? []) held.add(id);
  }
  return [...held];
}

/**
 * This process's writes of the same ids queue here before they reach Neo4j (see KeyedLocks): an
 * economy (fewer deadlock retries between one process's own writes), never the guard, which is
 * lockEntities in the write's transaction.
 */
export const WRITE_LOCKS = new KeyedLocks();

export function summarize(records: LocatedRecord[]): LoadSummary {
  const byType: Partial<Record<RecordType, number>> = {};
  for (const r of records) byType[r.type] = (byType[r.type] ?? 0) + 1;
  return { records: records.length, byType };
}

/** Fails the transaction (so nothing of it lands) when its parent links would make a company its own ancestor. */
export async function refuseCycles(tx: GraphTransaction, records: LocatedRecord[]): Promise<void> {
  const childIds = records.filter((r) => r.link).map((r) => r.link!.child);
  if (!childIds.length) return;
  const cycles = await tx.run('ingest/ownership-cycles', { ids: childIds });
  if (!cycles.length) return;
  const located = records.filter((r) => r.link && cycles.some((c) => c.id === r.link!.child));
  throw new IngestValidationError(
    located.map((r) => ({ ...r.loc, id: r.id, field: 'parent', reason: `would make ${r.link!.child} its own ancestor (ownership cycle)` })),
  );
}

/** Loads every .jsonl file of a folder (or one file): the seed graph goes through here. */
export async function loadRecordFiles(graph: GraphClient, target: string, by = 'import'): Promise<LoadSummary> {
  const { records, problems } = readRecordFiles(listRecordFiles(target));
  return loadRecords(graph, records, problems, { by });
}

/** A stored source's publication date, what relative dates in the facts citing it resolve against. */
export function publishedOf(props: Record<string, unknown>): FuzzyDate | null {
  const earliest = (props.publishedEarliest as string | undefined) ?? null;
  const latest = (props.publishedLatest as string | undefined) ?? null;
  if (!earliest && !latest) return null;
  return { earliest, latest, precision: (props.publishedPrecision as FuzzyDate['precision']) ?? 'DAY', text: null };
}

function checkDuplicates(records: LocatedRecord[], problems: LoadProblem[]): void {
  const first = new Map<string, LocatedRecord>();
  for (const r of records) {
    const earlier = first.get(r.id);
    if (earlier) {
      problems.push({ ...r.loc, id: r.id, reason: `duplicate id (first used at ${earlier.loc.file}:${earlier.loc.line})` });
    } else {
      first.set(r.id, r);
    }
  }
}

/** Every referenced id must name an entity of the right kind, in this load or already in the graph (a merged id: its survivor). */
async function checkReferences(read: GraphReader, records: LocatedRecord[], problems: LoadProblem[], options: ValidateOptions): Promise<void> {
  const inLoad = new Map(records.map((r) => [r.id, r.label]));
  const wanted = new Set<string>(records.map((r) => r.id));
  for (const id of options.alsoLock ?? []) wanted.add(id);
  for (const r of records) {
    for (const e of r.edges) wanted.add(e.to);
    for (const c of r.citations) wanted.add(c.source);
    for (const i of r.identifiers) if (i.source) wanted.add(i.source);
    if (r.link) {
      wanted.add(r.link.child).add(r.link.parent);
      if (r.props.acquisitionId) wanted.add(r.props.acquisitionId as string);
    }
  }
  if (options.lock) {
    for (const ids of chunks([...wanted].sort(), LOOKUP_BATCH)) await read('ingest/lock-entities', { ids }, { withHeld: false });
  }
  const stored = new Map<string, string[]>();
  const redirects = new Map<string, { to: string; labels: string[] }>();
  for (const ids of chunks([...wanted], LOOKUP_BATCH)) {
    for (const row of await read('ingest/entity-labels', { ids })) {
      stored.set(row.id as string, row.labels as string[]);
      if (row.redirectsTo) redirects.set(row.id as string, { to: row.redirectsTo as string, labels: row.redirectLabels as string[] });
    }
  }
  /** The id a reference lands on: itself, or for a merged id the entity it now answers for (a Redirect record points at the id itself). */
  const check = (r: LocatedRecord, id: string, label: string, what: string, field?: string): string => {
    const loadLabel = inLoad.get(id);
    const redirect = r.type !== 'Redirect' && loadLabel === undefined ? redirects.get(id) : undefined;
    if (redirect && (label === 'Entity' || redirect.labels.includes(label))) return redirect.to;
    const ok = loadLabel !== undefined ? label === 'Entity' || loadLabel === label : (stored.get(id) ?? []).includes(label);
    if (!ok) problems.push({ ...r.loc, id: r.id, field, reason: `${what} "${id}" is not a known ${label === 'Entity' ? 'entity' : label}` });
    return id;
  };
  for (const r of records) {
    const existing = stored.get(r.id);
    if (existing && !existing.includes(r.label)) {
      const takenBy = kindOf(existing);
      const merged = redirects.get(r.id);
      if (merged && options.mergedInto && r.type === 'Organization' && r.identifiers.length) {
        options.mergedInto.set(r.id, merged.to);
        continue;
      }
      const reason = merged
        ? `id "${r.id}" now redirects to "${merged.to}" (merged or superseded): write to "${merged.to}", or split the merge first`
        : idTakenReason(r.id, takenBy, r.type);
      problems.push({ ...r.loc, id: r.id, takenBy, reason });
    }
    for (const e of r.edges) e.to = check(r, e.to, e.toLabel, e.type.toLowerCase().replace(/_/g, ' '), e.field);
    for (const c of r.citations) check(r, c.source, 'Source', 'cited source', 'sources');
    for (const i of r.identifiers) if (i.source) check(r, i.source, 'Source', "identifier's source", 'identifiers');
    if (r.link) {
      r.link.child = check(r, r.link.child, 'Organization', 'child', 'child');
      r.link.parent = check(r, r.link.parent, 'Organization', 'parent', 'parent');
      if (r.props.acquisitionId) check(r, r.props.acquisitionId as string, 'Acquisition', 'acquisition', 'acquisition');
    }
  }
}
