import { ApolloServerPlugin } from '@apollo/server';
import type { Config } from '../../config';
import { UnauthenticatedError } from '../../errors/errors';
import type { Context } from '../context';

/** Writes need a valid bearer token; reads too when REQUIRE_AUTH_FOR_READS is on. Checked before anything runs. */
export function authPlugin(config: Config): ApolloServerPlugin<Context> {
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
