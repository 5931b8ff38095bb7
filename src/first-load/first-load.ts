import fs from 'node:fs';
import path from 'node:path';
import type { GraphClient } from '../graph/graph-client';
import { applySchema } from '../graph/migrate';
import { IngestValidationError } from '../ingest/importer';
import { LoadProblem } from '../ingest/record-files';
import type { LocalNeo4j } from '../local-neo4j/local-neo4j';
import { ARRAY_DELIMITER, ImportFiles } from './import-files';
import type { FirstLoadInput } from './inputs';
import { pass, skipKey } from './passes';
import { mergeIdentifierTwins } from '../resolution/identifier-merges';
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
  /** Organizations merged because they carry one identifier (rule:identifier). */
  merged: Array<{ survivor: string; absorbed: string }>;
  /** Reading, checking and writing the CSV files. */
  prepareSeconds: number;
  /** neo4j-admin database import. */
  importSeconds: number;
  /** Constraints, indexes (online), derived links and empty lists. */
  finishSeconds: number;
  seconds: number;
  peakRssMb: number;
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
    // One company, one node: organizations that carry one identifier, merged as any load would merge them.
    const merged = result.twins.length ? await graph.writeTransaction((tx) => mergeIdentifierTwins(tx, result.twins)) : [];
    const records = Object.values(result.byType).reduce((a, b) => a + b, 0);
    return {
      records,
      byType: result.byType,
      skipped,
      leftOut: result.leftOut,
      merged: merged.map((m) => ({ survivor: m.survivorId, absorbed: m.absorbedId })),
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
