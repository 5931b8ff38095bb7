import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from './config';
import { ErrorCode, StartupError } from './errors/errors';
import { formatError } from './graphql/format-error';
import { stopExtractionWorker } from './extraction/worker-pool';
import { GraphClient } from './graph/graph-client';
import { Context } from './graphql/context';
import { authPlugin } from './graphql/plugins/auth';
import { httpStatusPlugin } from './graphql/plugins/http-status';
import { landingPagePlugin } from './graphql/plugins/landing-page';
import { requestLogPlugin } from './graphql/plugins/request-log';
import { subscriptionsOverHttpPlugin } from './graphql/plugins/subscriptions-over-http';
import { getSchema } from './graphql/schema';
import { applyCors } from './http/cors';
import { graphqlHandler } from './http/graphql-handler';
import { HttpError, sendHttpError, sendJson } from './http/respond';
import { setSecurityHeaders } from './http/security-headers';
import { sendStatic } from './http/static-pages';
import { serveSubscriptions } from './http/subscriptions';
import { startRetention } from './changes/retention';
import type { Logger } from './logger';
import { protection } from './security/protection';

/**
 * The wiring: Apollo Server with corpgraph's schema, protections and plugins, and the HTTP routes
 * around it (/graphql through the HTTP adapter, /health, /ready, the offline pages). Each job lives
 * in its own module: src/http/graphql-handler.ts, src/graphql/plugins/, src/graphql/format-error.ts.
 */
export const GRAPHQL_PATH = '/graphql';

export { SANDBOX_INITIAL_DOCUMENT } from './graphql/plugins/landing-page';

export interface AppDeps {
  config: Config;
  graph: GraphClient;
  logger: Logger;
  /** True once constraints and indexes are applied; /ready reports it. */
  isSchemaApplied: () => boolean;
}

export interface App {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Starts Apollo (once; later calls do nothing). */
  start(): Promise<void>;
  /** Starts Apollo and listens; resolves with the port actually bound. */
  listen(port: number, host: string): Promise<number>;
  /** Stops taking requests, lets those in flight finish (up to the grace period), stops Apollo and the extraction worker. */
  stop(): Promise<void>;
}

/** /ready answers within this even when Neo4j hangs (e.g. a frozen process): a probe must not hang with it. */
export const READY_PING_MS = 1500;

export function createApp({ config, graph, logger, isSchemaApplied }: AppDeps): App {
  const httpServer = http.createServer({
    // Slow clients are cut off: headers must arrive within headersTimeout, the whole request within requestTimeout.
    headersTimeout: config.http.headersTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
  });
  const schema = getSchema();
  const guard = protection(config, schema);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.security.introspection,
    includeStacktraceInErrorResponses: false,
    // src/main.ts stops everything on SIGTERM/SIGINT in order (subscriptions, Apollo, Neo4j); Apollo's own
    // handler would stop it alone and send the signal again, which main.ts takes for an impatient second one.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    // The token limit is enforced by graphql-js's own parser: past it, the document is a syntax error (400).
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    formatError: formatError(logger),
    plugins: [
      ...guard.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      landingPagePlugin(config),
      requestLogPlugin(logger),
      authPlugin(config),
      subscriptionsOverHttpPlugin(),
      httpStatusPlugin(),
      // No HTTP cache hints are served: without this, Apollo wraps every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });

  const handleGraphQL = graphqlHandler(apollo, graph, config);
  const subscriptions = serveSubscriptions(httpServer, { path: GRAPHQL_PATH, schema, graph, config, guard, logger });
  const stopRetention = startRetention(graph, config.changes, logger);

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    setSecurityHeaders(res);
    if (applyCors(config, req, res)) return;
    const route = async () => {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const [neo4j, schema] = [await graph.ping(READY_PING_MS), isSchemaApplied()];
        return sendJson(res, neo4j && schema ? 200 : 503, { ready: neo4j && schema, neo4j, schema });
      }
      if (url.pathname === GRAPHQL_PATH || url.pathname === `${GRAPHQL_PATH}/`) return handleGraphQL(req, res, url);
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (url.pathname === '/graphiql' || url.pathname === '/explore' || url.pathname === '/review') return sendStatic(res, `${url.pathname.slice(1)}.html`);
      if (url.pathname.startsWith('/assets/')) return sendStatic(res, url.pathname.slice('/assets/'.length));
      if (url.pathname === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH });
        return res.end();
      }
      return sendJson(res, 404, { error: `Not found: ${url.pathname}. The GraphQL endpoint is ${GRAPHQL_PATH}.` });
    };
    route().catch((error: Error & { code?: string }) => {
      if (error instanceof HttpError && !res.headersSent) return sendHttpError(res, error);
      // A client that hung up (or was cut off by the server's timeouts) is no fault of the server's.
      if (req.destroyed || res.destroyed || error.code === 'ECONNRESET' || error.message === 'aborted') {
        logger.info({ event: 'client_aborted', path: url.pathname, reason: error.code ?? error.message }, 'Client went away before the answer was sent');
        return res.destroy();
      }
      if (res.headersSent) return res.destroy();
      logger.error({ event: 'http_error', err: error }, 'Unhandled error in HTTP handler');
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    });
  });

  let starting: Promise<void> | undefined;
  const start = () => (starting ??= apollo.start());
  return {
    apollo,
    httpServer,
    start,
    async listen(port, host) {
      await start();
      await new Promise<void>((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'EADDRINUSE'
              ? new StartupError(`Port ${port} is already in use on ${host}. Set PORT to a free port, or stop what holds it.`)
              : error,
          );
        };
        httpServer.once('error', onError);
        httpServer.listen(port, host, () => {
          httpServer.off('error', onError);
          resolve();
        });
      });
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async stop() {
      stopRetention();
      await subscriptions.dispose();
      if (starting) await apollo.stop();
      await stopExtractionWorker();
    },
  };
}
