#!/usr/bin/env -S node --max-old-space-size=8192
import 'reflect-metadata';
import { ConfigError, CorpgraphError, StartupError } from '../errors/errors';
import { IngestValidationError } from '../ingest/importer';
import { UsageError } from './args';
import { UserError, withGraph } from './common';
import { CYPHER_USAGE, cypherCommand } from './cypher-command';
import { EXPORT_USAGE, exportCommand } from './export-command';
import { EXTRACT_USAGE, extractCommand } from './extract-command';
import { FIRST_LOAD_USAGE, firstLoadCommand } from './first-load-command';
import { IMPORT_USAGE, importCommand } from './import-command';
import { NEO4J_USAGE, neo4jCommand } from './neo4j-command';
import { QUERY_USAGE, queryCommand } from './query-command';
import { RESOLUTION_USAGE, resolveCommand, reviewCommand } from './resolution-commands';
import { WATCH_USAGE, watchCommand } from './watch-command';

/** The `corpgraph` command: each command in a module of its own; here only their usage, in order, and the dispatch. */
const USAGE = `corpgraph: the corpgraph command line

${[IMPORT_USAGE, FIRST_LOAD_USAGE, EXPORT_USAGE, QUERY_USAGE, WATCH_USAGE, CYPHER_USAGE, RESOLUTION_USAGE, EXTRACT_USAGE, NEO4J_USAGE].join('\n')}

Connection: as the service (NEO4J_URI, or the local Neo4j, shared with a running service).`;

/** Each command, by name: its arguments (`argv` is the whole command line, for a command that re-runs itself). */
const COMMANDS: Record<string, (rest: string[], argv: string[]) => Promise<number>> = {
  import: importCommand,
  'first-load': (rest, argv) => firstLoadCommand(argv, rest),
  export: exportCommand,
  query: queryCommand,
  watch: watchCommand,
  cypher: cypherCommand,
  resolve: (rest) => withGraph(({ graph }) => resolveCommand(graph, rest)),
  review: (rest) => withGraph(({ graph }) => reviewCommand(graph, rest)),
  extract: (rest) => withGraph(({ graph }, config) => extractCommand(graph, rest, config.extraction)),
  neo4j: () => neo4jCommand(),
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(`unknown command "${command}"`);
  return run(rest, argv);
}

/**
 * Exits once stdout and stderr have handed all they hold to their readers: process.exit alone drops
 * what a reader slower than the command has not taken yet (beyond the 64 KiB a pipe holds). A write's
 * callback runs once the writes before it are done.
 */
async function exit(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
  process.exit(code);
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`corpgraph: ${error.message}\n\n${USAGE}`);
      else if (error instanceof IngestValidationError || error instanceof StartupError || error instanceof ConfigError || error instanceof UserError)
        console.error(`corpgraph: ${error.message}`);
      else if (error instanceof CorpgraphError) console.error(`corpgraph: ${error.code}: ${error.message}`);
      else console.error(`corpgraph: ${(error as Error).stack ?? String(error)}`);
      return exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
