import path from 'node:path';
import { countRecords, familyOf, readGraph, UnknownRootError, writeExport } from '../ingest/export';
import { Progress } from '../ingest/progress';
import { parseArgs, UsageError } from './args';
import { UserError, withGraph } from './common';

/** `corpgraph export`: the graph, or one company's family, in the import format. */
export const EXPORT_USAGE = `  corpgraph export <dir> [--root <organization id>]
      Write the whole graph (or one company's family) in the import format.`;

export async function exportCommand(rest: string[]): Promise<number> {
  const args = parseArgs(rest, { root: 'string', url: 'string' });
  if (args.options.url) {
    throw new UsageError(
      'export reads the database, not the API: it needs every property, relationship and citation of every record, which the API does not page out in bulk. Run it where NEO4J_URI (or the local Neo4j) is reachable.',
    );
  }
  if (args.positional.length !== 1) throw new UsageError('export takes one folder');
  return withGraph(async ({ graph }) => {
    const progress = new Progress(await countRecords(graph), 'records');
    let records = await readGraph(graph, (n) => progress.advance(n, 'read'));
    progress.finish(`Read ${records.length.toLocaleString('en-US')} records`);
    if (args.options.root) {
      try {
        records = familyOf(records, args.options.root as string);
      } catch (error) {
        if (error instanceof UnknownRootError) throw new UserError(error.message);
        throw error;
      }
    }
    const files = writeExport(records, path.resolve(args.positional[0]));
    console.log(JSON.stringify({ exported: records.length, files: files.map((f) => path.relative(process.cwd(), f)) }));
    return 0;
  });
}
