import { ApolloServer, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../auth/api-keys';
import type { Config } from '../config';
import { GraphClient } from '../graph/graph-client';
import { Context, createContext } from '../graphql/context';
import { getSchema } from '../graphql/schema';
import { withPagingFields } from '../tabular/csv-request';
import { sendCsv } from './csv-response';
import { HttpError, readBody, sendHttpError } from './respond';
import { policyOfPage } from './security-headers';

/**
 * The HTTP adapter of /graphql (the job of Apollo's standalone server, on Node's own http server):
 * headers and body into Apollo's HTTPGraphQLRequest, each request its own context (caller, loaders,
 * query counter, a signal of the client hanging up), Apollo's answer back out, and the same answer as
 * a CSV table for Accept: text/csv.
 */
export function graphqlHandler(apollo: ApolloServer<Context>, graph: GraphClient, config: Config) {
  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
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
    // A table says whether it is the whole answer: paging fields are added to its query (csv-request.ts).
    if (wantsCsv && body && typeof body === 'object') {
      const { query, operationName } = body as Record<string, unknown>;
      body = { ...body, query: withPagingFields(getSchema(), query, operationName) };
    }
    const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    // A client that hangs up before its answer stops the request's Neo4j work (GraphClient.forRequest),
    // which would otherwise run on to its timeout for no one.
    const hungUp = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) hungUp.abort();
    });
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () =>
        createContext(graph, config.traversal, authenticate(req.headers.authorization, config.auth.apiKeys), req.socket.remoteAddress ?? 'unknown', {
          extraction: config.extraction,
          signal: hungUp.signal,
        }),
    });
    if (wantsCsv && response.body.kind === 'complete' && (response.headers.get('content-type') ?? '').includes('json')) {
      return sendCsv(res, response.status ?? 200, response.body.string, (body as { query?: unknown } | undefined)?.query);
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // The landing page (a browser's GET): its own policy where it states one (the Sandbox).
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) res.setHeader('content-security-policy', policyOfPage(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
