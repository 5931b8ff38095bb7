import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const CHANGE_FIELDS = 'sequence cursor at kind factId factType organizations sourceKinds before after by';
const SUBSCRIPTION = `subscription($after: String, $filter: ChangeFilterInput) { changes(after: $after, filter: $filter) { ${CHANGE_FIELDS} } }`;

export interface ReceivedChange {
  sequence: number;
  cursor: string;
  at: string;
  kind: string;
  factId: string;
  factType: string;
  organizations: string[];
  sourceKinds: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  by: string;
  /** When this subscriber got it (Date.now()). */
  receivedAt: number;
}

/**
 * A subscriber as a client application runs one: graphql-ws over a real WebSocket, keeping what it got
 * and its last cursor, able to drop the connection and resume from that cursor (on the same or another
 * API process).
 */
export class ChangeSubscriber {
  readonly received: ReceivedChange[] = [];
  errors: Array<{ message: string; extensions?: Record<string, unknown> }> = [];
  closed?: { code: number; reason: string };
  private client?: Client;
  private unsubscribe?: () => void;

  constructor(
    private readonly token: string | undefined,
    private readonly filter: Record<string, unknown> | null,
  ) {}

  get cursor(): string | undefined {
    return this.received.at(-1)?.cursor;
  }

  /** Connects to `url` (ws://host:port/graphql) and subscribes after `after` (default: its own last cursor, else from now). */
  start(url: string, after: string | undefined = this.cursor): Promise<void> {
    this.closed = undefined;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: this.token ? { authorization: `Bearer ${this.token}` } : {},
      on: { closed: (event) => (this.closed = { code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
    });
    this.client = client;
    return new Promise<void>((resolve, reject) => {
      const offConnected = client.on('connected', () => {
        offConnected();
        resolve();
      });
      client.on('error', (error) => reject(error));
      // Refused at connection (a bad token: 4403): the start fails with the close event.
      client.on('closed', (event) => reject(event));
      this.unsubscribe = client.subscribe<{ changes: Omit<ReceivedChange, 'receivedAt'> }>(
        { query: SUBSCRIPTION, variables: { after: after ?? null, filter: this.filter } },
        {
          next: (result) => {
            if (result.errors?.length) this.errors.push(...(result.errors as ChangeSubscriber['errors']));
            if (result.data?.changes) this.received.push({ ...result.data.changes, receivedAt: Date.now() });
          },
          error: (error) => {
            // A dropped connection comes here as its close event: that is `closed`, not a GraphQL error.
            if (typeof (error as { code?: unknown }).code === 'number') return;
            const list = Array.isArray(error) ? error : [error];
            this.errors.push(
              ...list.map((e) => ({
                message: String((e as { message?: unknown }).message ?? (e as { reason?: unknown }).reason ?? e),
                extensions: (e as { extensions?: Record<string, unknown> }).extensions,
              })),
            );
          },
          complete: () => undefined,
        },
      );
    });
  }

  /** Drops the connection (as a network failure or a closed laptop would). */
  async disconnect(): Promise<void> {
    this.unsubscribe?.();
    await this.client?.dispose();
    this.client = undefined;
  }
}

/** Polls a condition until it holds or the ceiling passes. */
export async function waitFor(check: () => boolean, timeoutMs: number, pollMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return check();
}
