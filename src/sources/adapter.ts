import path from 'node:path';
import type { LoadProblem, RawRecord } from '../ingest/record-files';
import { readCsvRows, CsvRow } from '../ingest/csv-rows';
import { countryMarket, Dataset, datasetSource } from './dataset';

/** What an adapter makes of a file: records in the import format, rows it could not read, and rows it left out on purpose. */
export interface AdapterOutput {
  records: RawRecord[];
  problems: LoadProblem[];
  /** Rows left out by design (e.g. fund relationships), counted by reason. */
  leftOut: Record<string, number>;
}

/** Where an adapter's records go: kept in its output (the default), or handed on one by one (a first load streams them to disk). */
export type Emit = (record: RawRecord) => void;

/**
 * Collects an adapter's output: the data set's Source first, markets once each, then facts, each
 * located at its file and line so that a complaint names them.
 */
export class AdapterSink {
  readonly out: AdapterOutput = { records: [], problems: [], leftOut: {} };
  private readonly markets = new Set<string>();
  readonly file: string;
  private readonly emit: Emit;

  constructor(
    file: string,
    readonly dataset: Dataset,
    emit?: Emit,
  ) {
    this.file = path.basename(file);
    this.emit = emit ?? ((r) => void this.out.records.push(r));
    this.emit(datasetSource(dataset, this.file));
  }

  add(line: number, value: Record<string, unknown>): void {
    this.emit({ file: this.file, line, value });
  }

  problem(line: number, reason: string, field?: string): void {
    this.out.problems.push({ file: this.file, line, reason, ...(field ? { field } : {}) });
  }

  leaveOut(reason: string): void {
    this.out.leftOut[reason] = (this.out.leftOut[reason] ?? 0) + 1;
  }

  /** The id of a country's market, adding the market the first time. */
  country(code: string): string {
    const id = `country-${code.toLowerCase()}`;
    if (!this.markets.has(id)) {
      this.markets.add(id);
      this.emit(countryMarket(code, this.dataset, this.file));
    }
    return id;
  }

  /** The id of a market within another (a state in a country, a city in a state), adding it the first time. */
  market(id: string, value: Record<string, unknown>): string {
    if (!this.markets.has(id)) {
      this.markets.add(id);
      this.emit({ file: this.file, line: 0, value: { type: 'Market', id, ...value, sources: [{ source: this.dataset.id }] } });
    }
    return id;
  }

  /** Runs `each` over a CSV file's rows; a row that breaks the format, or that `each` refuses by throwing, is reported with its line. */
  eachCsvRow(file: string, each: (row: CsvRow) => void): AdapterOutput {
    for (const row of readCsvRows(file)) {
      if ('problem' in row) {
        this.problem(row.line, row.problem);
        continue;
      }
      try {
        each(row);
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        this.problem(row.line, error.message, error.field);
      }
    }
    return this.out;
  }
}

/** A row an adapter cannot read, with the column at fault. */
export class RowProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'RowProblem';
  }
}

/** A CSV date column as a day (YYYY-MM-DD, or the date part of an ISO timestamp); null when empty. */
export function dayOf(value: string, column: string): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (!m) throw new RowProblem(column, `is not a date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  return m[1];
}
