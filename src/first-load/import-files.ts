import fs from 'node:fs';
import path from 'node:path';
import { InputProblem } from '../ingest/dates-and-quantities';
import { identifierKey } from '../ingest/identifiers';
import type { NormalizedRecord } from '../ingest/records';
import { Column, ColumnType, dateColumns, storedColumns } from './columns';
/**
 * The CSV files of a first load in Neo4j's bulk importer's format: a file per label and relationship
 * type, written in large appends, and the importer's arguments that name them.
 */
export const ARRAY_DELIMITER = '\u001f';

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
export class ImportFiles {
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
    this.relationship('IDENTIFIES', ':START_ID(Identifier),:END_ID(Entity),:TYPE,source:string,locator:string');
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
      this.relationships.get('IDENTIFIES')!.write(`${cell(key, 'string')},${id},IDENTIFIES,${cell(i.source, 'string')},${cell(i.locator, 'string')}`);
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
