#!/usr/bin/env -S node --max-old-space-size=8192
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { CorpgraphClient } from '../client';
import { connectGraph, GraphConnection } from '../bootstrap';
import { loadCliConfig, loadConfig, PROJECT_ROOT } from '../config';
import { ConfigError, StartupError } from '../errors/errors';
import { applySchema } from '../graph/migrate';
import { importFiles } from '../ingest/bulk-import';
import { familyOf, readGraph, writeExport } from '../ingest/export';
import { IngestValidationError } from '../ingest/loader';
import { Progress } from '../ingest/progress';
import { createLogger } from '../logger';
import { tableOf, toCsv, toText } from '../tabular/flatten';
import { parseArgs, UsageError } from './args';

const USAGE = `corpgraph: the corpgraph command line

  corpgraph import <file|dir> [--batch-size N] [--skip-invalid]
      Load JSON Lines (.jsonl) and CSV (.csv) record files (docs/import-format.md).
      Everything is validated first; by default one invalid record means nothing is written.
      Killed and run again, an import resumes and ends in the same graph.
  corpgraph export <dir> [--root <organization id>]
      Write the whole graph (or one company's family) in the import format.
  corpgraph query <file.graphql> [--var name=value ...] [--format json|csv|table] [--url URL] [--token T]
      Run an operation against a running service (--url, or CORPGRAPH_URL) or in process.
      Values of --var are read as JSON when they parse (numbers, true, null), else as text.

Connection: as the service (NEO4J_URI, or the local Neo4j, shared with a running service).`;

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
    const args = parseArgs(rest, { 'batch-size': 'number', 'skip-invalid': 'boolean' });
    if (args.positional.length !== 1) throw new UsageError('import takes one file or folder');
    const batchSize = (args.options['batch-size'] as number | undefined) ?? 5000;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100000) throw new UsageError('--batch-size must be a whole number from 1 to 100000');
    return withGraph(async ({ graph }) => {
      const result = await importFiles(graph, path.resolve(args.positional[0]), {
        batchSize,
        skipInvalid: Boolean(args.options['skip-invalid']),
        checkpointDir: path.join(PROJECT_ROOT, 'var', 'import'),
        progress: (total) => new Progress(total, 'writes'),
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
  if (command === 'export') {
    const args = parseArgs(rest, { root: 'string' });
    if (args.positional.length !== 1) throw new UsageError('export takes one folder');
    return withGraph(async ({ graph }) => {
      let records = await readGraph(graph);
      if (args.options.root) records = familyOf(records, args.options.root as string);
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
    const document = fs.readFileSync(path.resolve(args.positional[0]), 'utf8');
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
    if (format === 'json') process.stdout.write(JSON.stringify(result.data, null, 2) + '\n');
    else {
      const table = tableOf(result.data as Record<string, unknown>);
      process.stdout.write(format === 'csv' ? toCsv(table) : toText(table));
    }
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

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`corpgraph: ${error.message}\n\n${USAGE}`);
      else if (error instanceof IngestValidationError || error instanceof StartupError || error instanceof ConfigError)
        console.error(`corpgraph: ${error.message}`);
      else console.error(`corpgraph: ${(error as Error).stack ?? String(error)}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
