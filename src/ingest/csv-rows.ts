import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * CSV as RFC 4180 writes it (quoted fields, doubled quotes, line breaks inside quotes), read as
 * rows of cells with the line each row starts on, so that a complaint names the line an analyst
 * opens. The import format's CSV (csv.ts) and the public data adapters (src/sources) read with it.
 */
export function* csvCells(chunks: Iterable<string>): Generator<{ line: number; cells: string[] }> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let text = '';
  let first = true;
  const it = chunks[Symbol.iterator]();
  for (let next = it.next(); ;) {
    const done = Boolean(next.done);
    if (!done) text += next.value;
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    // A chunk's last character waits for the next when it could start a two-character token ("" or CR LF).
    const end = done ? text.length : text.length - 1;
    let i = 0;
    for (; i < end; i += 1) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (c === '"') quoted = false;
        else {
          if (c === '\n') line += 1;
          field += c;
        }
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        row.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i += 1;
        row.push(field);
        if (!(row.length === 1 && row[0] === '')) yield { line: rowLine, cells: row };
        row = [];
        field = '';
        line += 1;
        rowLine = line;
      } else field += c;
    }
    text = text.slice(i);
    if (done) break;
    next = it.next();
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield { line: rowLine, cells: row };
  }
}

/** A file's text in chunks of 4 MiB, so that a large file (GLEIF's golden copy) is never held whole. */
export function* fileChunks(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 22);
  try {
    for (let n = fs.readSync(fd, buffer, 0, buffer.length, null); n > 0; n = fs.readSync(fd, buffer, 0, buffer.length, null)) {
      yield decoder.write(buffer.subarray(0, n));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

/** One CSV data row by column name, with the line it starts on. */
export interface CsvRow {
  line: number;
  get(column: string): string;
  /** Columns numbered `<prefix>.1`, `<prefix>.2`, ... that have a value, in order (GLEIF's repeated fields). */
  numbered(prefix: string, suffix?: string): string[];
}

/** A CSV file's data rows by column name; a row with another number of fields than the header is reported, never guessed at. */
export function* readCsvRows(file: string): Generator<CsvRow | { line: number; problem: string }> {
  let index: Map<string, number> | null = null;
  let width = 0;
  for (const { line, cells } of csvCells(fileChunks(file))) {
    if (!index) {
      index = new Map(cells.map((c, i) => [c.trim(), i]));
      width = cells.length;
      continue;
    }
    if (cells.length !== width) {
      yield { line, problem: `has ${cells.length} fields, the header ${width}` };
      continue;
    }
    const at = index;
    yield {
      line,
      get: (column: string) => (at.has(column) ? cells[at.get(column)!].trim() : ''),
      numbered: (prefix: string, suffix = '') => {
        const out: string[] = [];
        for (let n = 1; at.has(`${prefix}.${n}${suffix}`); n += 1) {
          const v = cells[at.get(`${prefix}.${n}${suffix}`)!].trim();
          if (v) out.push(v);
        }
        return out;
      },
    };
  }
}
