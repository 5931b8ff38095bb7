import neo4j, { Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';
import { ConcurrentWriteError, DatabaseUnavailableError, QueryTimeoutError, RequestCancelledError } from '../errors/errors';
import { Bounds, CypherCatalog } from './cypher-catalog';
import { toParams, toPlain } from './values';
import type { ChangeInput, ChangeSink } from './change-outbox';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** One named query a request ran: what a test pins (which query, with which parameters and bounds). */
export interface QueryCall {
  name: string;
  params: Params;
  bounds: Bounds;
}

/** Counts Cypher round trips, so a test (or a log line) can check that a request's cost is bounded. */
export class QueryCounter {
  count = 0;
  readonly names: string[] = [];
  readonly calls: QueryCall[] = [];
  /** @param keepCalls false for a long-lived operation (a subscription): only the count is kept, not every call. */
  constructor(private readonly keepCalls = true) {}
  record(name: string, params: Params = {}, bounds: Bounds = {}): void {
    this.count += 1;
    if (!this.keepCalls) return;
    this.names.push(name);
    this.calls.push({ name, params, bounds });
  }
}

/** Changes stored per change set node (cypher/queries/changes/append.cypher). */
const CHANGE_SET_SIZE = 500;

/**
 * A transaction's changes as the append query stores them: in sets of CHANGE_SET_SIZE, each set as
 * parallel lists (Neo4j properties hold no maps), organizations and source ids space-separated (ids
 * hold no space), before and after as JSON text ('' for none). Built here, so that the query only
 * stores them.
 */
function changeSets(changes: ChangeInput[]): Params[] {
  const sets: Params[] = [];
  for (let start = 0; start < changes.length; start += CHANGE_SET_SIZE) {
    const part = changes.slice(start, start + CHANGE_SET_SIZE);
    sets.push({
      bys: part.map((c) => c.by),
      kinds: part.map((c) => c.kind),
      factIds: part.map((c) => c.factId),
      factTypes: part.map((c) => c.factType),
      organizations: part.map((c) => c.organizations.join(' ')),
      sourceIds: part.map((c) => [...new Set(c.sourceIds)].join(' ')),
      before: part.map((c) => (c.before === null ? '' : JSON.stringify(c.before))),
      after: part.map((c) => (c.after === null ? '' : JSON.stringify(c.after))),
    });
  }
  return sets;
}

/** Records as plain rows: Neo4j integers, dates and nodes converted once, here. */
function rowsOf(result: QueryResult): Row[] {
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** Least time a schema statement (an index build, awaiting indexes) may take. */
const SCHEMA_TIMEOUT_MS = 300_000;

/** Attempts of a lone read on transient errors (leader switch, deadlock, a dropped connection). */
const READ_ATTEMPTS = 3;

interface PendingRead {
  name: string;
  params: Params;
  bounds: Bounds;
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
}

/**
 * A transaction handed to write work: runs named queries, all committed together or not at all, and
 * takes the changes the work made (ChangeSink), which the transaction stores in the change feed with
 * the next statement it runs, or on their own once the work is done.
 */
export interface GraphTransaction extends ChangeSink {
  run(name: string, params?: Params, bounds?: Bounds): Promise<Row[]>;
}

/** Told of each committed write that stored changes (this process's subscribers need not wait for their poll to have them numbered). */
export type CommitListener = () => void;

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
  // A transaction stopped by its timeout while it waited for a lock (a write queued behind another).
  'Neo.ClientError.Transaction.LockClientStopped',
]);

/** Translates driver errors into the typed errors clients see; anything else is a bug and stays as it is. */
export function translateError(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError();
  if (code && TIMEOUT_CODES.has(code)) return new QueryTimeoutError();
  // A deadlock still there after the managed transaction's retries: the client may retry.
  if (code === 'Neo.TransientError.Transaction.DeadlockDetected') return new ConcurrentWriteError();
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
  /** Reads asked for in the current tick, waiting to be sent together (only when coalescing). */
  private pending: PendingRead[] = [];
  /** The sessions this client has open: what a cancelled request closes. */
  private readonly sessions = new Set<Session>();
  /** Listeners of committed changes, shared by every client derived from this one. */
  private commitListeners: Set<CommitListener> = new Set();
  /** False only for a benchmark's baseline (withoutChangeFeed): every real write appends its changes. */
  private recordChanges = true;
  /** The client this one was derived from (itself when made with new): one per process and database. */
  root: GraphClient = this;

  constructor(
    private readonly driver: Driver,
    readonly database: string,
    readonly catalog: CypherCatalog,
    private readonly txTimeoutMs: number,
    private readonly counter?: QueryCounter,
    private readonly coalesceReads = false,
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.cancel(), { once: true });
  }

  /**
   * The client of one GraphQL request: counts its round trips in `counter`, and sends the reads its
   * resolvers ask for in the same tick (one batched query per relation, as the loaders make them)
   * in one read transaction, pipelined: one round trip to Neo4j for a whole nesting level. When
   * `signal` aborts (the client hung up), its running transactions are stopped in Neo4j and nothing
   * more is sent.
   */
  forRequest(counter: QueryCounter, signal?: AbortSignal): GraphClient {
    return this.derived(new GraphClient(this.driver, this.database, this.catalog, this.txTimeoutMs, counter, true, signal));
  }

  /** A client made from this one shares its commit listeners and its change-feed switch. */
  private derived(client: GraphClient): GraphClient {
    client.commitListeners = this.commitListeners;
    client.recordChanges = this.recordChanges;
    client.root = this.root;
    return client;
  }

  /** Calls `listener` after each committed write that stored changes (still to be numbered); returns how to stop. */
  onCommittedChanges(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /**
   * The same client with writes that append nothing to the change feed: only for a benchmark's
   * baseline, to measure what the feed costs a write. Never used by the service.
   */
  withoutChangeFeed(): GraphClient {
    const client = this.derived(new GraphClient(this.driver, this.database, this.catalog, this.txTimeoutMs, this.counter, this.coalesceReads, this.signal));
    client.recordChanges = false;
    return client;
  }

  /**
   * Stops the request's work: closing a session with a query in flight makes the driver send Bolt's
   * RESET, on which Neo4j terminates the transaction at once (a rollback would wait behind the query).
   */
  private cancel(): void {
    for (const read of this.pending.splice(0)) read.reject(new RequestCancelledError());
    for (const session of this.sessions) void session.close().catch(() => undefined);
    this.sessions.clear();
  }

  /** A session counted as this client's, refused once its request is cancelled. */
  private open(mode: 'READ' | 'WRITE'): Session {
    if (this.signal?.aborted) throw new RequestCancelledError();
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    this.sessions.add(session);
    return session;
  }

  private async release(session: Session): Promise<void> {
    this.sessions.delete(session);
    await session.close();
  }

  /** The error a failed query becomes: a cancelled request's, or the driver's translated. */
  private failure(error: unknown): unknown {
    return this.signal?.aborted ? new RequestCancelledError() : translateError(error);
  }

  /** Runs a named read query; bounds fill its {{placeholders}} for variable-length patterns. */
  async read(name: string, params: Params = {}, bounds: Bounds = {}): Promise<Row[]> {
    if (!this.coalesceReads) return this.transaction('READ', (tx) => tx.run(name, params, bounds));
    if (this.signal?.aborted) throw new RequestCancelledError();
    return new Promise<Row[]>((resolve, reject) => {
      if (this.pending.push({ name, params, bounds, resolve, reject }) === 1) setImmediate(() => this.flushReads());
    });
  }

  /**
   * Sends the reads of one tick: one alone as an auto-commit query (one message and one round trip,
   * where a managed transaction costs three messages and two), several in one transaction. They
   * share its outcome (a request fails as a whole anyway).
   */
  private flushReads(): void {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return; // cancelled meanwhile
    if (batch.length === 1) {
      const [read] = batch;
      this.autoCommitRead(read.name, read.params, read.bounds).then(read.resolve, read.reject);
      return;
    }
    this.transaction('READ', (tx) => Promise.all(batch.map((read) => tx.run(read.name, read.params, read.bounds)))).then(
      (results) => batch.forEach((read, i) => read.resolve(results[i])),
      (error: unknown) => batch.forEach((read) => read.reject(error)),
    );
  }

  async write(name: string, params: Params = {}): Promise<Row[]> {
    return this.transaction('WRITE', (tx) => tx.run(name, params));
  }

  /** Runs several named writes in one transaction: all of them land, or none. */
  async writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  /**
   * Runs a named write that commits in batches of its own (CALL { ... } IN TRANSACTIONS), which Neo4j
   * runs only outside an explicit transaction; bulk maintenance after a first load, not request work.
   */
  async writeInBatches(name: string, params: Params = {}): Promise<void> {
    const text = this.catalog.get(name, {});
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(text, toParams(params) as Params, { timeout: Math.max(this.txTimeoutMs, SCHEMA_TIMEOUT_MS), metadata: { app: 'corpgraph' } });
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (constraints, indexes) outside an explicit transaction, as Neo4j requires. */
  async runSchemaStatement(text: string): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // Index builds are start-up work: they get at least the start-up default, whatever the request timeout.
      await session.run(text, {}, { timeout: Math.max(this.txTimeoutMs, SCHEMA_TIMEOUT_MS) });
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const session = this.open(mode);
    const config = { timeout: this.txTimeoutMs, metadata: { app: 'corpgraph' } };
    let appended = false;
    // Run again from the start on a transient error (a deadlock): each attempt collects its own changes.
    const body = async (tx: ManagedTransaction) => {
      // Changes recorded and not stored yet: the next statement carries them (CypherCatalog.carrying).
      const unstored: ChangeInput[] = [];
      appended = false;
      const run = async (name: string, params: Params = {}, bounds: Bounds = {}) => {
        const carry = unstored.length > 0 && name !== 'changes/append';
        const text = carry ? this.catalog.carrying(name, bounds) : this.catalog.get(name, bounds);
        if (carry && 'changeSets' in params) throw new Error(`Query "${name}" cannot carry changes: it has a parameter named changeSets`);
        this.counter?.record(name, params, bounds);
        const sent = carry ? { ...params, changeSets: changeSets(unstored.splice(0)) } : params;
        const result = await tx.run(text, toParams(sent) as Params);
        return rowsOf(result);
      };
      const result = await work({
        run,
        record: (more) => {
          if (mode === 'READ') throw new Error('a read transaction cannot record changes');
          if (!this.recordChanges) return;
          for (const change of more) unstored.push(change);
          if (more.length) appended = true;
        },
      });
      // Recorded after the last statement: stored on their own.
      if (unstored.length) await run('changes/append', { changeSets: changeSets(unstored.splice(0)) });
      return result;
    };
    try {
      const result = mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
      if (appended) for (const listener of this.commitListeners) listener();
      return result;
    } catch (error) {
      throw this.failure(error);
    } finally {
      await this.release(session);
    }
  }

  /** A read in its own auto-commit transaction, retried like a managed one on transient errors (it changes nothing). */
  private async autoCommitRead(name: string, params: Params, bounds: Bounds): Promise<Row[]> {
    const text = this.catalog.get(name, bounds);
    this.counter?.record(name, params, bounds);
    for (let attempt = 1; ; attempt += 1) {
      const session = this.open('READ');
      try {
        const result = await session.run(text, toParams(params) as Params, { timeout: this.txTimeoutMs, metadata: { app: 'corpgraph' } });
        return rowsOf(result);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || this.signal?.aborted || !neo4j.isRetryableError(error as Error)) throw this.failure(error);
      } finally {
        await this.release(session);
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }

  /** A ping still waiting on Neo4j: probes that arrive meanwhile wait on it instead of opening more sessions. */
  private pingInFlight?: Promise<boolean>;

  /**
   * True when Neo4j answers a trivial query within `timeoutMs`; used by /ready. A Neo4j that hangs
   * (a frozen process, a dead network path) answers false in time rather than holding the caller.
   */
  async ping(timeoutMs = 2000): Promise<boolean> {
    if (!this.pingInFlight) {
      const attempt = this.pingOnce(timeoutMs);
      this.pingInFlight = attempt;
      // Forget a hung attempt after a while, so that a later probe tries a fresh connection.
      const forget = setTimeout(() => this.pingInFlight === attempt && (this.pingInFlight = undefined), timeoutMs * 5).unref();
      void attempt.finally(() => {
        clearTimeout(forget);
        if (this.pingInFlight === attempt) this.pingInFlight = undefined;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.pingInFlight, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async pingOnce(timeoutMs: number): Promise<boolean> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: timeoutMs });
      return true;
    } catch {
      return false;
    } finally {
      void session.close().catch(() => undefined);
    }
  }

  /** The same client with another transaction timeout: start-up work (schema, seed) must not share the request timeout. */
  withTimeout(txTimeoutMs: number): GraphClient {
    return this.derived(new GraphClient(this.driver, this.database, this.catalog, txTimeoutMs, this.counter, this.coalesceReads, this.signal));
  }
}
