import path from 'node:path';
import { csvCells, fileChunks } from './csv-rows';
import type { LoadProblem, RawRecord } from './record-files';
import { RECORD_SPECS, RecordType } from './record-types';

/**
 * CSV for the flat record types (Source, Organization, Person, Market): one file per type, named
 * after it (organizations.csv, or any name with a `type` column), a header row of field names.
 * List fields (aliases, publishers, authors, sources) hold values separated by "|"; a `quote` column
 * is the quote of the first source; dates are calendar strings (2024, 2024-01, 2024-01-10).
 */
const FILE_TYPES: Record<string, string> = { sources: 'Source', organizations: 'Organization', people: 'Person', markets: 'Market' };
export const CSV_TYPES = Object.values(FILE_TYPES);
const csvFields = CSV_TYPES.flatMap((t) => RECORD_SPECS[t as RecordType].fields);
/** Columns holding lists, and dates, as the record types describe their fields. */
const LIST_FIELDS = new Set(['sources', ...csvFields.filter((f) => f.kind === 'texts' || f.kind === 'refs' || f.kind === 'enums').map((f) => f.name)]);
const DATE_FIELDS = new Set(csvFields.filter((f) => f.kind === 'date').map((f) => f.name));

/** Splits CSV text into rows (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  return [...csvCells([text])].map((r) => r.cells);
}

export function readCsvFile(file: string): { records: RawRecord[]; problems: LoadProblem[] } {
  const name = path.basename(file);
  const [head, ...rows] = [...csvCells(fileChunks(file))];
  const header = head?.cells;
  const records: RawRecord[] = [];
  const problems: LoadProblem[] = [];
  const fileType = FILE_TYPES[path.basename(file, '.csv').toLowerCase()];
  if (!header) return { records, problems };
  // Each row with the line it starts on (a quoted field may span lines).
  rows.forEach(({ line, cells }) => {
    if (cells.length !== header.length) {
      problems.push({ file: name, line, reason: `has ${cells.length} fields, the header ${header.length}` });
      return;
    }
    const value: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const cell = cells[i].trim();
      if (cell === '') return;
      value[column] = LIST_FIELDS.has(column)
        ? cell
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean)
        : DATE_FIELDS.has(column)
          ? { on: cell }
          : cell;
    });
    value.type ??= fileType;
    if (!CSV_TYPES.includes(String(value.type))) {
      problems.push({
        file: name,
        line,
        reason: `CSV holds only ${CSV_TYPES.join(', ')} records (name the file organizations.csv etc., or add a type column)`,
      });
      return;
    }
    if (Array.isArray(value.sources)) {
      const quote = value.quote as string | undefined;
      delete value.quote;
      value.sources = (value.sources as string[]).map((source, i) => (i === 0 && quote ? { source, quote } : { source }));
    }
    records.push({ file: name, line, value });
  });
  return { records, problems };
}
