import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import crypto from 'node:crypto';
import type { Logger } from '../logger';
import { CorpgraphError, ErrorCode } from '../errors/errors';

/**
 * Client-facing errors keep their code; anything unexpected (a TypeError, a Neo4j error, a blown
 * stack) is an internal error in every environment: logged with its detail under a correlation id,
 * and answered with that id and nothing of its text.
 */
export function formatError(logger: Logger) {
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
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
    };
  };
}
