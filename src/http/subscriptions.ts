import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  OperationTypeNode,
  ParseOptions,
  ValidationRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import crypto from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate, type Caller } from '../auth/api-keys';
import type { Config } from '../config';
import { FeedNotifier } from '../changes/notifier';
import type { GraphClient } from '../graph/graph-client';
import { type Context, createContext } from '../graphql/context';
import type { Logger } from '../logger';

/** The protections an operation passes before it runs (src/security/protection.ts makes them): parse limits, validation rules, then the checks of its variables and cost. */
export interface OperationGuard {
  parseOptions: ParseOptions;
  validationRules: ReadonlyArray<ValidationRule>;
  admit(operation: {
    variables?: Record<string, unknown>;
    document: DocumentNode;
    queryHash: string;
    operationName?: string | null;
    contextValue: Context;
  }): void;
}

/** How often an idle socket is pinged; one that does not answer within the same time is cut. */
const KEEP_ALIVE_MS = 12_000;

export interface SubscriptionServer {
  /** Closes every socket (1001, going away: clients reconnect elsewhere and resume from their cursor) and stops the feed notifier. */
  dispose(): Promise<void>;
}

/**
 * GraphQL over WebSocket (the graphql-ws protocol Apollo's clients speak) at `path`, for subscriptions
 * only: queries and mutations go over HTTP. A connection authenticates once, with
 * `{authorization: "Bearer <token>"}` in its connection_init payload (or the upgrade request's
 * Authorization header); with REQUIRE_AUTH_FOR_READS it is refused without one (4403). Each
 * subscription passes the same protections as an HTTP request (token limit, depth, aliases, cost).
 */
export function serveSubscriptions(
  httpServer: http.Server,
  {
    path,
    schema,
    graph,
    config,
    guard,
    logger,
  }: { path: string; schema: GraphQLSchema; graph: GraphClient; config: Config; guard: OperationGuard; logger: Logger },
): SubscriptionServer {
  const notifier = new FeedNotifier(graph, config.changes.pollMs, logger);
  const wss = new WebSocketServer({ noServer: true, handleProtocols });
  const callers = new WeakMap<object, Caller>();
  /** Subscriptions of closed sockets still ending (releasing their leases). */
  const ending = new Set<Promise<unknown>>();
  const server = makeServer<Record<string, unknown> | undefined, { socket: WebSocket; request: http.IncomingMessage }>({
    schema,
    onConnect(ctx) {
      const header = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : ctx.extra.request.headers.authorization;
      const caller = authenticate(header, config.auth.apiKeys);
      if (!caller.authenticated && (config.auth.requireForReads || header)) return false; // 4403 Forbidden
      callers.set(ctx, caller);
      return true;
    },
    onSubscribe(ctx, _id, payload) {
      let document;
      try {
        document = parse(payload.query, guard.parseOptions);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      const errors = validate(schema, document, [...specifiedRules, ...guard.validationRules]);
      if (errors.length) return errors;
      const operation = getOperationAST(document, payload.operationName);
      if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
        return [
          new GraphQLError('Over WebSocket only subscriptions are served: send queries and mutations to /graphql over HTTP.', {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ];
      }
      const caller = callers.get(ctx) ?? { authenticated: false };
      const contextValue = createContext(graph, config.traversal, caller, ctx.extra.request.socket.remoteAddress ?? 'unknown', {
        extraction: config.extraction,
        changes: { notifier, subscriptionsPerKey: config.changes.subscriptionsPerKey },
        longLived: true,
      });
      try {
        const queryHash = crypto.createHash('sha256').update(payload.query).digest('hex');
        guard.admit({ variables: payload.variables ?? undefined, document, queryHash, operationName: payload.operationName, contextValue });
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
    },
    onError(_ctx, _id, _payload, errors) {
      logger.info({ event: 'subscription_refused', errors: errors.map((e) => e.message) }, 'Subscription refused');
    },
  });

  httpServer.on('upgrade', (request: http.IncomingMessage, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== path && pathname !== `${path}/`) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
    socket.once('error', (error) => {
      logger.warn({ event: 'websocket_error', err: error }, 'WebSocket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let alive = true;
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            // Resolves once written: a slow reader slows only its own subscription (the next page is read when this one is sent).
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (message) => {
            handle(String(message)).catch((error: unknown) => {
              logger.error({ event: 'websocket_message_failed', err: error }, 'Handling a WebSocket message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      // Ending its subscriptions releases their leases: dispose() waits for that before the driver closes.
      const ended = closed(code, String(reason)).catch((error: unknown) =>
        logger.warn({ event: 'subscription_end_failed', err: error }, 'Ending a subscription failed'),
      );
      ending.add(ended);
      void ended.finally(() => ending.delete(ended));
    });
  });

  return {
    async dispose() {
      notifier.stop();
      const sockets = [...wss.clients];
      await Promise.all(
        sockets.map(
          (client) =>
            new Promise<void>((resolve) => {
              client.once('close', () => resolve());
              client.close(1001, 'Going away');
              // A client that does not answer the close handshake is cut.
              setTimeout(() => client.terminate(), 2000).unref();
            }),
        ),
      );
      await Promise.all([...ending]);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
