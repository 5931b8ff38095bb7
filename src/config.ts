import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors/errors';

/**
 * The only reader of process.env. Every variable is documented, with its default, in .env.example
 * and the README. A bad value stops start-up with a message naming the variable.
 */
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
  readonly traversal: { readonly maxDepth: number; readonly maxPathHops: number };
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

/** Every variable corpgraph reads, with its default: the source of .env.example and the README table. */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: string; default: string; description: string }> = [
  {
    name: 'NODE_ENV',
    default: 'development',
    description: 'development, production or test; production masks internal errors and turns the Sandbox landing page off',
  },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface the HTTP server binds (0.0.0.0 in a container)' },
  { name: 'PORT', default: '4000', description: 'HTTP port of /graphql, /health and /ready' },
  { name: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent (JSON lines on stdout)' },
  { name: 'SEED_ON_EMPTY', default: 'true', description: 'Load seeds/ when the database holds no entity' },
  { name: 'SEED_DIR', default: 'seeds', description: 'Folder of .jsonl seed files, relative to the project' },
  { name: 'TRAVERSAL_MAX_DEPTH', default: '25', description: 'Deepest ownership chain or subsidiary tree a request may ask for' },
  { name: 'PATH_MAX_HOPS', default: '8', description: 'Most relationships a path between two entities may have' },
  { name: 'SHUTDOWN_GRACE_MS', default: '10000', description: 'How long in-flight requests may take to finish on SIGTERM/SIGINT' },
  { name: 'HTTP_HEADERS_TIMEOUT_MS', default: '10000', description: 'How long a client may take to send its request headers before the connection is closed' },
  {
    name: 'HTTP_REQUEST_TIMEOUT_MS',
    default: '30000',
    description: 'How long a client may take to send a whole request (headers and body) before it is answered 408',
  },
  { name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS', default: '5000', description: 'How long an idle keep-alive connection stays open' },
  {
    name: 'SANDBOX_ENABLED',
    default: 'true outside production',
    description: 'Serve the Apollo Sandbox landing page at /graphql (off in production unless true)',
  },
  {
    name: 'CORS_ORIGINS',
    default: '(unset)',
    description: 'Comma-separated origins allowed to call the API from a browser (e.g. http://localhost:8888); unset: CORS off',
  },
  { name: 'INTROSPECTION', default: 'true', description: 'Answer introspection queries (Sandbox, GraphiQL and the docs need it)' },
  { name: 'MAX_QUERY_DEPTH', default: '12', description: 'Deepest selection a query may have' },
  { name: 'MAX_ALIASES', default: '30', description: 'Most aliases in one operation' },
  { name: 'MAX_DIRECTIVES', default: '30', description: 'Most directives in one operation' },
  { name: 'MAX_TOKENS', default: '5000', description: 'Most tokens in one document' },
  { name: 'MAX_QUERY_COST', default: '200000', description: 'Highest estimated cost of an operation (list sizes times what they select)' },
  { name: 'EXPENSIVE_QUERY_COST', default: '5000', description: 'Cost from which an operation counts against the rate limit' },
  {
    name: 'RATE_LIMIT_EXPENSIVE_PER_MINUTE',
    default: '120',
    description: 'Expensive operations each client (API key, else IP address) may run per minute; 0 turns it off',
  },
  {
    name: 'API_KEYS',
    default: '(unset)',
    description: 'Comma-separated bearer tokens allowed to write (name:token or token; 16+ characters each); unset: no one may write',
  },
  { name: 'REQUIRE_AUTH_FOR_READS', default: 'false', description: 'Require a valid bearer token for queries too' },
  { name: 'NEO4J_URI', default: '(unset)', description: 'bolt:// or neo4j:// URI of an existing Neo4j; unset starts the local embedded Neo4j' },
  { name: 'NEO4J_USER', default: 'neo4j', description: 'User for NEO4J_URI' },
  { name: 'NEO4J_PASSWORD', default: '(unset)', description: 'Password for NEO4J_URI (required with it); the local Neo4j generates its own' },
  { name: 'NEO4J_DATABASE', default: 'neo4j', description: 'Database name' },
  { name: 'NEO4J_TX_TIMEOUT_MS', default: '15000', description: 'Timeout of every Neo4j transaction' },
  {
    name: 'NEO4J_STARTUP_TIMEOUT_MS',
    default: '300000',
    description: 'Timeout of start-up work (constraints, indexes, seed), kept apart from the request timeout',
  },
  { name: 'NEO4J_CONNECTION_TIMEOUT_MS', default: '5000', description: 'Time to open a connection or get one from the pool' },
  { name: 'NEO4J_MAX_RETRY_MS', default: '2000', description: 'How long transient errors (leader switch, deadlock) are retried' },
  { name: 'NEO4J_MAX_POOL_SIZE', default: '100', description: 'Connection pool size' },
  { name: 'LOCAL_NEO4J_HOME', default: 'var/neo4j/dev', description: 'Data, logs and password file of the local Neo4j (git-ignored)' },
  { name: 'LOCAL_NEO4J_BOLT_PORT', default: '7687', description: 'Bolt port of the local Neo4j (bound to 127.0.0.1 only)' },
  { name: 'LOCAL_NEO4J_HEAP_MB', default: '2048', description: 'Java heap of the local Neo4j' },
  { name: 'LOCAL_NEO4J_PAGECACHE_MB', default: '2048', description: 'Page cache of the local Neo4j' },
];

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

function neo4jUri(env: Env): string | undefined {
  const raw = env.NEO4J_URI;
  if (raw === undefined || raw === '') return undefined;
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

function corsOrigins(env: Env): string[] {
  const raw = str(env, 'CORS_ORIGINS', '');
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
function apiKeys(env: Env): Array<{ name: string; token: string }> {
  const raw = str(env, 'API_KEYS', '');
  if (!raw.trim()) return [];
  return raw.split(',').map((entry, i) => {
    const trimmed = entry.trim();
    const colon = trimmed.indexOf(':');
    const [name, token] = colon > 0 ? [trimmed.slice(0, colon), trimmed.slice(colon + 1)] : [`key${i + 1}`, trimmed];
    if (token.length < 16) throw new ConfigError(`API_KEYS: key "${name}" is shorter than 16 characters`);
    return { name, token };
  });
}

export function loadConfig(env: Env = process.env): Config {
  const uri = neo4jUri(env);
  const password = env.NEO4J_PASSWORD;
  if (uri && !password) {
    throw new ConfigError('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  }
  const config: Config = {
    env: oneOf(env, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const),
    host: str(env, 'HOST', '127.0.0.1'),
    port: int(env, 'PORT', 4000, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    seedDir: path.resolve(PROJECT_ROOT, str(env, 'SEED_DIR', 'seeds')),
    traversal: {
      maxDepth: int(env, 'TRAVERSAL_MAX_DEPTH', 25, 1, 100),
      maxPathHops: int(env, 'PATH_MAX_HOPS', 8, 1, 15),
    },
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10000, 0, 600000),
    http: {
      headersTimeoutMs: int(env, 'HTTP_HEADERS_TIMEOUT_MS', 10000, 100, 600000),
      requestTimeoutMs: int(env, 'HTTP_REQUEST_TIMEOUT_MS', 30000, 100, 3600000),
      keepAliveTimeoutMs: int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600000),
    },
    sandbox: bool(env, 'SANDBOX_ENABLED', (env.NODE_ENV ?? 'development') !== 'production'),
    corsOrigins: corsOrigins(env),
    security: {
      introspection: bool(env, 'INTROSPECTION', true),
      maxDepth: int(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
      maxAliases: int(env, 'MAX_ALIASES', 30, 1, 10000),
      maxDirectives: int(env, 'MAX_DIRECTIVES', 30, 1, 10000),
      maxTokens: int(env, 'MAX_TOKENS', 5000, 100, 1000000),
      maxCost: int(env, 'MAX_QUERY_COST', 200000, 10, 1000000000),
      expensiveCost: int(env, 'EXPENSIVE_QUERY_COST', 5000, 1, 1000000000),
      expensivePerMinute: int(env, 'RATE_LIMIT_EXPENSIVE_PER_MINUTE', 120, 0, 1000000),
    },
    auth: { apiKeys: apiKeys(env), requireForReads: bool(env, 'REQUIRE_AUTH_FOR_READS', false) },
    neo4j: {
      uri,
      user: str(env, 'NEO4J_USER', 'neo4j'),
      password,
      database: str(env, 'NEO4J_DATABASE', 'neo4j'),
      txTimeoutMs: int(env, 'NEO4J_TX_TIMEOUT_MS', 15000, 100, 3600000),
      startupTimeoutMs: int(env, 'NEO4J_STARTUP_TIMEOUT_MS', 300000, 1000, 3600000),
      connectionTimeoutMs: int(env, 'NEO4J_CONNECTION_TIMEOUT_MS', 5000, 100, 600000),
      maxRetryMs: int(env, 'NEO4J_MAX_RETRY_MS', 2000, 0, 600000),
      maxPoolSize: int(env, 'NEO4J_MAX_POOL_SIZE', 100, 1, 10000),
      local: {
        home: path.resolve(PROJECT_ROOT, str(env, 'LOCAL_NEO4J_HOME', 'var/neo4j/dev')),
        boltPort: int(env, 'LOCAL_NEO4J_BOLT_PORT', 7687, 1, 65535),
        heapMb: int(env, 'LOCAL_NEO4J_HEAP_MB', 2048, 256, 65536),
        pageCacheMb: int(env, 'LOCAL_NEO4J_PAGECACHE_MB', 2048, 64, 65536),
      },
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
