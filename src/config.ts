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
    neo4j: {
      uri,
      user: str(env, 'NEO4J_USER', 'neo4j'),
      password,
      database: str(env, 'NEO4J_DATABASE', 'neo4j'),
      txTimeoutMs: int(env, 'NEO4J_TX_TIMEOUT_MS', 15000, 100, 3600000),
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
