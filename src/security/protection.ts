import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { BadUserInputError, QueryTooComplexError, RateLimitedError } from '../errors/errors';
import type { Context } from '../graphql/context';
import { validTextInLiterals, variablesFault } from './input-text';
import { QueryCostCache } from './query-cost';
import { RateLimiter } from './rate-limit';

/**
 * The OWASP GraphQL protections: GraphQL Armor's rules on the document (depth, aliases, directives,
 * tokens, no batching), field suggestions hidden in production and from callers without a token where
 * reads need one, the request's text and the depth of its variables (input-text.ts), then a cost
 * limit aware of list sizes and traversal depth, and a per-client rate limit on expensive operations.
 * All of it runs before any resolver, so a rejected operation never reaches Neo4j.
 */
export function protection(config: Config, schema: GraphQLSchema) {
  const { security } = config;
  const armor = new ApolloArmor({
    maxDepth: { enabled: true, n: security.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { enabled: true, n: security.maxAliases },
    maxDirectives: { enabled: true, n: security.maxDirectives },
    // Armor's token plugin parses again in a hook, so a plain syntax error left it as HTTP 500 (its issues
    // #571, #751); graphql-js counts tokens while parsing instead (parseOptions below): same limit, a 400.
    maxTokens: { enabled: false },
    // Cost is judged below, with the request's variables and list sizes; Armor's static cost rule is off.
    costLimit: { enabled: false },
    // Armor's rule is on or off for the whole server; hiddenSuggestions (below) decides per request.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const limiter = new RateLimiter(security.expensivePerMinute);
  const costs = new QueryCostCache();

  /**
   * The checks after parsing and validation, in order: what reads the variables next (the cost) never
   * meets a value refused here. Throws the error the client reads; sets the context's cost.
   */
  const admit = (operation: {
    variables?: Record<string, unknown>;
    document: DocumentNode;
    queryHash: string;
    operationName?: string | null;
    contextValue: Context;
  }) => {
    const { variables, document, queryHash, operationName, contextValue } = operation;
    const refused = variablesFault(variables);
    if (refused) throw refused;
    let cost: number;
    try {
      cost = costs.cost(schema, document, queryHash, variables ?? {}, operationName ?? undefined);
    } catch (error) {
      // Variables that do not fit their types cannot be priced; they are the caller's mistake (400).
      // Anything else is a failure of ours, never labelled as the caller's (it is masked as internal).
      if (error instanceof GraphQLError) throw new BadUserInputError(error.message);
      throw error;
    }
    contextValue.cost = cost;
    if (cost > security.maxCost) throw new QueryTooComplexError(cost, security.maxCost);
    if (cost >= security.expensiveCost) {
      const { allowed, retryAfterSeconds } = limiter.take(contextValue.client);
      if (!allowed) throw new RateLimitedError(retryAfterSeconds);
    }
  };

  const guardPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, queryHash, operationName, contextValue }) {
          admit({ variables: request.variables, document, queryHash, operationName, contextValue });
        },
      };
    },
  };

  return {
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[]), hiddenSuggestions(config), guardPlugin],
    validationRules: [...armor.validationRules, validTextInLiterals],
    parseOptions: { maxTokens: security.maxTokens },
    allowBatchedHttpRequests: false as const,
    /** The same checks for an operation that does not come through Apollo (a subscription over WebSocket). */
    admit,
  };
}

/** graphql-js's hints in any message: fields, arguments, types, enum values (" Did you mean the enum value "X"?"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Suggestions describe the schema: hidden in production, and from a caller without a token where
 * reads need one (REQUIRE_AUTH_FOR_READS), whose document is validated before the token is checked.
 */
function hiddenSuggestions(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (config.env !== 'production' && !(config.auth.requireForReads && !contextValue.caller.authenticated)) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
