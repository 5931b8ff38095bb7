import fs from 'node:fs';
import path from 'node:path';
import { connectGraph, GraphConnection } from '../connect';
import { type Config, loadCliConfig, loadConfig } from '../config';
import { applySchema } from '../graph/migrate';
import { createLogger } from '../logger';
import { UsageError } from './args';

/** What the commands share: the user's own mistakes, reading their files, a connection to the graph. */

/** A mistake of the user's that is not about the usage (a missing file, an unknown id): one line, exit 1. */
export class UserError extends Error {}

export function readUserFile(file: string): string {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new UserError(`no such file: ${file}`);
  return fs.readFileSync(resolved, 'utf8');
}

/** Runs `work` connected as the service connects (NEO4J_URI, or the local Neo4j, shared with a running service), the schema applied. */
export async function withGraph<T>(work: (connection: GraphConnection, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(loadCliConfig().logLevel, 'corpgraph-cli');
  const connection = await connectGraph(config, logger, { reuseRunning: true });
  try {
    await applySchema(connection.graph);
    return await work(connection, config);
  } finally {
    await connection.close();
  }
}

/** `--var name=value` / `--param name=value` pairs: a value is read as JSON when it parses (numbers, true, null), else as text. */
export function parseVariables(pairs: string[]): Record<string, unknown> {
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
