import neo4j, { Driver } from 'neo4j-driver';
import readline from 'node:readline';
import { toPlain } from '../graph/values';
import { tableOf, toText } from '../tabular/flatten';

/**
 * `corpgraph cypher`: Cypher against corpgraph's Neo4j (the local one, or NEO4J_URI) without
 * installing cypher-shell. One statement from the command line, or a prompt where statements end
 * with ";" and `:param name => value` sets a parameter, as in cypher-shell. Parameters always travel
 * as parameters, never spliced into the text. Reads only, unless started with --write.
 */
export interface CypherShellOptions {
  database: string;
  write: boolean;
  params: Record<string, unknown>;
  format: 'table' | 'json';
  out?: NodeJS.WritableStream;
}

/** Runs one statement and prints its records as a table (or JSON lines); returns the number of records. */
export async function runStatement(driver: Driver, statement: string, options: CypherShellOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const session = driver.session({ database: options.database, defaultAccessMode: options.write ? neo4j.session.WRITE : neo4j.session.READ });
  try {
    const run = (tx: { run: (q: string, p: Record<string, unknown>) => Promise<{ records: Array<{ toObject(): Record<string, unknown> }> }> }) =>
      tx.run(statement, options.params);
    const result = options.write ? await session.executeWrite(run) : await session.executeRead(run);
    const rows = result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    if (options.format === 'json') for (const row of rows) out.write(JSON.stringify(row) + '\n');
    else if (rows.length) out.write(toText(tableOf({ rows })));
    out.write(`${rows.length} record${rows.length === 1 ? '' : 's'}\n`);
    return rows.length;
  } finally {
    await session.close();
  }
}

/** `:param name => value` (or `name: value`): the value is read as JSON when it parses, else as text. */
export function parseParam(line: string): [string, unknown] {
  const m = /^:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|:|=)\s*(.+)$/.exec(line.trim());
  if (!m) throw new Error('usage: :param name => value');
  const raw = m[2].trim().replace(/;$/, '');
  try {
    return [m[1], JSON.parse(raw)];
  } catch {
    return [m[1], raw.replace(/^'(.*)'$/, '$1')];
  }
}

/** The interactive prompt: statements end with ";"; :param, :params, :exit. */
export async function cypherPrompt(driver: Driver, options: CypherShellOptions, input: NodeJS.ReadableStream = process.stdin): Promise<void> {
  const rl = readline.createInterface({ input, output: process.stdout, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  rl.setPrompt('cypher> ');
  rl.prompt();
  let buffer = '';
  for await (const line of rl) {
    const trimmed = line.trim();
    if (!buffer && trimmed.startsWith(':')) {
      if (trimmed === ':exit' || trimmed === ':quit') break;
      try {
        if (trimmed === ':params') console.log(JSON.stringify(options.params));
        else {
          const [name, value] = parseParam(trimmed);
          options.params[name] = value;
        }
      } catch (error) {
        console.error((error as Error).message);
      }
      rl.prompt();
      continue;
    }
    buffer += `${line}\n`;
    if (trimmed.endsWith(';')) {
      try {
        await runStatement(driver, buffer.trim().replace(/;$/, ''), options);
      } catch (error) {
        console.error(`error: ${(error as Error).message.split('\n')[0]}`);
      }
      buffer = '';
    }
    rl.prompt();
  }
  rl.close();
}
