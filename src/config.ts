import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors/errors';

/**
 * The only reader of process.env: one table of variables (VARIABLES below: default, parser, meaning)
 * from which loading, .env.example and the README's table come. A bad value stops start-up with a
 * message naming the variable.
 */

/** The readers of an article's facts (src/extraction/extract.ts). */
export const EXTRACTION_READERS = ['patterns', 'parse'] as const;
export type ExtractionReader = (typeof EXTRACTION_READERS)[number];

export interface LocalNeo4jConfig {
  /** Folder holding the embedded database's data, logs, password file and pid file. */
  readonly home: string;
  readonly boltPort: number;
  readonly heapMb: number;
  readonly pageCacheMb: number;
}

export interface Neo4jConfig {
  /** Set when corpgraph uses an external server; undefined means: start the local embedded Neo4j. */
  readonly uri?: string;
  readonly user: string;
  /** Only from NEO4J_PASSWORD; the local Neo4j's password comes from its git-ignored password file. */
  readonly password?: string;
  readonly database: string;
  readonly txTimeoutMs: number;
  /** Timeout of start-up work (constraints, indexes, the seed): longer than a request's, as it runs once and may meet a busy machine. */
  readonly startupTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  readonly maxRetryMs: number;
  readonly maxPoolSize: number;
  readonly local: LocalNeo4jConfig;
}

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly seedOnEmpty: boolean;
  readonly seedDir: string;
  readonly traversal: { readonly maxDepth: number; readonly maxPathHops: number; readonly maxChainRoutes: number };
  /** How long one article's extraction (in the extraction worker, its graph look-up included) may take. */
  readonly extraction: {
    readonly budgetMs: number;
    /** Which reader reads facts: over the sentence parse, or by surface patterns. */
    readonly reader: ExtractionReader;
    /** The sentence parser (nlp/parse_server.py): the Python that runs it, and how long its start-up and one parse may take. */
    readonly parser: { readonly python: string; readonly startTimeoutMs: number; readonly parseTimeoutMs: number };
  };
  readonly shutdownGraceMs: number;
  readonly http: { readonly headersTimeoutMs: number; readonly requestTimeoutMs: number; readonly keepAliveTimeoutMs: number };
  readonly sandbox: boolean;
  readonly security: {
    readonly introspection: boolean;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    readonly maxCost: number;
    readonly expensiveCost: number;
    readonly expensivePerMinute: number;
  };
  readonly corsOrigins: readonly string[];
  /** The change feed (src/changes/): how long changes are kept, how often subscribers look for new ones, how many each key may hold. */
  readonly changes: {
    readonly retentionDays: number;
    readonly retentionCount: number;
    readonly pollMs: number;
    readonly subscriptionsPerKey: number;
  };
  readonly auth: { readonly apiKeys: ReadonlyArray<{ readonly name: string; readonly token: string }>; readonly requireForReads: boolean };
  readonly neo4j: Neo4jConfig;
}

/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (compiled). */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

type Env = Record<string, string | undefined>;

/** One environment variable: its default (stated here only), how its text is read, and what it means. */
interface Variable<T> {
  readonly default: T;
  /** How the default reads in the docs, when it is not simply the value (e.g. "(unset)"). */
  readonly defaultText?: string;
  readonly description: string;
  /** Who reads it: the service (default) or the corpgraph command line. */
  readonly scope?: 'service' | 'cli';
  parse(raw: string, name: string): T;
}

const variable = <T>(
  def: T,
  parse: (raw: string, name: string) => T,
  description: string,
  more: Partial<Pick<Variable<T>, 'defaultText' | 'scope'>> = {},
): Variable<T> => ({
  default: def,
  parse,
  description,
  ...more,
});

// Parsers: each returns the value or throws a ConfigError naming the variable.
const text = (raw: string) => raw;
const whole =
  (min: number, max: number) =>
  (raw: string, name: string): number => {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
    return value;
  };
const flag = (raw: string, name: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
};
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (raw: string, name: string): T => {
    if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return raw as T;
  };

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
function neo4jUri(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`NEO4J_URI must be a URI such as bolt://host:7687 or neo4j://host:7687, got "${raw}"`);
  }
  if (!NEO4J_SCHEMES.includes(url.protocol)) {
    throw new ConfigError(`NEO4J_URI must use one of ${NEO4J_SCHEMES.map((s) => s + '//').join(', ')}, got "${raw}"`);
  }
  return raw;
}

function httpUrl(raw: string, name: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
  } catch {
    // fall through to the message below
  }
  throw new ConfigError(`${name} must be an http(s) URL such as http://localhost:4000/graphql, got "${raw}"`);
}

function origins(raw: string): string[] {
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((origin) => {
      if (origin === '*') return origin;
      try {
        return new URL(origin).origin;
      } catch {
        throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin such as http://localhost:8888 (or *)`);
      }
    });
}

/** API_KEYS: "name:token,token2"; a bare token is named key1, key2, ... in logs (the token itself never is). */
function apiKeys(raw: string): Array<{ name: string; token: string }> {
  if (!raw.trim()) return [];
  return raw.split(',').map((entry, i) => {
    const trimmed = entry.trim();
    const colon = trimmed.indexOf(':');
    const [name, token] = colon > 0 ? [trimmed.slice(0, colon), trimmed.slice(colon + 1)] : [`key${i + 1}`, trimmed];
    if (token.length < 16) throw new ConfigError(`API_KEYS: key "${name}" is shorter than 16 characters`);
    return { name, token };
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const UNSET = { defaultText: '(unset)' };

/**
 * Every variable corpgraph reads, in the order the docs list them: the one description from which
 * loading, defaults, .env.example and the README's table all come (see configDocs below).
 */
export const VARIABLES = {
  NODE_ENV: variable(
    'development',
    oneOf(['development', 'production', 'test'] as const),
    'development, production or test; production hides field suggestions and turns the Sandbox landing page off (internal errors are masked in every one)',
  ),
  HOST: variable('127.0.0.1', text, 'Interface the HTTP server binds (0.0.0.0 in a container)'),
  PORT: variable(4000, whole(0, 65535), 'HTTP port of /graphql, /health and /ready'),
  LOG_LEVEL: variable<string>('info', oneOf(LOG_LEVELS), 'fatal, error, warn, info, debug, trace or silent (JSON lines on stdout)'),
  SEED_ON_EMPTY: variable(true, flag, 'Load seeds/ when the database holds no entity'),
  SEED_DIR: variable('seeds', text, 'Folder of .jsonl seed files, relative to the project'),
  TRAVERSAL_MAX_DEPTH: variable(25, whole(1, 100), 'Deepest ownership chain or subsidiary tree a request may ask for'),
  PATH_MAX_HOPS: variable(8, whole(1, 15), 'Most relationships a path between two entities may have'),
  TRAVERSAL_MAX_CHAIN_ROUTES: variable(
    10000,
    // 10,000 routes take ~0.1-0.3 s; a million would hold the request ~40 s and exhaust a transaction's memory.
    whole(100, 100000),
    'Most routes up an ownership chain a request walks to find the longest (joint ventures on joint ventures multiply them); routesCapped says when it ran out',
  ),
  EXTRACTION_TIME_BUDGET_MS: variable(
    20000,
    whole(1, 600000),
    "Longest one article's extraction may take (off the main thread, its graph look-up included) before it is stopped and refused with EXTRACTION_TIMEOUT",
  ),
  EXTRACTION_READER: variable<ExtractionReader>(
    'patterns',
    oneOf(EXTRACTION_READERS),
    "How extraction reads facts: patterns (surface patterns, the default until the parse reader meets its targets) or parse (patterns over the dependency parse of spaCy's English pipeline, run by the parser process)",
  ),
  PARSER_PYTHON: variable(
    'var/venv-nlp/bin/python',
    text,
    "The Python of the sentence parser's virtualenv (spaCy and its English model; scripts/ensure-nlp.sh makes it), relative to the project",
  ),
  PARSER_START_TIMEOUT_MS: variable(30000, whole(1000, 600000), 'Longest the sentence parser may take to start (it loads a 240 MB model in ~2.4 s)'),
  PARSER_TIMEOUT_MS: variable(
    15000,
    whole(100, 600000),
    "Longest one article's parse may take before the parser is stopped (and started again for the next article)",
  ),
  CHANGE_RETENTION_DAYS: variable(30, whole(1, 3650), 'Days the change feed keeps a change; older ones are pruned (a cursor behind them gets CHANGES_EXPIRED)'),
  CHANGE_RETENTION_COUNT: variable(1000000, whole(1000, 1000000000), 'Most changes the feed keeps; the oldest beyond this are pruned'),
  CHANGE_POLL_MS: variable(
    50,
    whole(5, 60000),
    "How often a process with live subscriptions numbers the committed changes and reads the feed's newest number (a write in another process reaches its subscribers within about this)",
  ),
  CHANGE_SUBSCRIPTIONS_PER_KEY: variable(
    5,
    whole(1, 1000),
    'Live change subscriptions one API key (or, without a key, one client address) may hold across all API processes',
  ),
  SHUTDOWN_GRACE_MS: variable(10000, whole(0, 600000), 'How long in-flight requests may take to finish on SIGTERM/SIGINT'),
  HTTP_HEADERS_TIMEOUT_MS: variable(10000, whole(100, 600000), 'How long a client may take to send its request headers before the connection is closed'),
  HTTP_REQUEST_TIMEOUT_MS: variable(
    30000,
    whole(100, 3600000),
    'How long a client may take to send a whole request (headers and body) before it is answered 408',
  ),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: variable(5000, whole(100, 600000), 'How long an idle keep-alive connection stays open'),
  SANDBOX_ENABLED: variable<boolean | undefined>(undefined, flag, 'Serve the Apollo Sandbox landing page at /graphql (off in production unless true)', {
    defaultText: 'true outside production',
  }),
  CORS_ORIGINS: variable<string[]>(
    [],
    origins,
    'Comma-separated origins allowed to call the API from a browser (e.g. http://localhost:8888); unset: CORS off',
    UNSET,
  ),
  INTROSPECTION: variable(true, flag, 'Answer introspection queries (Sandbox, GraphiQL and the docs need it)'),
  MAX_QUERY_DEPTH: variable(12, whole(2, 100), 'Deepest selection a query may have'),
  MAX_ALIASES: variable(30, whole(1, 10000), 'Most aliases in one operation'),
  MAX_DIRECTIVES: variable(30, whole(1, 10000), 'Most directives in one operation'),
  MAX_TOKENS: variable(5000, whole(100, 1000000), 'Most tokens in one document'),
  MAX_QUERY_COST: variable(200000, whole(10, 1000000000), 'Highest estimated cost of an operation (list sizes times what they select)'),
  EXPENSIVE_QUERY_COST: variable(5000, whole(1, 1000000000), 'Cost from which an operation counts against the rate limit'),
  RATE_LIMIT_EXPENSIVE_PER_MINUTE: variable(
    120,
    whole(0, 1000000),
    'Expensive operations each client (API key, else IP address) may run per minute; 0 turns it off',
  ),
  API_KEYS: variable<Array<{ name: string; token: string }>>(
    [],
    apiKeys,
    'Comma-separated bearer tokens allowed to write (name:token or token; 16+ characters each); unset: no one may write',
    UNSET,
  ),
  REQUIRE_AUTH_FOR_READS: variable(false, flag, 'Require a valid bearer token for queries too'),
  NEO4J_URI: variable<string | undefined>(undefined, neo4jUri, 'bolt:// or neo4j:// URI of an existing Neo4j; unset starts the local embedded Neo4j', UNSET),
  NEO4J_USER: variable('neo4j', text, 'User for NEO4J_URI'),
  NEO4J_PASSWORD: variable<string | undefined>(undefined, text, 'Password for NEO4J_URI (required with it); the local Neo4j generates its own', UNSET),
  NEO4J_DATABASE: variable('neo4j', text, 'Database name'),
  NEO4J_TX_TIMEOUT_MS: variable(15000, whole(100, 3600000), 'Timeout of every Neo4j transaction'),
  NEO4J_STARTUP_TIMEOUT_MS: variable(
    300000,
    whole(1000, 3600000),
    'Timeout of start-up work (constraints, indexes, seed), kept apart from the request timeout',
  ),
  NEO4J_CONNECTION_TIMEOUT_MS: variable(5000, whole(100, 600000), 'Time to open a connection or get one from the pool'),
  NEO4J_MAX_RETRY_MS: variable(2000, whole(0, 600000), 'How long transient errors (leader switch, deadlock) are retried'),
  NEO4J_MAX_POOL_SIZE: variable(100, whole(1, 10000), 'Connection pool size'),
  LOCAL_NEO4J_HOME: variable('var/neo4j/dev', text, 'Data, logs and password file of the local Neo4j (git-ignored)'),
  LOCAL_NEO4J_BOLT_PORT: variable(7687, whole(1, 65535), 'Bolt port of the local Neo4j (bound to 127.0.0.1 only)'),
  LOCAL_NEO4J_HEAP_MB: variable(2048, whole(256, 65536), 'Java heap of the local Neo4j'),
  LOCAL_NEO4J_PAGECACHE_MB: variable(2048, whole(64, 65536), 'Page cache of the local Neo4j'),
  CORPGRAPH_URL: variable<string | undefined>(
    undefined,
    httpUrl,
    'corpgraph command line: a running service to query (as --url); unset: in process against Neo4j',
    {
      ...UNSET,
      scope: 'cli',
    },
  ),
  CORPGRAPH_TOKEN: variable<string | undefined>(undefined, text, 'corpgraph command line: bearer token sent with --url (as --token)', {
    ...UNSET,
    scope: 'cli',
  }),
  CORPGRAPH_LOG_LEVEL: variable<string>(
    'warn',
    oneOf(LOG_LEVELS),
    'corpgraph command line: its log level (progress and results go to the terminal apart from the log)',
    {
      scope: 'cli',
    },
  ),
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof VARIABLES;
type ValueOf<N extends VariableName> = (typeof VARIABLES)[N]['default'];

/** A variable's value: its text parsed, or its default when unset or empty. */
export function readVariable<N extends VariableName>(env: Env, name: N): ValueOf<N> {
  const raw = env[name];
  const spec = VARIABLES[name] as Variable<ValueOf<N>>;
  return raw === undefined || raw === '' ? spec.default : spec.parse(raw, name);
}

/** The variables as the docs list them (name, default as text, meaning). */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: VariableName; default: string; description: string }> = (Object.keys(VARIABLES) as VariableName[]).map(
  (name) => {
    const spec = VARIABLES[name] as Variable<unknown>;
    return { name, default: spec.defaultText ?? String(spec.default), description: spec.description };
  },
);

/** The docs the table makes: .env.example, and the rows of the README's configuration table. */
export const configDocs = {
  envExample(): string {
    const head = [
      '# corpgraph configuration. Every variable is optional; the value shown is the default.',
      '# Copy to .env (git-ignored) and export it, or set the variables in your environment.',
      '# Generated from src/config.ts (npm run docs); a test checks that they agree.',
    ];
    const body = CONFIG_VARIABLES.map(
      (v) => `# ${v.description}\n${v.default.startsWith('(') || v.default.includes(' ') ? '# ' : ''}${v.name}=${v.default.startsWith('(') ? '' : v.default}`,
    );
    return `${head.join('\n')}\n\n${body.join('\n')}\n`;
  },
  readmeRows(): string {
    // A table cell starts in lower case, as prose does mid-sentence (acronyms such as HTTP stay).
    const cell = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
    return [
      '| variable | default | meaning |',
      '| --- | --- | --- |',
      ...CONFIG_VARIABLES.map((v) => `| \`${v.name}\` | ${v.default} | ${cell(v.description)} |`),
    ].join('\n');
  },
};

export function loadConfig(env: Env = process.env): Config {
  const read = <N extends VariableName>(name: N) => readVariable(env, name);
  const uri = read('NEO4J_URI');
  const password = read('NEO4J_PASSWORD');
  if (uri && !password) throw new ConfigError('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  const nodeEnv = read('NODE_ENV');
  const config: Config = {
    env: nodeEnv,
    host: read('HOST'),
    port: read('PORT'),
    logLevel: read('LOG_LEVEL'),
    seedOnEmpty: read('SEED_ON_EMPTY'),
    seedDir: path.resolve(PROJECT_ROOT, read('SEED_DIR')),
    traversal: { maxDepth: read('TRAVERSAL_MAX_DEPTH'), maxPathHops: read('PATH_MAX_HOPS'), maxChainRoutes: read('TRAVERSAL_MAX_CHAIN_ROUTES') },
    extraction: {
      budgetMs: read('EXTRACTION_TIME_BUDGET_MS'),
      reader: read('EXTRACTION_READER'),
      parser: {
        python: path.resolve(PROJECT_ROOT, read('PARSER_PYTHON')),
        startTimeoutMs: read('PARSER_START_TIMEOUT_MS'),
        parseTimeoutMs: read('PARSER_TIMEOUT_MS'),
      },
    },
    shutdownGraceMs: read('SHUTDOWN_GRACE_MS'),
    http: {
      headersTimeoutMs: read('HTTP_HEADERS_TIMEOUT_MS'),
      requestTimeoutMs: read('HTTP_REQUEST_TIMEOUT_MS'),
      keepAliveTimeoutMs: read('HTTP_KEEP_ALIVE_TIMEOUT_MS'),
    },
    sandbox: read('SANDBOX_ENABLED') ?? nodeEnv !== 'production',
    corsOrigins: read('CORS_ORIGINS'),
    changes: {
      retentionDays: read('CHANGE_RETENTION_DAYS'),
      retentionCount: read('CHANGE_RETENTION_COUNT'),
      pollMs: read('CHANGE_POLL_MS'),
      subscriptionsPerKey: read('CHANGE_SUBSCRIPTIONS_PER_KEY'),
    },
    security: {
      introspection: read('INTROSPECTION'),
      maxDepth: read('MAX_QUERY_DEPTH'),
      maxAliases: read('MAX_ALIASES'),
      maxDirectives: read('MAX_DIRECTIVES'),
      maxTokens: read('MAX_TOKENS'),
      maxCost: read('MAX_QUERY_COST'),
      expensiveCost: read('EXPENSIVE_QUERY_COST'),
      expensivePerMinute: read('RATE_LIMIT_EXPENSIVE_PER_MINUTE'),
    },
    auth: { apiKeys: read('API_KEYS'), requireForReads: read('REQUIRE_AUTH_FOR_READS') },
    neo4j: {
      uri,
      user: read('NEO4J_USER'),
      password,
      database: read('NEO4J_DATABASE'),
      txTimeoutMs: read('NEO4J_TX_TIMEOUT_MS'),
      startupTimeoutMs: read('NEO4J_STARTUP_TIMEOUT_MS'),
      connectionTimeoutMs: read('NEO4J_CONNECTION_TIMEOUT_MS'),
      maxRetryMs: read('NEO4J_MAX_RETRY_MS'),
      maxPoolSize: read('NEO4J_MAX_POOL_SIZE'),
      local: {
        home: path.resolve(PROJECT_ROOT, read('LOCAL_NEO4J_HOME')),
        boltPort: read('LOCAL_NEO4J_BOLT_PORT'),
        heapMb: read('LOCAL_NEO4J_HEAP_MB'),
        pageCacheMb: read('LOCAL_NEO4J_PAGECACHE_MB'),
      },
    },
  };
  return deepFreeze(config);
}

/** What the corpgraph command line reads from the environment (its options override it). */
export interface CliConfig {
  readonly url?: string;
  readonly token?: string;
  readonly logLevel: string;
}

export function loadCliConfig(env: Env = process.env): CliConfig {
  return deepFreeze({
    url: readVariable(env, 'CORPGRAPH_URL'),
    token: readVariable(env, 'CORPGRAPH_TOKEN'),
    logLevel: readVariable(env, 'CORPGRAPH_LOG_LEVEL'),
  });
}

/** Every default, as loadConfig gives them with nothing set (for the in-process client's defaults). */
export const DEFAULT_CONFIG: Config = loadConfig({});

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
