import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, SERVER_FAILURE_STATUS } from '../../errors/errors';
import type { Context } from '../context';

/**
 * The HTTP status of an answer that failed on the service's side. With no data (data null, or none),
 * the status of its first such failure (500 internal, 503 database unavailable, 504 query timeout), so
 * that a client, a proxy or a load balancer sees it without reading the body; a client's mistake keeps
 * its 4xx. An answer with data is 200 whatever failed inside it (partial data).
 */
export function httpStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          const status = response.http.status ?? 200;
          if (data !== null && data !== undefined) {
            if (status >= 500) response.http.status = 200;
            return;
          }
          if (status >= 400 && status < 500) return;
          const failure = errors.map((e) => SERVER_FAILURE_STATUS[e.extensions?.code as ErrorCode]).find((s) => s !== undefined);
          if (failure) response.http.status = failure;
        },
      };
    },
  };
}
