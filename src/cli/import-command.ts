import { mergeIdentifierTwins } from '../resolution/identifier-merges';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { importFiles } from '../ingest/bulk-import';
import { Progress } from '../ingest/progress';
import { datasetFor, SOURCE_FORMATS } from '../sources/formats';
import { parseArgs, UsageError } from './args';
import { UserError, withGraph } from './common';

/** `corpgraph import`: record files, or a public data set in its own format, through the transactional importer. */
export const IMPORT_USAGE = `  corpgraph import <file|dir> [--batch-size N] [--skip-invalid]
      Load JSON Lines (.jsonl) and CSV (.csv) record files (docs/import-format.md).
      Everything is validated first; by default one invalid record means nothing is written.
      Killed and run again, an import resumes and ends in the same graph.
  corpgraph import --format <name> <file> [--dataset-version V] [--retrieved YYYY-MM-DD] [--skip-invalid]
      Load a public data set in its own format (docs/public-data.md): ${Object.keys(SOURCE_FORMATS).join(', ')}.
      Every fact cites the data set (publisher, version, licence) with the row it came from.`;

/** Reads a public data set's files with its adapter; rows left out by design are reported on stderr. */
function adapterReader(formatName: string, version: string | undefined, retrieved: string | undefined) {
  return (files: string[]) => {
    let dataset;
    try {
      dataset = datasetFor(formatName, { version, retrieved });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const target = files[0];
    const inputs = fs.statSync(target).isDirectory()
      ? fs
          .readdirSync(target)
          .filter((f) => f.endsWith('.json') || f.endsWith('.csv'))
          .sort()
          .map((f) => path.join(target, f))
      : [target];
    const out = SOURCE_FORMATS[formatName].read(inputs, dataset);
    for (const [reason, count] of Object.entries(out.leftOut)) console.error(`left out ${count.toLocaleString('en-US')} rows: ${reason}`);
    return out;
  };
}

export async function importCommand(rest: string[]): Promise<number> {
  const args = parseArgs(rest, { 'batch-size': 'number', 'skip-invalid': 'boolean', format: 'string', 'dataset-version': 'string', retrieved: 'string' });
  if (args.positional.length !== 1) throw new UsageError('import takes one file or folder');
  const formatName = args.options.format as string | undefined;
  if (formatName && !SOURCE_FORMATS[formatName]) throw new UsageError(`--format must be one of ${Object.keys(SOURCE_FORMATS).join(', ')}`);
  const retrieved = args.options.retrieved as string | undefined;
  if (retrieved && !/^\d{4}-\d{2}-\d{2}$/.test(retrieved)) throw new UsageError('--retrieved must be a day, YYYY-MM-DD');
  if (!fs.existsSync(path.resolve(args.positional[0]))) throw new UserError(`no such file or folder: ${args.positional[0]}`);
  const batchSize = (args.options['batch-size'] as number | undefined) ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100000) throw new UsageError('--batch-size must be a whole number from 1 to 100000');
  return withGraph(async ({ graph }) => {
    const result = await importFiles(graph, path.resolve(args.positional[0]), {
      batchSize,
      skipInvalid: Boolean(args.options['skip-invalid']),
      checkpointDir: path.join(PROJECT_ROOT, 'var', 'import'),
      progress: (total) => new Progress(total, 'writes'),
      mergeTwins: mergeIdentifierTwins,
      ...(formatName ? { read: adapterReader(formatName, args.options['dataset-version'] as string | undefined, retrieved) } : {}),
    });
    for (const p of result.skipped) console.error(`skipped ${p.file}:${p.line}${p.id ? ` (${p.id})` : ''}: ${p.reason}`);
    console.log(
      JSON.stringify({
        imported: result.records,
        byType: result.byType,
        skipped: result.skipped.length,
        resumedBatches: result.resumedBatches,
        ...(result.merged ? { mergedByIdentifier: result.merged } : {}),
        ...(result.landed ? { alreadyMerged: result.landed.length } : {}),
        seconds: result.seconds,
      }),
    );
    return 0;
  });
}
