import fs from 'node:fs';
import path from 'node:path';
import { importFileList } from '../ingest/bulk-import';
import { readCsvFile } from '../ingest/csv';
import { jsonLines, LoadProblem, RawRecord } from '../ingest/record-files';
import type { Emit } from '../sources/adapter';
import { datasetFor, SOURCE_FORMATS } from '../sources/formats';

/** One input of a first load: a public data set in its own format, or the import format's own files. */
export interface FirstLoadInput {
  /** A public data format (src/sources/formats.ts); none for the import format's own files. */
  format?: string;
  path: string;
  version?: string;
  retrieved?: string;
}

/** Runs through every record of the inputs in order, handing each to `each`; the adapters' own problems and left-out rows are collected. */
export function eachRecord(
  inputs: FirstLoadInput[],
  each: (record: RawRecord, input: number) => void,
): { problems: LoadProblem[]; leftOut: Record<string, number> } {
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
