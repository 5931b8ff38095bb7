import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadCliConfig } from '../config';
import { parseArgs, UsageError } from './args';

/** `corpgraph watch`: the change feed of a running service, printed as it commits. */
export const WATCH_USAGE = `  corpgraph watch [--org ID ...] [--family] [--watched] [--type T ...] [--kind K ...] [--source-kind S ...]
                  [--after CURSOR] [--format text|json] [--url URL] [--token T]
      Follow the change feed of a running service (--url, or CORPGRAPH_URL) over WebSocket: each change is
      printed as it commits, one line each (json: one object per line, with its cursor). --org (repeatable)
      with --family also follows the organizations below; --watched follows the token's watch list. After a
      lost connection it resumes from the last change printed; --after resumes an earlier watch. Ctrl-C ends it.`;

const FIELDS = 'sequence cursor at by kind factId factType organizations sourceKinds before after';
const SUBSCRIPTION = `subscription($after: String, $filter: ChangeFilterInput) { changes(after: $after, filter: $filter) { ${FIELDS} } }`;

interface PrintedChange {
  sequence: number;
  cursor: string;
  at: string;
  by: string;
  kind: string;
  factId: string;
  factType: string;
  organizations: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One line a person reads: number, time, kind, fact, organizations, who, and what changed. */
export function changeLine(c: PrintedChange): string {
  const keys = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])];
  const show = (v: unknown) => (v === undefined ? '-' : typeof v === 'string' ? v : JSON.stringify(v));
  const what =
    c.kind === 'CREATED'
      ? ''
      : keys
          .slice(0, 4)
          .map((k) => `${k} ${show(c.before?.[k])} -> ${show(c.after?.[k])}`)
          .join('; ') + (keys.length > 4 ? `; and ${keys.length - 4} more` : '');
  return `#${c.sequence} ${c.at.slice(0, 19)}Z ${c.kind} ${c.factType} ${c.factId}${c.organizations.length ? ` [${c.organizations.join(', ')}]` : ''} by ${c.by}${what ? `: ${what}` : ''}`;
}

export async function watchCommand(rest: string[]): Promise<number> {
  const args = parseArgs(rest, {
    org: 'list',
    family: 'boolean',
    watched: 'boolean',
    type: 'list',
    kind: 'list',
    'source-kind': 'list',
    after: 'string',
    format: 'string',
    url: 'string',
    token: 'string',
  });
  if (args.positional.length) throw new UsageError('watch takes no file; filter with --org, --type, --kind, --source-kind');
  const format = (args.options.format as string | undefined) ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError('--format must be text or json');
  const cli = loadCliConfig();
  const url = (args.options.url as string | undefined) ?? cli.url;
  if (!url) throw new UsageError('watch follows a running service: give --url http://host:port/graphql (or set CORPGRAPH_URL)');
  const token = (args.options.token as string | undefined) ?? cli.token;
  const list = (name: string) => (args.options[name] as string[] | undefined) ?? null;
  const filter = {
    organizations: list('org'),
    includeFamily: Boolean(args.options.family),
    watched: Boolean(args.options.watched),
    factTypes: list('type'),
    kinds: list('kind'),
    sourceKinds: list('source-kind'),
  };
  let cursor = (args.options.after as string | undefined) ?? null;
  const wsUrl = url.replace(/^http/, 'ws');
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await followOnce(wsUrl, token, filter, cursor, (change) => {
      cursor = change.cursor;
      attempt = 0;
      process.stdout.write(format === 'json' ? `${JSON.stringify(change)}\n` : `${changeLine(change)}\n`);
    });
    if (outcome.fatal) {
      console.error(`corpgraph: ${outcome.fatal}`);
      return 1;
    }
    // The connection dropped (the service restarted, the network): resume from the last change printed.
    const waitMs = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
    console.error(
      `corpgraph: connection lost (${outcome.reason}); resuming${cursor ? ' after the last change printed' : ''} in ${Math.round(waitMs / 1000)} s`,
    );
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

/** One connection: resolves when it ends, with a fatal error (the service refused: stop) or the reason it dropped (retry). */
function followOnce(
  url: string,
  token: string | undefined,
  filter: Record<string, unknown>,
  after: string | null,
  print: (change: PrintedChange) => void,
): Promise<{ fatal?: string; reason?: string }> {
  return new Promise((resolve) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          if (code === 4403) resolve({ fatal: 'the service refused the token (4403): check --token or CORPGRAPH_TOKEN' });
          else resolve({ reason: `${code}${reason ? ` ${reason}` : ''}` });
        },
      },
    });
    client.subscribe<{ changes: PrintedChange }>(
      { query: SUBSCRIPTION, variables: { after, filter } },
      {
        next: (result) => {
          const error = result.errors?.[0];
          if (error) {
            const code = (error.extensions as { code?: string } | undefined)?.code;
            resolve({ fatal: `${code ? `${code}: ` : ''}${error.message}` });
            void client.dispose();
          } else if (result.data?.changes) print(result.data.changes);
        },
        error: (error) => {
          if (typeof (error as { code?: unknown }).code === 'number') return; // a close: `closed` decides
          const first = (Array.isArray(error) ? error[0] : error) as { message?: string };
          resolve({ fatal: first?.message ?? String(error) });
          void client.dispose();
        },
        complete: () => {
          resolve({ reason: 'the service ended the subscription' });
          void client.dispose();
        },
      },
    );
  });
}
