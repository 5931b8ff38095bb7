import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { DatabaseUnavailableError, QueryTimeoutError } from '../errors/errors';
import { Bounds, CypherCatalog } from './cypher-catalog';
import { toParams, toPlain } from './values';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Counts Cypher round trips, so a test (or a log line) can check that a request's cost is bounded. */
export class QueryCounter {
  count = 0;
  readonly names: string[] = [];
  record(name: string): void {
    this.count += 1;
    this.names.push(name);
  }
}

/** A transaction handed to write work: runs named queries, all committed together or not at all. */
export interface GraphTransaction {
  run(name: string, params?: Params, bounds?: Bounds): Promise<Row[]>;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Translates driver errors into the typed errors clients see; anything else is a bug and stays as it is. */
export function translateError(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError();
  if (code && TIMEOUT_CODES.has(code)) return new QueryTimeoutError();
  const message = (error as Error)?.message ?? '';
  if (/Pool is closed|connection.*(refused|closed)|ECONNREFUSED|acquisition timed out/i.test(message)) {
    return new DatabaseUnavailableError();
  }
  return error;
}

/**
 * The one place that runs Cypher. Named queries only (from cypher/queries), parameters always,
 * reads through read transactions (routable in a cluster), writes in managed write transactions
 * (retried on transient errors), every transaction with a timeout, results as plain objects.
 */
export class GraphClient {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    readonly catalog: CypherCatalog,
    private readonly txTimeoutMs: number,
    private readonly counter?: QueryCounter,
  ) {}

  /** The same client, counting its round trips in the given counter (one per request). */
  withCounter(counter: QueryCounter): GraphClient {
    return new GraphClient(this.driver, this.database, this.catalog, this.txTimeoutMs, counter);
  }

  /** Runs a named read query; bounds fill its {{placeholders}} for variable-length patterns. */
  async read(name: string, params: Params = {}, bounds: Bounds = {}): Promise<Row[]> {
    return this.transaction('READ', (tx) => tx.run(name, params, bounds));
  }

  async write(name: string, params: Params = {}): Promise<Row[]> {
    return this.transaction('WRITE', (tx) => tx.run(name, params));
  }

  /** Runs several named writes in one transaction: all of them land, or none. */
  async writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  /** Runs a schema statement (constraints, indexes) outside an explicit transaction, as Neo4j requires. */
  async runSchemaStatement(text: string): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(text, {}, { timeout: this.txTimeoutMs * 20 });
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: this.txTimeoutMs, metadata: { app: 'corpgraph' } };
    const body = (tx: ManagedTransaction) =>
      work({
        run: async (name: string, params: Params = {}, bounds: Bounds = {}) => {
          const text = this.catalog.get(name, bounds);
          this.counter?.record(name);
          const result = await tx.run(text, toParams(params) as Params);
          return result.records.map((record) => toPlain(record.toObject()) as Row);
        },
      });
    try {
      return mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  /** True when Neo4j answers a trivial query now; used by /ready. */
  async ping(): Promise<boolean> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: 2000 });
      return true;
    } catch {
      return false;
    } finally {
      await session.close();
    }
  }
}
