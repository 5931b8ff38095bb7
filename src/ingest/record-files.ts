import fs from 'node:fs';
import path from 'node:path';
import { fileChunks } from './csv-rows';

/** The import format's files read: JSON Lines, one record per line, each with where it came from. */

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
  /** Set when the record's id already names a fact of another kind (that kind). */
  takenBy?: string;
}

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
    for (const r of jsonLines(file)) {
      if ('reason' in r) problems.push(r);
      else records.push(r);
    }
  }
  return { records, problems };
}

/** A JSON Lines file's records one by one, read in chunks (a first load streams a million records without holding them). */
export function* jsonLines(file: string): Generator<RawRecord | LoadProblem> {
  const name = path.basename(file);
  let rest = '';
  let line = 0;
  const parse = (text: string): RawRecord | LoadProblem | null => {
    line += 1;
    if (text.trim() === '') return null;
    try {
      return { file: name, line, value: JSON.parse(text) };
    } catch (error) {
      return { file: name, line, reason: `not valid JSON (${(error as Error).message})` };
    }
  };
  for (const chunk of fileChunks(file)) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const text of lines) {
      const r = parse(text);
      if (r) yield r;
    }
  }
  const last = parse(rest);
  if (last) yield last;
}
