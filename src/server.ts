import { ApolloServer, ApolloServerPlugin, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import crypto from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth/api-keys';
import type { Config } from './config';
import { CorpgraphError, ErrorCode, StartupError, UnauthenticatedError } from './errors/errors';
import { GraphClient } from './graph/graph-client';
import { Context, createContext } from './graphql/context';
import { getSchema } from './graphql/schema';
import { applyCors } from './http/cors';
import { sendCsv } from './http/csv-response';
import { HttpError, readBody, sendHttpError, sendJson } from './http/respond';
import { sendStatic } from './http/static-pages';
import type { Logger } from './logger';
import { protection } from './security/protection';

export const GRAPHQL_PATH = '/graphql';

/** The operation Sandbox opens with: the question analysts come for. */
export const SANDBOX_INITIAL_DOCUMENT = `# Who owns Twitch, since when, bought for how much, and who says so? Change the id and run.
query OwnershipChain($id: ID!) {
  ownershipChainOf(id: $id) {
    organization { name }
    links {
      kind
      parent { name }
      since { earliest latest precision text }
      acquisition { completed { earliest latest } price { value currency text } }
      sources { quote source { title publishers published { earliest } } }
    }
    ultimateParent { name }
  }
}
`;

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
  /** Stops taking requests, lets those in flight finish (up to the grace period), stops Apollo. */
  stop(): Promise<void>;
}

/** Client-facing errors keep their code; anything unexpected is logged and, in production, masked. */
function formatError(config: Config, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const cause = original instanceof CorpgraphError ? original : (original as { originalError?: unknown })?.originalError;
    if (cause instanceof CorpgraphError) {
      // extensions.http tells Apollo the status; it is not part of the answer.
      const { http: _http, ...extensions } = cause.extensions as Record<string, unknown>;
      return { ...formatted, message: cause.message, extensions: { ...formatted.extensions, ...extensions, code: cause.code } };
    }
    const code = formatted.extensions?.code;
    // A literal of the wrong type in the document (depth: 1.5) is bad input, as it is when sent as a variable.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && /cannot represent|Expected value of type/.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    const correlationId = crypto.randomUUID();
    logger.error({ event: 'internal_error', correlationId, err: original }, 'Unexpected error while answering a request');
    if (config.env === 'production') {
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
      };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId } };
  };
}

/** One structured log line per operation, with the number of Cypher round trips it cost. */
function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          logger.info(
            {
              event: 'graphql_request',
              operationName: operationName ?? null,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              cypherQueries: contextValue.queries.count,
              cost: contextValue.cost ?? null,
              client: contextValue.caller.keyName ?? null,
              errors: errors?.map((e) => e.extensions?.code ?? 'UNKNOWN'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** Writes need a valid bearer token; reads too when REQUIRE_AUTH_FOR_READS is on. Checked before anything runs. */
function authPlugin(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.caller.authenticated) return;
          if (operation?.operation === 'mutation') throw new UnauthenticatedError('Writes need a valid bearer token: send Authorization: Bearer <token>.');
          if (config.auth.requireForReads) throw new UnauthenticatedError();
        },
      };
    },
  };
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
    csrfPrevention: true,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    // The token limit is enforced by graphql-js's own parser: past it, the document is a syntax error (400).
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    formatError: formatError(config, logger),
    plugins: [
      ...guard.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, document: SANDBOX_INITIAL_DOCUMENT, variables: { id: 'twitch' } })
        : ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
      authPlugin(config),
      // No HTTP cache hints are served: without this, Apollo wraps every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // A table for notebooks: the same operation, answered as CSV (see src/tabular/flatten.ts).
    const wantsCsv = /\btext\/csv\b/.test(headers.get('accept') ?? '');
    if (wantsCsv) headers.set('accept', 'application/json');
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendHttpError(res, new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON'));
        }
      }
    }
    const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () =>
        createContext(graph, config.traversal, authenticate(req.headers.authorization, config.auth.apiKeys), req.socket.remoteAddress ?? 'unknown'),
    });
    if (wantsCsv && response.body.kind === 'complete' && (response.headers.get('content-type') ?? '').includes('json')) {
      return sendCsv(res, response.status ?? 200, response.body.string);
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
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
      if (url.pathname === '/graphiql' || url.pathname === '/explore') return sendStatic(res, `${url.pathname.slice(1)}.html`);
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
      if (starting) await apollo.stop();
    },
  };
}
