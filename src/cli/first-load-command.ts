import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadCliConfig, loadConfig, PROJECT_ROOT } from '../config';
import { firstLoad } from '../first-load/first-load';
import type { FirstLoadInput } from '../first-load/inputs';
import { CypherCatalog } from '../graph/cypher-catalog';
import { createDriver } from '../graph/driver';
import { GraphClient } from '../graph/graph-client';
import { LocalNeo4j } from '../local-neo4j/local-neo4j';
import { createLogger } from '../logger';
import { SOURCE_FORMATS } from '../sources/formats';
import { parseArgs, UsageError } from './args';
import { UserError } from './common';

/** `corpgraph first-load`: an empty local database built at bulk speed by Neo4j's offline importer. */
export const FIRST_LOAD_USAGE = `  corpgraph first-load <[format[@version]:]file|dir> ... [--skip-invalid] [--replace]
      Load an empty local database at bulk speed with Neo4j's offline importer (neo4j-admin database
      import): import-format files, or public data sets as format:path (gleif-lei:var/data/gleif/lei-records.csv,
      gleif-rr@2026-11-01:rr.csv).
      The local Neo4j must not be running; --replace loads over a database that has data.`;

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

/** `argv` is the whole command line (the command re-runs itself with a bounded heap); `rest` its arguments. */
export async function firstLoadCommand(argv: string[], rest: string[]): Promise<number> {
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
