import { CorpgraphClient } from '../client';
import { loadCliConfig } from '../config';
import { StartupError } from '../errors/errors';
import { tableOf, toCsv, toText } from '../tabular/flatten';
import { parseArgs, UsageError } from './args';
import { parseVariables, readUserFile, withGraph } from './common';

/** `corpgraph query`: an operation against a running service, or in process. */
export const QUERY_USAGE = `  corpgraph query <file.graphql> [--var name=value ...] [--format json|csv|table] [--url URL] [--token T]
      Run an operation against a running service (--url, or CORPGRAPH_URL) or in process.
      Values of --var are read as JSON when they parse (numbers, true, null), else as text.`;

export async function queryCommand(rest: string[]): Promise<number> {
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
