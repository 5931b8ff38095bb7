import { ApolloServerPlugin } from '@apollo/server';
import { BadUserInputError } from '../../errors/errors';
import type { Context } from '../context';

/**
 * Subscriptions are served over WebSocket (src/http/subscriptions.ts); over HTTP Apollo would run one
 * as a query with no event to resolve. Refused before anything runs, with where to go instead (400).
 */
export function subscriptionsOverHttpPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new BadUserInputError(
              'Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql, not over HTTP; over HTTP, poll changes(after: endCursor) instead.',
            );
          }
        },
      };
    },
  };
}
