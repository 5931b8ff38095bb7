import { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger';
import type { Context } from '../context';

/** One structured log line per operation, with the number of Cypher round trips it cost. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
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
