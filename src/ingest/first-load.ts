import fs from 'node:fs';
import path from 'node:path';
import type { GraphClient } from '../graph/graph-client';
import { applySchema } from '../graph/migrate';
import type { LocalNeo4j } from '../local-neo4j/local-neo4j';
import type { Emit } from '../sources/adapter';
import { datasetFor, SOURCE_FORMATS } from '../sources/formats';
import { cyclicOrganizations, importFileList } from './bulk-import';
import { readCsvFile } from './csv';
import { FuzzyDate, InputProblem } from './fuzzy';
import { identifierKey } from './identifiers';
import { IngestValidationError, jsonLines, LoadProblem, publishedOf, RawRecord } from './loader';
import { FieldSpec, RECORD_SPECS, RecordType } from './record-types';
import { normalizeRecord, NormalizedRecord } from './records';

/**
 * The first load of an empty database through Neo4j's own offline bulk importer (neo4j-admin database
 * import full): records are read and checked as the transactional importer checks them, streamed to
 * CSV files in the importer's format (one pass, nothing held but ids), then the importer builds the
 * store in one go. The result is the graph the transactional path writes (a test compares the digests
 * of both exports); schema, derived links (notices to their employer) and empty lists are added after.
 *
 * Inputs are import-format files (docs/import-format.md) or public data sets in their own format
 * (src/sources), e.g. `gleif-lei:var/data/gleif/lei-records.csv`.
 */
export interface FirstLoadInput {
  /** A public data format (src/sources/formats.ts); none for the import format's own files. */
  format?: string;
  path: string;
  version?: string;
  retrieved?: string;
}

export interface FirstLoadOptions {
  /** Where the CSV files go (removed afterwards). */
  workDir: string;
  /** Leave invalid records out (reported) instead of loading nothing. */
  skipInvalid: boolean;
}

export interface FirstLoadResult {
  records: number;
  byType: Record<string, number>;
  skipped: LoadProblem[];
  leftOut: Record<string, number>;
  /** Reading, checking and writing the CSV files. */
  prepareSeconds: number;
  /** neo4j-admin database import. */
  importSeconds: number;
  /** Constraints, indexes (online), derived links and empty lists. */
  finishSeconds: number;
  seconds: number;
  peakRssMb: number;
}

type ColumnType = 'string' | 'string[]' | 'date' | 'long' | 'double' | 'boolean';
interface Column {
  name: string;
  type: ColumnType;
}

const dateColumns = (p: string): Column[] => [
  { name: `${p}Earliest`, type: 'date' },
  { name: `${p}Latest`, type: 'date' },
  { name: `${p}Precision`, type: 'string' },
  { name: `${p}Text`, type: 'string' },
];
const quantityColumns = (p: string, integer: boolean): Column[] => [
  ...['Value', 'Min', 'Max', 'Low', 'High'].map((s) => ({ name: p + s, type: (integer ? 'long' : 'double') as ColumnType })),
  { name: `${p}MinExclusive`, type: 'boolean' },
  { name: `${p}MaxExclusive`, type: 'boolean' },
  { name: `${p}Qualifier`, type: 'string' },
  { name: `${p}Text`, type: 'string' },
];

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

const ARRAY_DELIMITER = '\u001f';

function cell(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'string[]') {
    const list = value as string[];
    if (list.some((s) => s.includes(ARRAY_DELIMITER))) throw new InputProblem('record', 'a text holds the control character U+001F');
    return list.length ? `"${list.join(ARRAY_DELIMITER).replace(/"/g, '""')}"` : '';
  }
  if (type === 'string') return `"${String(value).replace(/"/g, '""')}"`;
  return String(value);
}

/** One of the importer's CSV files, written in large appends. */
class CsvOut {
  private buffer: string[] = [];
  private size = 0;
  private readonly fd: number;
  rows = 0;

  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w');
    fs.writeSync(this.fd, header + '\n');
  }

  write(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const header = (columns: Column[], idColumn: string) => columns.map((c) => (c.name === 'id' ? idColumn : `${c.name}:${c.type}`)).join(',');
const row = (props: Record<string, unknown>, columns: Column[]) => columns.map((c) => cell(props[c.name], c.type)).join(',');

/** The CSV files of one first load, and the importer's arguments that name them. */
class ImportFiles {
  private readonly nodes = new Map<string, { out: CsvOut; columns: Column[] }>();
  private readonly relationships = new Map<string, CsvOut>();
  private readonly links: { out: CsvOut; columns: Column[] };
  private readonly identifiers: CsvOut;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    const linkColumns = storedColumns('Ownership');
    this.links = {
      out: new CsvOut(path.join(dir, 'links.csv'), `:START_ID(Entity),:END_ID(Entity),:TYPE,${header(linkColumns, 'id:string')}`),
      columns: linkColumns,
    };
    this.identifiers = new CsvOut(path.join(dir, 'identifiers.csv'), 'key:ID(Identifier),scheme:string,value:string,exchange:string');
    this.relationship('IDENTIFIES', ':START_ID(Identifier),:END_ID(Entity),:TYPE');
    this.relationship('CITES', ':START_ID(Entity),:END_ID(Entity),:TYPE,quote:string,locator:string');
    this.relationship('EDGES', ':START_ID(Entity),:END_ID(Entity),:TYPE');
    this.relationship(
      'AFFECTS_MARKET',
      `:START_ID(Entity),:END_ID(Entity),:TYPE,${header([...dateColumns('notified'), { name: 'note', type: 'string' }], '')}`,
    );
  }

  private relationship(name: string, head: string): CsvOut {
    const out = new CsvOut(path.join(this.dir, `rel-${name.toLowerCase()}.csv`), head);
    this.relationships.set(name, out);
    return out;
  }

  /** Writes a record; `newIdentifiers` are the keys of its identifiers that no earlier record had. */
  add(r: NormalizedRecord, newIdentifiers: ReadonlySet<string> = new Set()): void {
    if (r.link) {
      this.links.out.write(`${cell(r.link.child, 'string')},${cell(r.link.parent, 'string')},${r.link.relType},${row(r.props, this.links.columns)}`);
      return;
    }
    let file = this.nodes.get(r.type);
    if (!file) {
      const columns = storedColumns(r.type);
      file = { out: new CsvOut(path.join(this.dir, `nodes-${r.type.toLowerCase()}.csv`), header(columns, 'id:ID(Entity)')), columns };
      this.nodes.set(r.type, file);
    }
    for (const key of Object.keys(r.props)) {
      // Every stored property has its column (storedColumns derives them from the record types): a miss is a bug here.
      if (!file.columns.some((c) => c.name === key)) throw new Error(`first load: ${r.type}.${key} has no column in storedColumns`);
    }
    file.out.write(row(r.props, file.columns));
    const id = cell(r.id, 'string');
    for (const e of r.edges) {
      if (e.type === 'AFFECTS_MARKET') {
        const props = e.props as Record<string, unknown>;
        this.relationships
          .get('AFFECTS_MARKET')!
          .write(`${id},${cell(e.to, 'string')},AFFECTS_MARKET,${row(props, [...dateColumns('notified'), { name: 'note', type: 'string' }])}`);
      } else this.relationships.get('EDGES')!.write(`${id},${cell(e.to, 'string')},${e.type}`);
    }
    for (const c of r.citations)
      this.relationships.get('CITES')!.write(`${id},${cell(c.source, 'string')},CITES,${cell(c.quote, 'string')},${cell(c.locator, 'string')}`);
    for (const i of r.identifiers) {
      const key = identifierKey(i.scheme, i.value);
      if (newIdentifiers.has(key)) {
        this.identifiers.write([key, i.scheme, i.value, i.exchange].map((v) => cell(v, 'string')).join(','));
      }
      this.relationships.get('IDENTIFIES')!.write(`${cell(key, 'string')},${id},IDENTIFIES`);
    }
  }

  /** Closes the files; the importer's arguments for them. */
  close(): string[] {
    const args: string[] = [];
    for (const [type, { out }] of this.nodes) {
      out.close();
      args.push(`--nodes=Entity:${type}=${out.file}`);
    }
    this.identifiers.close();
    args.push(`--nodes=Identifier=${this.identifiers.file}`);
    for (const out of this.relationships.values()) {
      out.close();
      args.push(`--relationships=${out.file}`);
    }
    this.links.out.close();
    args.push(`--relationships=${this.links.out.file}`);
    return args;
  }
}

/** Runs through every record of the inputs in order, handing each to `each`; the adapters' own problems and left-out rows are collected. */
function eachRecord(inputs: FirstLoadInput[], each: (record: RawRecord, input: number) => void): { problems: LoadProblem[]; leftOut: Record<string, number> } {
  const problems: LoadProblem[] = [];
  const leftOut: Record<string, number> = {};
  inputs.forEach((input, at) => {
    const emit: Emit = (r) => each(r, at);
    if (input.format) {
      const dataset = datasetFor(input.format, { version: input.version, retrieved: input.retrieved });
      const files = fs.statSync(input.path).isDirectory()
        ? fs
            .readdirSync(input.path)
            .filter((f) => f.endsWith('.json') || f.endsWith('.csv'))
            .sort()
            .map((f) => path.join(input.path, f))
        : [input.path];
      const out = SOURCE_FORMATS[input.format].read(files, dataset, emit);
      problems.push(...out.problems);
      for (const [reason, n] of Object.entries(out.leftOut)) leftOut[reason] = (leftOut[reason] ?? 0) + n;
    } else {
      for (const file of importFileList(input.path)) {
        if (file.endsWith('.csv')) {
          const part = readCsvFile(file);
          problems.push(...part.problems);
          for (const r of part.records) emit(r);
        } else {
          for (const r of jsonLines(file)) {
            if ('reason' in r) problems.push(r);
            else emit(r);
          }
        }
      }
    }
  });
  return { problems, leftOut };
}

/** What --skip-invalid leaves out: a record by its location and id, or a whole row an adapter could not read. */
const skipKey = (p: { file: string; line: number; id?: string }) => (p.id ? `${p.file}:${p.line}:${p.id}` : `${p.file}:${p.line}`);
const skipped = (skip: Set<string>, r: RawRecord) =>
  skip.has(`${r.file}:${r.line}`) || skip.has(`${r.file}:${r.line}:${String((r.value as { id?: unknown })?.id)}`);

/**
 * One pass over the inputs: every record checked (fields, duplicate ids, identifiers named twice,
 * references to what the load holds, parent-link cycles) and, when `files` is given, written.
 * Records at locations in `skip` are left out. Returns the problems found.
 */
function pass(
  inputs: FirstLoadInput[],
  skip: Set<string>,
  files?: ImportFiles,
): { problems: LoadProblem[]; leftOut: Record<string, number>; byType: Record<string, number>; writtenBad: boolean } {
  const labels = new Map<string, string>();
  const identifiers = new Map<string, string>();
  const sourceDates = new Map<string, FuzzyDate | null>();
  // Only where a record is kept for the checks at the end, not the record: a million must fit in little memory.
  const deferred: Array<{ at: { file: string; line: number }; id: string; to: string; label: string; field: string }> = [];
  const parents = new Map<string, string[]>();
  const links: Array<{ at: { file: string; line: number }; id: string; child: string; parent: string }> = [];
  const problems: LoadProblem[] = [];
  const byType: Record<string, number> = {};
  const refuse = (r: { file: string; line: number }, id: string | undefined, field: string | undefined, reason: string) =>
    problems.push({ file: r.file, line: r.line, ...(id ? { id } : {}), ...(field ? { field } : {}), reason });
  // Markets are shared by data sets (a country): the last statement of one wins, as when the sets are
  // imported one after another; they are few, and written at the end.
  const markets = new Map<string, { raw: RawRecord; input: number }>();
  let input = 0;
  const read = eachRecord(inputs, (raw, at) => {
    if (skipped(skip, raw)) return;
    input = at;
    let r: NormalizedRecord;
    try {
      r = normalizeRecord(raw.value, sourceDates);
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      return refuse(raw, (raw.value as { id?: string })?.id, error.field, error.message);
    }
    const restated = r.type === 'Market' ? markets.get(r.id) : undefined;
    if (restated?.input === input || (!restated && labels.has(r.id))) return refuse(raw, r.id, 'id', `id "${r.id}" is given twice in this load`);
    for (const i of r.identifiers) {
      const key = identifierKey(i.scheme, i.value);
      const holder = identifiers.get(key);
      if (holder && holder !== r.id) return refuse(raw, r.id, 'identifiers', `identifier ${key} already identifies "${holder}"`);
    }
    const refs = [
      ...r.edges.map((e) => ({ to: e.to, label: e.toLabel, field: e.field ?? e.type })),
      ...r.citations.map((c) => ({ to: c.source, label: 'Source', field: 'sources' })),
      ...(r.link
        ? [
            { to: r.link.child, label: 'Organization', field: 'child' },
            { to: r.link.parent, label: 'Organization', field: 'parent' },
          ]
        : []),
    ];
    for (const ref of refs) {
      const label = labels.get(ref.to);
      if (label === undefined) deferred.push({ at: { file: raw.file, line: raw.line }, id: r.id, ...ref });
      else if (ref.label !== 'Entity' && label !== ref.label) return refuse(raw, r.id, ref.field, `"${ref.to}" is a ${label}, not a ${ref.label}`);
    }
    labels.set(r.id, r.link ? 'Ownership' : r.label);
    const fresh = new Set<string>();
    for (const i of r.identifiers) {
      const key = identifierKey(i.scheme, i.value);
      if (!identifiers.has(key)) fresh.add(key);
      identifiers.set(key, r.id);
    }
    if (r.type === 'Source') sourceDates.set(r.id, publishedOf(r.props));
    if (r.link) {
      parents.set(r.link.child, [...(parents.get(r.link.child) ?? []), r.link.parent]);
      links.push({ at: { file: raw.file, line: raw.line }, id: r.id, child: r.link.child, parent: r.link.parent });
    }
    if (!restated) byType[r.type] = (byType[r.type] ?? 0) + 1;
    if (r.type === 'Market') markets.set(r.id, { raw, input });
    else files?.add(r, fresh);
  });
  for (const { raw } of markets.values()) files?.add(normalizeRecord(raw.value, sourceDates));
  // Records whose references could be checked only at the end were written already: leaving one out means writing again.
  const before = problems.length;
  for (const d of deferred) {
    const label = labels.get(d.to);
    if (label === undefined) refuse(d.at, d.id, d.field, `refers to "${d.to}", which this load does not have (a first load is of an empty database)`);
    else if (d.label !== 'Entity' && label !== d.label) refuse(d.at, d.id, d.field, `"${d.to}" is a ${label}, not a ${d.label}`);
  }
  const inCycle = cyclicOrganizations(parents);
  for (const l of links.filter((x) => inCycle.has(x.child) && inCycle.has(x.parent))) {
    refuse(l.at, l.id, 'parent', `would make ${l.child} its own ancestor (ownership cycle)`);
  }
  // The adapters report rows they cannot read each time they read them: those already left out are not news.
  const unread = read.problems.filter((p) => !skip.has(skipKey(p)));
  return { problems: [...unread, ...problems], leftOut: read.leftOut, byType, writtenBad: problems.length > before };
}

/**
 * Loads the inputs into the local Neo4j's database, replacing it, with the bulk importer. The database
 * must not be running (the caller stops it); `startGraph` starts it again and returns a client, on
 * which the schema is applied.
 */
export async function firstLoad(
  local: LocalNeo4j,
  inputs: FirstLoadInput[],
  options: FirstLoadOptions,
  startGraph: () => Promise<GraphClient>,
): Promise<FirstLoadResult> {
  const started = Date.now();
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const skip = new Set<string>();
    const skipped: LoadProblem[] = [];
    const dir = path.join(options.workDir, `first-load-${process.pid}`);
    let files = new ImportFiles(dir);
    let result = pass(inputs, skip, files);
    // Invalid records are not written. Leaving one out can orphan those that refer to it, already
    // written: then check and write again, until nothing else falls.
    while (result.problems.length) {
      if (!options.skipInvalid) {
        files.close();
        fs.rmSync(dir, { recursive: true, force: true });
        throw new IngestValidationError(result.problems);
      }
      for (const p of result.problems) {
        skipped.push(p);
        skip.add(skipKey(p));
      }
      if (!result.writtenBad) break;
      files.close();
      fs.rmSync(dir, { recursive: true, force: true });
      files = new ImportFiles(dir);
      result = pass(inputs, skip, files);
    }
    const importArgs = files.close();
    const prepareSeconds = (Date.now() - started) / 1000;
    const imported = await local.bulkImport([
      ...importArgs,
      `--array-delimiter=${ARRAY_DELIMITER}`,
      '--multiline-fields=true',
      '--max-off-heap-memory=256m',
      '--threads=2',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
    const finishing = Date.now();
    const graph = await startGraph();
    await applySchema(graph);
    // What the transactional path stores and the bulk importer cannot write: a lone empty list element.
    await graph.writeInBatches('admin/fill-link-citation-lists');
    await graph.writeInBatches('ingest/link-all-employers');
    const records = Object.values(result.byType).reduce((a, b) => a + b, 0);
    return {
      records,
      byType: result.byType,
      skipped,
      leftOut: result.leftOut,
      prepareSeconds,
      importSeconds: imported.seconds,
      finishSeconds: (Date.now() - finishing) / 1000,
      seconds: (Date.now() - started) / 1000,
      peakRssMb: Math.round(peakRss / 2 ** 20),
    };
  } finally {
    clearInterval(sample);
  }
}
