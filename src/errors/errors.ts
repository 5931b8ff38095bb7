import { GraphQLError } from 'graphql';

/** Error codes a client can branch on; every client-facing error carries exactly one. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
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

/** The operation's estimated cost is above MAX_QUERY_COST; it was not run. */
export class QueryTooComplexError extends CorpgraphError {
  readonly code = ErrorCode.QUERY_TOO_COMPLEX;
  constructor(cost: number, max: number) {
    super(`This operation's estimated cost is ${cost}, above the limit of ${max}: ask for fewer items (first, limit, depth) or fewer nested lists.`, {
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost: max, http: { status: 400 } },
    });
    this.name = 'QueryTooComplexError';
  }
}

/** The client ran too many expensive operations this minute. */
export class RateLimitedError extends CorpgraphError {
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(retryAfterSeconds: number) {
    super(`Too many expensive operations; retry in ${retryAfterSeconds} s.`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
    });
    this.name = 'RateLimitedError';
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
