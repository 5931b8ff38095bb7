import 'reflect-metadata';
import { DocumentNode, execute, ExecutionResult, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { Config, DEFAULT_CONFIG } from './config';
import { driverFor } from './graph/driver';
import { CypherCatalog } from './graph/cypher-catalog';
import { GraphClient } from './graph/graph-client';
import { createContext } from './graphql/context';
import { getSchema } from './graphql/schema';
import { validTextInLiterals, variablesFault } from './security/input-text';

/** A document that carries its result and variables types (compatible with TypedDocumentNode). */
export interface TypedOperation<TData, TVariables> extends DocumentNode {
  __apiType?: (variables: TVariables) => TData;
}

export interface ClientOptions {
  /** An existing driver (the client then leaves closing it to you)... */
  driver?: Driver;
  /** ...or where to connect. */
  neo4j?: { uri: string; user?: string; password: string };
  database?: string;
  /** Timeout of each Neo4j transaction; default NEO4J_TX_TIMEOUT_MS's. */
  txTimeoutMs?: number;
  /** Limits of traversals, as TRAVERSAL_MAX_DEPTH, PATH_MAX_HOPS and TRAVERSAL_MAX_CHAIN_ROUTES configure the service. */
  limits?: Config['traversal'];
}

/**
 * corpgraph in process: the same schema, resolvers and Cypher as the service, with no HTTP server.
 * For scripts and JavaScript/TypeScript notebooks:
 *
 *   const client = await CorpgraphClient.connect({ neo4j: { uri: 'bolt://localhost:7687', password } });
 *   const { data } = await client.execute<{ company: { name: string } }>('query($id: ID!) { company(id: $id) { name } }', { id: 'twitch' });
 *   await client.close();
 *
 * The caller holds the database credentials, so writes (mutations) are allowed without a token.
 */
export class CorpgraphClient {
  private constructor(
    private readonly graph: GraphClient,
    private readonly limits: Config['traversal'],
    private readonly ownedDriver?: Driver,
  ) {}

  static async connect(options: ClientOptions): Promise<CorpgraphClient> {
    let driver = options.driver;
    let owned: Driver | undefined;
    if (!driver) {
      if (!options.neo4j) throw new Error('CorpgraphClient.connect needs a driver or neo4j: { uri, password }');
      driver = owned = driverFor(options.neo4j);
      await driver.verifyConnectivity();
    }
    const graph = new GraphClient(
      driver,
      options.database ?? DEFAULT_CONFIG.neo4j.database,
      CypherCatalog.load(),
      options.txTimeoutMs ?? DEFAULT_CONFIG.neo4j.txTimeoutMs,
    );
    return new CorpgraphClient(graph, options.limits ?? DEFAULT_CONFIG.traversal, owned);
  }

  /** Runs one operation; errors come back in `errors`, with the same codes as over HTTP. */
  async execute<TData = Record<string, unknown>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    operation: string | TypedOperation<TData, TVariables>,
    variables?: TVariables,
    operationName?: string,
  ): Promise<ExecutionResult<TData>> {
    let document: DocumentNode;
    try {
      document = typeof operation === 'string' ? parse(operation) : operation;
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    const errors = validate(getSchema(), document, [...specifiedRules, validTextInLiterals]);
    if (errors.length) return { errors };
    // The same text and depth checks as over HTTP (src/security/input-text.ts).
    const refused = variablesFault(variables);
    if (refused) return { errors: [refused] };
    return (await execute({
      schema: getSchema(),
      document,
      variableValues: variables,
      operationName,
      contextValue: createContext(this.graph, this.limits, { authenticated: true, keyName: 'in-process' }),
    })) as ExecutionResult<TData>;
  }

  /** Closes the driver the client opened (not one you passed in). */
  async close(): Promise<void> {
    await this.ownedDriver?.close();
  }
}
