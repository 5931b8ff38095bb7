import type { Caller } from '../auth/api-keys';
import type { FeedNotifier } from '../changes/notifier';
import { type Config, DEFAULT_CONFIG } from '../config';
import { GraphClient, QueryCounter } from '../graph/graph-client';
import { RequestLoaders } from './common/loaders';

/** What every resolver gets for one request: a graph client that counts its round trips, and batching loaders. */
export interface Context {
  graph: GraphClient;
  loaders: RequestLoaders;
  queries: QueryCounter;
  limits: Config['traversal'];
  /** The time budget of an article's extraction. */
  extraction: Config['extraction'];
  /** Who is asking: whether a valid bearer token came with the request. */
  caller: Caller;
  /** Who to rate-limit: the API key's name, else the client's address. */
  client: string;
  /** The operation's estimated cost, once known. */
  cost?: number;
  /**
   * Whether resolvers read ahead what the request selects below them (src/graphql/lookahead/). Off,
   * every request takes the plain path: the tests compare the two answers.
   */
  lookahead: boolean;
  /** What change subscriptions need (only over WebSocket): this process's feed notifier, and the slots per key. */
  changes?: { notifier?: FeedNotifier; subscriptionsPerKey: number };
}

export function createContext(
  graph: GraphClient,
  limits: Config['traversal'],
  caller: Caller = { authenticated: false },
  address = 'local',
  {
    lookahead = true,
    extraction = DEFAULT_CONFIG.extraction,
    signal,
    changes,
    longLived = false,
  }: {
    lookahead?: boolean;
    extraction?: Config['extraction'];
    /** Aborted when the client hangs up: the request's Neo4j transactions are stopped (GraphClient.forRequest). */
    signal?: AbortSignal;
    changes?: Context['changes'];
    /** A subscription: its query counter keeps only a count, not every call of its lifetime. */
    longLived?: boolean;
  } = {},
): Context {
  const queries = new QueryCounter(!longLived);
  const counted = graph.forRequest(queries, signal);
  return {
    graph: counted,
    loaders: new RequestLoaders(counted),
    queries,
    limits,
    extraction,
    caller,
    client: caller.keyName ? `key:${caller.keyName}` : `ip:${address}`,
    lookahead,
    changes,
  };
}
