import neo4j, { type Driver } from 'neo4j-driver';
import type { Caller } from '../../src/auth/api-keys';
import { Config, loadConfig } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient, QueryCall } from '../../src/graph/graph-client';
import { createContext } from '../../src/graphql/context';
import { createLogger } from '../../src/logger';
import { App, createApp } from '../../src/server';
import { ENV_KEYS } from './test-env';
import { driverFor } from '../../src/graph/driver';

export function testNeo4j() {
  const uri = process.env[ENV_KEYS.uri];
  if (!uri) throw new Error('The test Neo4j is not set up (tests/helpers/global-setup.ts did not run)');
  return {
    uri,
    user: process.env[ENV_KEYS.user] ?? 'neo4j',
    password: process.env[ENV_KEYS.password] ?? '',
    database: process.env[ENV_KEYS.database] ?? 'neo4j',
  };
}

/** Configuration as the service would read it, pointed at the test Neo4j. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const n = testNeo4j();
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: n.uri,
    NEO4J_USER: n.user,
    NEO4J_PASSWORD: n.password,
    NEO4J_DATABASE: n.database,
    ...overrides,
  });
}

export interface TestGraph {
  driver: Driver;
  graph: GraphClient;
  close(): Promise<void>;
}

export function openTestGraph(uri = testNeo4j().uri, options: { maxRetryMs?: number; connectionTimeoutMs?: number } = {}): TestGraph {
  const n = testNeo4j();
  const driver = driverFor(
    { uri, user: n.user, password: n.password },
    { maxRetryMs: options.maxRetryMs ?? 1000, connectionTimeoutMs: options.connectionTimeoutMs ?? 3000 },
  );
  const graph = new GraphClient(driver, n.database, CypherCatalog.load(), 30000);
  return { driver, graph, close: () => driver.close() };
}

/** Gives a seed parent link back its first `keep` citations, its three parallel lists cut together
 * (test files share one graph: a list left longer than the others misleads the next file). */
export async function keepLinkCitations(db: TestGraph, linkId: string, keep = 1): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      'MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF {id: $linkId}]->() SET l.sourceIds = l.sourceIds[0..$keep], l.quotes = l.quotes[0..$keep], l.locators = l.locators[0..$keep]',
      { linkId, keep: neo4j.int(keep) },
    );
  } finally {
    await session.close();
  }
}

export interface GraphQLAnswer<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: Array<string | number> }>;
  /** Cypher round trips the request cost. */
  queries: number;
  /** The named queries it ran, with their parameters and bounds, in order. */
  calls: QueryCall[];
}

/** Runs operations through Apollo Server exactly as an HTTP request would, without the network. */
export class TestApi {
  readonly app: App;

  constructor(
    readonly graph: GraphClient,
    readonly config: Config = testConfig(),
  ) {
    this.app = createApp({ config, graph, logger: createLogger('silent'), isSchemaApplied: () => true });
  }

  /** Serves the API over HTTP on a free port (or the one given); returns the port. */
  async listen(port = 0): Promise<number> {
    return this.app.listen(port, '127.0.0.1');
  }

  async execute<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    caller: Caller = { authenticated: false },
    { lookahead = true }: { lookahead?: boolean } = {},
  ): Promise<GraphQLAnswer<T>> {
    await this.app.start();
    const contextValue = createContext(this.graph, this.config.traversal, caller, 'local', { lookahead, extraction: this.config.extraction });
    const { calls } = contextValue.queries;
    let response;
    try {
      response = await this.app.apollo.executeOperation({ query, variables }, { contextValue });
    } catch (error) {
      // Documents refused while parsing (syntax, token limits) are thrown here; over HTTP they are a 400 answer.
      const e = error as { message: string; extensions?: Record<string, unknown> };
      if (!e.extensions) throw error;
      return { errors: [{ message: e.message, extensions: { code: 'GRAPHQL_PARSE_FAILED', ...e.extensions } }], queries: contextValue.queries.count, calls };
    }
    if (response.body.kind !== 'single') throw new Error('Expected a single result');
    const { data, errors } = response.body.singleResult;
    return { data: data as T, errors: errors as GraphQLAnswer['errors'], queries: contextValue.queries.count, calls };
  }

  /** The data of an answer that must have no error. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, caller?: Caller): Promise<T> {
    const answer = await this.execute<T>(query, variables, caller);
    if (answer.errors?.length) throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data as T;
  }

  async stop(): Promise<void> {
    await this.app.stop();
  }
}

/**
 * A driver and an API for the whole test file: opened before its tests, closed after them. Read
 * `.api` and `.db` inside the tests (they are set once the file's beforeAll has run).
 */
export function useTestApi(): { api: TestApi; db: TestGraph } {
  const fixture = {} as { api: TestApi; db: TestGraph };
  beforeAll(() => {
    fixture.db = openTestGraph();
    fixture.api = new TestApi(fixture.db.graph);
  });
  afterAll(async () => {
    await fixture.api.stop();
    await fixture.db.close();
  });
  return fixture;
}

/** useTestApi, served over HTTP on a free port: `.url` is its /graphql address (set once beforeAll has run). */
export function useServedApi(): { api: TestApi; db: TestGraph; url: string } {
  const fixture = {} as { api: TestApi; db: TestGraph; url: string };
  beforeAll(async () => {
    fixture.db = openTestGraph();
    fixture.api = new TestApi(fixture.db.graph);
    fixture.url = `http://127.0.0.1:${await fixture.api.listen()}/graphql`;
  });
  afterAll(async () => {
    await fixture.api.stop();
    await fixture.db.close();
  });
  return fixture;
}

/** A caller with a valid token, as the server builds it for an authenticated request. */
export const WRITER: Caller = { authenticated: true, keyName: 'tests' };

/** The error codes of an answer, in order. */
export function codes(answer: GraphQLAnswer): string[] {
  return (answer.errors ?? []).map((e) => String(e.extensions?.code));
}
