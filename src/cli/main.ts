#!/usr/bin/env -S node --max-old-space-size=8192
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CorpgraphClient } from '../client';
import { connectGraph, GraphConnection } from '../bootstrap';
import { loadCliConfig, loadConfig, PROJECT_ROOT } from '../config';
import { ConfigError, StartupError } from '../errors/errors';
import { applySchema } from '../graph/migrate';
import { importFiles } from '../ingest/bulk-import';
import { countRecords, familyOf, readGraph, UnknownRootError, writeExport } from '../ingest/export';
import { IngestValidationError } from '../ingest/loader';
import { Progress } from '../ingest/progress';
import { createLogger } from '../logger';
import { tableOf, toCsv, toText } from '../tabular/flatten';
import { LocalNeo4j } from '../local-neo4j/local-neo4j';
import { parseArgs, UsageError } from './args';
import { datasetFor, SOURCE_FORMATS } from '../sources/formats';
import { firstLoad, FirstLoadInput } from '../ingest/first-load';
import { createDriver } from '../graph/driver';
import { GraphClient } from '../graph/graph-client';
import { CypherCatalog } from '../graph/cypher-catalog';
import type { Driver } from 'neo4j-driver';
import { cypherPrompt, runStatement } from './cypher-shell';
import { RESOLUTION_USAGE, resolveCommand, reviewCommand } from './resolution-commands';
import { EXTRACT_USAGE, extractCommand } from './extract-command';
import { CorpgraphError } from '../errors/errors';

const USAGE = `corpgraph: the corpgraph command line

  corpgraph import <file|dir> [--batch-size N] [--skip-invalid]
      Load JSON Lines (.jsonl) and CSV (.csv) record files (docs/import-format.md).
      Everything is validated first; by default one invalid record means nothing is written.
      Killed and run again, an import resumes and ends in the same graph.
  corpgraph import --format <name> <file> [--dataset-version V] [--retrieved YYYY-MM-DD] [--skip-invalid]
      Load a public data set in its own format (docs/public-data.md): ${Object.keys(SOURCE_FORMATS).join(', ')}.
      Every fact cites the data set (publisher, version, licence) with the row it came from.
  corpgraph first-load <[format[@version]:]file|dir> ... [--skip-invalid] [--replace]
      Load an empty local database at bulk speed with Neo4j's offline importer (neo4j-admin database
      import): import-format files, or public data sets as format:path (gleif-lei:var/data/gleif/lei-records.csv,
      gleif-rr@2026-11-01:rr.csv).
      The local Neo4j must not be running; --replace loads over a database that has data.
  corpgraph export <dir> [--root <organization id>]
      Write the whole graph (or one company's family) in the import format.
  corpgraph query <file.graphql> [--var name=value ...] [--format json|csv|table] [--url URL] [--token T]
      Run an operation against a running service (--url, or CORPGRAPH_URL) or in process.
      Values of --var are read as JSON when they parse (numbers, true, null), else as text.
  corpgraph cypher ["<statement>"] [--param name=value ...] [--format table|json] [--write]
      Run Cypher against corpgraph's Neo4j: one statement, or a prompt (statements end with ";",
      :param name => value sets a parameter). Reads only, unless --write.
${RESOLUTION_USAGE}
${EXTRACT_USAGE}
  corpgraph neo4j
      Start the local Neo4j alone (as npm start would) and print how to connect to it; Ctrl-C stops it.

Connection: as the service (NEO4J_URI, or the local Neo4j, shared with a running service).`;

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

/**
 * `gleif-lei:var/data/gleif/lei-records.csv` is a data set in its own format, `gleif-rr@2026-11-01:rr.csv`
 * one with its version (required where no pinned package ships the data); a plain path is import-format files.
 */
function parseFirstLoadInput(text: string): FirstLoadInput {
  const colon = text.indexOf(':');
  const [format, version] = colon > 0 ? text.slice(0, colon).split('@') : [''];
  if (format && SOURCE_FORMATS[format]) {
    if (!version && !SOURCE_FORMATS[format].package) throw new UsageError(`${format} needs its data set's version: ${format}@<version>:<path>`);
    return { format, path: path.resolve(text.slice(colon + 1)), ...(version ? { version } : {}) };
  }
  if (!fs.existsSync(path.resolve(text)))
    throw new UserError(`no such file or folder: ${text} (a data set is format:path, with format one of ${Object.keys(SOURCE_FORMATS).join(', ')})`);
  return { path: path.resolve(text) };
}

/** The heap of a first load's process, in MiB: its ids and checks fit; a cap keeps the garbage collected. */
const FIRST_LOAD_HEAP_MB = 320;

/** A mistake of the user's that is not about the usage (a missing file, an unknown id): one line, exit 1. */
class UserError extends Error {}

function readUserFile(file: string): string {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new UserError(`no such file: ${file}`);
  return fs.readFileSync(resolved, 'utf8');
}

async function withGraph<T>(work: (connection: GraphConnection) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(loadCliConfig().logLevel, 'corpgraph-cli');
  const connection = await connectGraph(config, logger, { reuseRunning: true });
  try {
    await applySchema(connection.graph);
    return await work(connection);
  } finally {
    await connection.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'import') {
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
        ...(formatName ? { read: adapterReader(formatName, args.options['dataset-version'] as string | undefined, retrieved) } : {}),
      });
      for (const p of result.skipped) console.error(`skipped ${p.file}:${p.line}${p.id ? ` (${p.id})` : ''}: ${p.reason}`);
      console.log(
        JSON.stringify({
          imported: result.records,
          byType: result.byType,
          skipped: result.skipped.length,
          resumedBatches: result.resumedBatches,
          seconds: result.seconds,
        }),
      );
      return 0;
    });
  }
  if (command === 'first-load') {
    // The load streams: its live data is the ids it has seen. A bounded heap makes V8 collect rather than
    // grow, so the process stays under 500 MB at a million records (380 MB measured); run it so.
    if (!process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
      const child = spawnSync(process.execPath, [`--max-old-space-size=${FIRST_LOAD_HEAP_MB}`, ...process.execArgv, process.argv[1], ...argv], {
        stdio: 'inherit',
      });
      return child.status ?? 1;
    }
    const args = parseArgs(rest, { 'skip-invalid': 'boolean', replace: 'boolean' });
    if (!args.positional.length) throw new UsageError('first-load takes one or more inputs: [format:]file or folder');
    const inputs = args.positional.map(parseFirstLoadInput);
    const config = loadConfig();
    if (config.neo4j.uri) {
      throw new UsageError("first-load writes the local Neo4j's store with the offline importer; NEO4J_URI names another database. Use import for that one.");
    }
    const logger = createLogger(loadCliConfig().logLevel, 'corpgraph-cli');
    const local = new LocalNeo4j({ ...config.neo4j.local, txTimeoutMs: config.neo4j.txTimeoutMs }, logger);
    if (local.running()) throw new UserError('the local Neo4j is running for another corpgraph process (the service?): stop it, then run first-load');
    let driver: Driver | undefined;
    const start = async () => {
      const connection = await local.start();
      driver = createDriver({ ...config.neo4j, ...connection });
      return new GraphClient(driver, config.neo4j.database, CypherCatalog.load(), config.neo4j.txTimeoutMs);
    };
    try {
      if (!args.options.replace && fs.existsSync(path.join(config.neo4j.local.home, 'data', 'databases', 'neo4j'))) {
        const [row] = await (await start()).read('admin/is-empty');
        await driver!.close();
        await local.stop();
        if (!row.empty) throw new UserError('the local database has data: first-load is for an empty one (give --replace to load over it, or use import)');
      }
      const result = await firstLoad(
        local,
        inputs,
        { workDir: path.join(PROJECT_ROOT, 'var', 'import'), skipInvalid: Boolean(args.options['skip-invalid']) },
        start,
      );
      for (const p of result.skipped) console.error(`skipped ${p.file}:${p.line}${p.id ? ` (${p.id})` : ''}: ${p.reason}`);
      for (const [reason, count] of Object.entries(result.leftOut)) console.error(`left out ${count.toLocaleString('en-US')} rows: ${reason}`);
      console.log(JSON.stringify({ ...result, skipped: result.skipped.length, recordsPerSecond: Math.round(result.records / result.seconds) }));
      return 0;
    } finally {
      await driver?.close();
      await local.stop();
    }
  }
  if (command === 'export') {
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
  if (command === 'query') {
    const args = parseArgs(rest, { var: 'list', format: 'string', url: 'string', token: 'string', operation: 'string' });
    if (args.positional.length !== 1) throw new UsageError('query takes one .graphql file');
    const format = (args.options.format as string | undefined) ?? 'json';
    if (!['json', 'csv', 'table'].includes(format)) throw new UsageError('--format must be json, csv or table');
    const document = readUserFile(args.positional[0]);
    const variables = parseVariables((args.options.var as string[] | undefined) ?? []);
    const cli = loadCliConfig();
    const url = (args.options.url as string | undefined) ?? cli.url;
    const operationName = args.options.operation as string | undefined;
    const result = url
      ? await queryOverHttp(url, document, variables, operationName, (args.options.token as string | undefined) ?? cli.token)
      : await withGraph(async ({ driver }) => {
          const client = await CorpgraphClient.connect({ driver });
          return client.execute(document, variables, operationName);
        });
    if (result.errors?.length) {
      for (const e of result.errors) console.error(`error${e.extensions?.code ? ` ${e.extensions.code}` : ''}: ${e.message}`);
      return 1;
    }
    // An unknown id answers null: say so, rather than print an empty table.
    const roots = Object.entries((result.data ?? {}) as Record<string, unknown>);
    if (roots.length && roots.every(([, value]) => value === null)) {
      console.error(`corpgraph: nothing matched (${roots.map(([name]) => name).join(', ')}: null)`);
      return 1;
    }
    if (format === 'json') process.stdout.write(JSON.stringify(result.data, null, 2) + '\n');
    else {
      const table = tableOf(result.data as Record<string, unknown>);
      process.stdout.write(format === 'csv' ? toCsv(table) : toText(table));
    }
    return 0;
  }
  if (command === 'cypher') {
    const args = parseArgs(rest, { param: 'list', format: 'string', write: 'boolean' });
    const format = (args.options.format as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json');
    if (args.positional.length > 1) throw new UsageError('cypher takes one statement (quote it), or none for a prompt');
    const options = {
      database: loadConfig().neo4j.database,
      write: Boolean(args.options.write),
      params: parseVariables((args.options.param as string[] | undefined) ?? []),
      format,
    } as const;
    return withGraph(async ({ driver }) => {
      const shell = { ...options, params: { ...options.params } };
      if (args.positional.length) {
        try {
          await runStatement(driver, args.positional[0], shell);
        } catch (error) {
          throw new UserError((error as Error).message.split('\n')[0]);
        }
      } else await cypherPrompt(driver, shell);
      return 0;
    });
  }
  if (command === 'resolve') return withGraph(({ graph }) => resolveCommand(graph, rest));
  if (command === 'review') return withGraph(({ graph }) => reviewCommand(graph, rest));
  if (command === 'extract') return withGraph(({ graph }) => extractCommand(graph, rest));
  if (command === 'neo4j') {
    const config = loadConfig();
    if (config.neo4j.uri) throw new UserError(`NEO4J_URI is set (${config.neo4j.uri}): that Neo4j is not started here.`);
    const local = new LocalNeo4j({ ...config.neo4j.local, txTimeoutMs: config.neo4j.txTimeoutMs }, createLogger(loadCliConfig().logLevel, 'corpgraph-cli'));
    const connection = await local.start();
    console.log(
      `Local Neo4j running: ${connection.uri} (user ${connection.user}, password in ${local.passwordFile}).\n` +
        'Cypher: npx corpgraph cypher. Neo4j Desktop or a Neo4j Browser: connect to that Bolt address with that user and password.\nCtrl-C stops it.',
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await local.stop();
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

function parseVariables(pairs: string[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var takes name=value, got "${pair}"`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: the text itself (an id, a name).
    }
    variables[pair.slice(0, eq)] = value;
  }
  return variables;
}

interface Answer {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

async function queryOverHttp(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  token: string | undefined,
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables, operationName }),
  }).catch((error: Error) => {
    throw new StartupError(`Cannot reach corpgraph at ${url}: ${error.message}`);
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return { errors: [{ message: `HTTP ${response.status} from ${url}: ${text.slice(0, 200)}` }] };
  }
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
