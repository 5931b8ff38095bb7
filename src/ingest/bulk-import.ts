import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GraphClient } from '../graph/graph-client';
import { readCsvFile } from './csv';
import { IngestValidationError, landingProblems, LocatedRecord, refuseCycles, summarize, validateRecords, LoadSummary } from './importer';
import { landByIdentifiers, TwinMerger } from './identifier-twins';
import { LoadProblem, RawRecord, readRecordFiles } from './record-files';
import { chunks, stepRows, WRITE_STEPS, writeBatch } from './write-steps';
import { FactChanges } from '../ingest/fact-changes';
import { Progress } from './progress';

export interface ImportOptions {
  /** Rows per write transaction. */
  batchSize: number;
  /** Write the valid records and report the others, instead of writing nothing. */
  skipInvalid: boolean;
  /** Where progress of an unfinished import is kept, so that a second run resumes it. */
  checkpointDir: string;
  /** Progress reporting; none when omitted. */
  progress?: (total: number) => Progress;
  /** Reads the files in another format (a public data set's adapter, src/sources) instead of the import format. */
  read?: (files: string[]) => { records: RawRecord[]; problems: LoadProblem[] };
  /** Who imports, as the change feed names them; "import" when not said. */
  by?: string;
  /** Merges an organization with the one that carries its identifier (after the batches); without it such a record is refused. */
  mergeTwins?: TwinMerger;
}

export interface ImportResult extends LoadSummary {
  /** Records left out with --skip-invalid, with the reason. */
  skipped: LoadProblem[];
  /** Write batches that an earlier, interrupted run had already committed. */
  resumedBatches: number;
  seconds: number;
}

/** The .jsonl and .csv files to import: the one given, or those of a folder in name order. */
export function importFileList(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => f.endsWith('.jsonl') || f.endsWith('.csv'))
    .sort()
    .map((f) => path.join(target, f));
}

function readAll(files: string[]): { records: RawRecord[]; problems: LoadProblem[] } {
  const out = { records: [] as RawRecord[], problems: [] as LoadProblem[] };
  for (const file of files) {
    const part = file.endsWith('.csv') ? readCsvFile(file) : readRecordFiles([file]);
    // Loops, not push(...spread): a million records would overflow the call stack.
    for (const r of part.records) out.records.push(r);
    for (const p of part.problems) out.problems.push(p);
  }
  return out;
}

/** Organizations that would be their own ancestor through the given parent links (child to its parents). */
export function cyclicOrganizations(parents: ReadonlyMap<string, readonly string[]>): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      trail.slice(trail.indexOf(id)).forEach((x) => cyclic.add(x));
      return;
    }
    state.set(id, 'open');
    for (const p of parents.get(id) ?? []) visit(p, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of parents.keys()) visit(id, []);
  return cyclic;
}

/** Cycles among the parent links of the load itself, found before anything is written. */
function cyclesInLoad(records: LocatedRecord[]): LoadProblem[] {
  const parents = new Map<string, string[]>();
  for (const r of records) if (r.link) parents.set(r.link.child, [...(parents.get(r.link.child) ?? []), r.link.parent]);
  const cyclic = cyclicOrganizations(parents);
  return records
    .filter((r) => r.link && cyclic.has(r.link.child) && cyclic.has(r.link.parent))
    .map((r) => ({ ...r.loc, id: r.id, field: 'parent', reason: `would make ${r.link!.child} its own ancestor (ownership cycle)` }));
}

/** Identifies an import by what it reads and how, so that only the same import resumes from a checkpoint. */
function fingerprint(files: string[], options: ImportOptions): string {
  const hash = crypto.createHash('sha256');
  for (const f of files) {
    const stat = fs.statSync(f);
    hash.update(`${path.resolve(f)}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  hash.update(`${options.batchSize}\0${options.skipInvalid}`);
  return hash.digest('hex').slice(0, 24);
}

/**
 * Imports record files in batched write transactions. Everything is validated first: by default any
 * invalid record means nothing is written. Upserts are idempotent by id, and each committed batch is
 * checkpointed, so an import killed at any point and run again ends in the same graph as one that
 * was never interrupted (and skips the batches already committed).
 */
export async function importFiles(graph: GraphClient, target: string, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const files = options.read ? [target] : importFileList(target);
  const read = options.read ? options.read(files) : readAll(files);
  const skipped: LoadProblem[] = [];
  let raw = read.records;
  // An import is too large for one transaction: it is checked first, and each batch's write guards its
  // own ids again (writeBatch), so a conflicting concurrent write still fails the batch, never corrupts.
  const reader = (name: string, params: Record<string, unknown>) => graph.read(name, params);
  // One company, one node: organizations whose identifier another carries land on it (merged at the end).
  const mergedInto = new Map<string, string>();
  const check = async (records: RawRecord[], earlier: LoadProblem[] = []) => {
    mergedInto.clear();
    const checked = await validateRecords(reader, records, earlier, { mergedInto });
    const landing = await landByIdentifiers(reader, checked.records, mergedInto);
    checked.problems.push(...cyclesInLoad(checked.records), ...landingProblems(checked.records, landing, mergedInto, options.mergeTwins));
    return { ...checked, landing };
  };
  let validated = await check(raw, read.problems);
  while (validated.problems.length) {
    if (!options.skipInvalid) throw new IngestValidationError(validated.problems);
    // Leaving a record out can orphan those that refer to it: validate again until nothing else falls.
    for (const p of validated.problems) skipped.push(p);
    const bad = new Set(validated.problems.map((p) => `${p.file}:${p.line}`));
    raw = raw.filter((r) => !bad.has(`${r.file}:${r.line}`));
    validated = await check(raw);
  }
  const { landing } = validated;
  const records = landing.records;

  const plan = WRITE_STEPS.flatMap((step) => {
    const { query, rows, bounds } = stepRows(step, records);
    return chunks(rows, options.batchSize).map((batch) => ({ step, query, rows: batch, bounds }));
  });
  const linkRecords = records.filter((r) => r.link);
  const totalRows = plan.reduce((n, b) => n + b.rows.length, 0);

  fs.mkdirSync(options.checkpointDir, { recursive: true });
  const checkpoint = path.join(options.checkpointDir, `import-${fingerprint(files, options)}.json`);
  const resumedBatches = fs.existsSync(checkpoint)
    ? Math.min(plan.length, (JSON.parse(fs.readFileSync(checkpoint, 'utf8')) as { batches: number }).batches)
    : 0;
  const progress = options.progress?.(totalRows);
  progress?.advance(
    plan.slice(0, resumedBatches).reduce((n, b) => n + b.rows.length, 0),
    resumedBatches ? 'resumed' : '',
  );

  // The change feed learns each batch's changes in the batch's transaction; a fact created by an
  // earlier batch of this run is not "changed" again by the steps that complete it (its relations, sources).
  const byId = new Map(records.map((r) => [r.id, r]));
  const createdThisRun = new Set<string>();
  for (let i = resumedBatches; i < plan.length; i += 1) {
    const batch = plan[i];
    const created = await graph.writeTransaction(async (tx) => {
      const changes = new FactChanges(options.by ?? 'import', createdThisRun);
      changes.note(batch.step, await writeBatch(tx, batch.query, batch.rows, batch.bounds));
      tx.record(changes.changesOf(batch.rows.map((row) => byId.get(row.id as string)).filter((r): r is LocatedRecord => r !== undefined)));
      if (batch.step === 'links') {
        const ids = new Set(batch.rows.map((r) => r.id as string));
        await refuseCycles(
          tx,
          linkRecords.filter((r) => ids.has(r.id)),
        );
      }
      return changes.created();
    });
    for (const id of created) createdThisRun.add(id);
    fs.writeFileSync(checkpoint, JSON.stringify({ batches: i + 1, of: plan.length, files }));
    progress?.advance(batch.rows.length, batch.step);
  }
  const merges = landing.twins.length ? await graph.writeTransaction((tx) => options.mergeTwins!(tx, landing.twins)) : [];
  fs.rmSync(checkpoint, { force: true });
  const seconds = (Date.now() - started) / 1000;
  progress?.finish(`Imported ${records.length.toLocaleString('en-US')} records in ${seconds.toFixed(1)} s`);
  return {
    ...summarize(records),
    ...(merges.length ? { merged: merges.map((m) => ({ survivor: m.survivorId, absorbed: m.absorbedId })) } : {}),
    ...(landing.landed.length ? { landed: landing.landed } : {}),
    skipped,
    resumedBatches,
    seconds,
  };
}
