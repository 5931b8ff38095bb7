import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** One CSV data row by column name, with the line it starts on (fields may span lines). */
export interface CsvRow {
  line: number;
  get(column: string): string;
  /** Columns numbered `<prefix>.1`, `<prefix>.2`, ... that have a value, in order (GLEIF's repeated fields). */
  numbered(prefix: string, suffix?: string): string[];
}

/**
 * Reads a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) row by row,
 * each with the line it starts on, so that a complaint names the file and line an analyst opens. A row
 * with another number of fields than the header is reported, never guessed at.
 */
export function* readCsvRows(file: string): Generator<CsvRow | { line: number; problem: string }> {
  let header: string[] | null = null;
  let index = new Map<string, number>();
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const finish = function* (): Generator<CsvRow | { line: number; problem: string }> {
    row.push(field);
    const cells = row;
    row = [];
    field = '';
    if (cells.length === 1 && cells[0] === '') return;
    if (!header) {
      header = cells.map((c) => c.trim());
      index = new Map(header.map((c, i) => [c, i]));
      return;
    }
    if (cells.length !== header.length) {
      yield { line: rowLine, problem: `has ${cells.length} fields, the header ${header.length}` };
      return;
    }
    const at = rowLine;
    yield {
      line: at,
      get: (column: string) => (index.has(column) ? cells[index.get(column)!].trim() : ''),
      numbered: (prefix: string, suffix = '') => {
        const out: string[] = [];
        for (let n = 1; index.has(`${prefix}.${n}${suffix}`); n += 1) {
          const v = cells[index.get(`${prefix}.${n}${suffix}`)!].trim();
          if (v) out.push(v);
        }
        return out;
      },
    };
  };
  // Read in chunks, so a large file (GLEIF's golden copy) is never held whole; a chunk's last
  // character waits for the next when it could start a two-character token ("" or CR LF).
  const fd = fs.openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(1 << 22);
  let text = '';
  let first = true;
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      const done = n === 0;
      text += done ? decoder.end() : decoder.write(chunk.subarray(0, n));
      if (first) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
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
          yield* finish();
          line += 1;
          rowLine = line;
        } else field += c;
      }
      text = text.slice(i);
      if (done) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (field !== '' || row.length) yield* finish();
}
