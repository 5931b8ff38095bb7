import { GraphQLError } from 'graphql';

/** Error codes a client can branch on; every client-facing error carries exactly one. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base class of the errors corpgraph raises on purpose for a client to read. */
export abstract class CorpgraphError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

/** The request's arguments are wrong; the message says which and why. */
export class BadUserInputError extends CorpgraphError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, readonly argument?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
    this.name = 'BadUserInputError';
  }
}

/** The request needs a valid bearer token (writes always; reads when REQUIRE_AUTH_FOR_READS is on). */
export class UnauthenticatedError extends CorpgraphError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'A valid bearer token is required: send Authorization: Bearer <token>.') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
    this.name = 'UnauthenticatedError';
  }
}

/** Neo4j could not be reached (or refused our credentials); retrying later may succeed. */
export class DatabaseUnavailableError extends CorpgraphError {
  readonly code = ErrorCode.DATABASE_UNAVAILABLE;
  constructor(message = 'The graph database is unavailable; try again shortly.') {
    super(message, { extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } });
    this.name = 'DatabaseUnavailableError';
  }
}

/** A Cypher transaction ran past the configured timeout. */
export class QueryTimeoutError extends CorpgraphError {
  readonly code = ErrorCode.QUERY_TIMEOUT;
  constructor(message = 'The query took longer than the configured transaction timeout.') {
    super(message, { extensions: { code: ErrorCode.QUERY_TIMEOUT } });
    this.name = 'QueryTimeoutError';
  }
}

/** Configuration (environment variables) that cannot be used; start-up stops with this message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A problem at start-up that the operator must fix (Java missing, port taken, Neo4j unreachable). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
