import { loadConfig } from '../config';
import { CypherCatalog } from '../graph/cypher-catalog';
import { parseArgs, UsageError } from './args';
import { parseVariables, UserError, withGraph } from './common';
import { cypherPrompt, runStatement } from './cypher-shell';

/** `corpgraph cypher`: Cypher against corpgraph's Neo4j, one statement or a prompt. */
export const CYPHER_USAGE = `  corpgraph cypher ["<statement>"] [--param name=value ...] [--format table|json] [--write]
      Run Cypher against corpgraph's Neo4j: one statement, or a prompt (statements end with ";",
      :param name => value sets a parameter). Reads only, unless --write.
  corpgraph cypher --show <query name> [--switch name=true|false ...] [--bound name=N ...]
      Print a named query of cypher/queries as Neo4j runs it (fragments expanded, sections kept or
      dropped by their switches, bounds filled; switches not given are false) and its $parameters.`;

/** A named query rendered as the service renders it, with what shaped it and the parameters it takes. */
export function showQuery(catalog: CypherCatalog, name: string, switchPairs: string[], boundPairs: string[]): string {
  if (!catalog.names().includes(name)) throw new UserError(`no query named "${name}" in cypher/queries (e.g. ${catalog.names().slice(0, 3).join(', ')})`);
  const given = (pairs: string[], option: string, read: (value: string) => number | boolean | undefined) =>
    Object.fromEntries(
      pairs.map((pair) => {
        const [key, value] = pair.split('=', 2);
        const parsed = value === undefined ? undefined : read(value);
        if (!key || parsed === undefined) throw new UsageError(`--${option} takes name=value, got "${pair}"`);
        return [key, parsed];
      }),
    );
  const switches = given(switchPairs, 'switch', (v) => (v === 'true' ? true : v === 'false' ? false : undefined));
  const bounds = given(boundPairs, 'bound', (v) => (/^\d+$/.test(v) ? Number(v) : undefined));
  for (const key of Object.keys(switches))
    if (!catalog.switches(name).includes(key)) throw new UsageError(`${name} has no switch "${key}" (it has: ${catalog.switches(name).join(', ') || 'none'})`);
  const missing = catalog.bounds(name).filter((b) => !(b in bounds));
  if (missing.length) throw new UsageError(`${name} needs --bound ${missing.map((b) => `${b}=N`).join(' --bound ')}`);
  const shape = { ...Object.fromEntries(catalog.switches(name).map((k) => [k, false])), ...switches, ...bounds };
  let text: string;
  try {
    text = catalog.get(name, shape);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parameters = [...new Set([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
  const described = Object.entries(shape).map(([k, v]) => `${k}=${String(v)}`);
  return `// ${name}${described.length ? ` (${described.join(', ')})` : ''}\n// parameters: ${parameters.map((p) => `$${p}`).join(', ') || 'none'}\n${text.trim()}\n`;
}

export async function cypherCommand(rest: string[]): Promise<number> {
  const args = parseArgs(rest, { param: 'list', format: 'string', write: 'boolean', show: 'string', switch: 'list', bound: 'list' });
  if (args.options.show !== undefined) {
    // Needs no database: the text comes from the project's own files.
    process.stdout.write(
      showQuery(CypherCatalog.load(), args.options.show as string, (args.options.switch as string[]) ?? [], (args.options.bound as string[]) ?? []),
    );
    return 0;
  }
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
