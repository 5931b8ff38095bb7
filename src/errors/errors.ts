import { GraphQLError } from 'graphql';

/** Error codes a client can branch on; every client-facing error carries exactly one. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  UNSUPPORTED_CONTENT: 'UNSUPPORTED_CONTENT',
  EXTRACTION_TIMEOUT: 'EXTRACTION_TIMEOUT',
  PARSER_UNAVAILABLE: 'PARSER_UNAVAILABLE',
  REQUEST_CANCELLED: 'REQUEST_CANCELLED',
  CHANGES_EXPIRED: 'CHANGES_EXPIRED',
  SUBSCRIPTION_LIMIT: 'SUBSCRIPTION_LIMIT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * HTTP status of a failure on the service's side when no data came back (GraphQL over HTTP allows a
 * 5xx then): src/graphql/plugins/http-status.ts applies it; an answer with data stays 200.
 */
export const SERVER_FAILURE_STATUS: Partial<Record<ErrorCode, number>> = {
  INTERNAL_SERVER_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 504,
  PARSER_UNAVAILABLE: 503,
};

interface HttpHint {
  status: number;
  headers?: Map<string, string>;
}

/**
 * Base class of the errors corpgraph raises on purpose for a client to read. A subclass names its code
 * and its HTTP status once, here; Apollo answers with that status whether the error is raised in a
 * plugin, in validation or in a resolver (a failure on the service's side only when no data came back).
 */
export abstract class CorpgraphError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
    http?: HttpHint,
  ) {
    super(message, { extensions: { ...extensions, code, ...(http ? { http } : {}) } });
    this.name = new.target.name;
  }
}

/** The request's arguments are wrong; the message says which and why. */
export class BadUserInputError extends CorpgraphError {
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {}, { status: 400 });
  }
}

/** Why an article cannot be read for facts. */
export const UNREADABLE_REASONS = ['EMPTY', 'TOO_LONG', 'BINARY', 'NOT_ENGLISH'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/** An article that extraction cannot read (empty, over the size limit, binary, not English); nothing was proposed or written. */
export class UnsupportedContentError extends CorpgraphError {
  constructor(
    message: string,
    readonly reason: UnreadableReason,
  ) {
    super(ErrorCode.UNSUPPORTED_CONTENT, message, { reason }, { status: reason === 'TOO_LONG' ? 413 : 422 });
  }
}

/**
 * Extracting an article ran past EXTRACTION_TIME_BUDGET_MS and was stopped; nothing was proposed or
 * written. 422, not 503: extraction is deterministic and its time grows with the text, so the same
 * article would only burn the same budget again (and 503 invites automatic retries); a shorter text
 * (or a larger budget, the operator's choice) is the way through.
 */
export class ExtractionTimeoutError extends CorpgraphError {
  constructor(readonly budgetMs: number) {
    super(
      ErrorCode.EXTRACTION_TIMEOUT,
      `Extracting this article took longer than its budget of ${budgetMs} ms and was stopped; nothing was proposed or written. Send a shorter text.`,
      { budgetMs },
      { status: 422 },
    );
  }
}

/** Why the sentence parser could not answer. */
export const PARSER_FAILURES = ['NOT_INSTALLED', 'FAILED_TO_START', 'START_TIMEOUT', 'PARSE_TIMEOUT', 'DIED'] as const;
export type ParserFailure = (typeof PARSER_FAILURES)[number];

/**
 * Extraction reads sentence structure from the parser process (nlp/parse_server.py); without it there
 * is no extraction, never a worse one. 503: the service's fault, and the next article may succeed (a
 * dead parser is started again; one not installed is the operator's to install: scripts/ensure-nlp.sh).
 */
export class ParserUnavailableError extends CorpgraphError {
  constructor(
    message: string,
    readonly reason: ParserFailure,
  ) {
    super(ErrorCode.PARSER_UNAVAILABLE, message, { reason }, { status: 503 });
  }
}

/**
 * The client hung up before the answer, so its Neo4j work was stopped. No one reads this error: it
 * marks the request's failure as the client's doing, not a bug, in the log.
 */
export class RequestCancelledError extends CorpgraphError {
  constructor() {
    super(ErrorCode.REQUEST_CANCELLED, 'The client closed the request; its work was stopped.');
  }
}

/** A write would contradict what the graph holds (an id already taken by a fact of another kind); nothing was written. */
export class ConflictError extends CorpgraphError {
  constructor(
    message: string,
    readonly id: string,
    readonly existingType: string,
  ) {
    super(ErrorCode.CONFLICT, message, { id, existingType }, { status: 409 });
  }
}

/** Concurrent writes of the same facts kept colliding past the retry budget; nothing was written, and retrying may succeed. */
export class ConcurrentWriteError extends CorpgraphError {
  constructor() {
    super(
      ErrorCode.CONFLICT,
      'Concurrent writes of the same facts kept colliding; nothing was written. Retry the request.',
      { retryable: true },
      { status: 409 },
    );
  }
}

/** The request needs a valid bearer token (writes always; reads when REQUIRE_AUTH_FOR_READS is on). */
export class UnauthenticatedError extends CorpgraphError {
  constructor(message = 'A valid bearer token is required: send Authorization: Bearer <token>.') {
    super(ErrorCode.UNAUTHENTICATED, message, {}, { status: 401 });
  }
}

/** The operation's estimated cost is above MAX_QUERY_COST; it was not run. */
export class QueryTooComplexError extends CorpgraphError {
  constructor(cost: number, max: number) {
    super(
      ErrorCode.QUERY_TOO_COMPLEX,
      `This operation's estimated cost is ${cost}, above the limit of ${max}: ask for fewer items (first, limit, depth) or fewer nested lists.`,
      { cost, maxCost: max },
      { status: 400 },
    );
  }
}

/** The client ran too many expensive operations this minute. */
export class RateLimitedError extends CorpgraphError {
  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.RATE_LIMITED,
      `Too many expensive operations; retry in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
      {
        status: 429,
        headers: new Map([['retry-after', String(retryAfterSeconds)]]),
      },
    );
  }
}

/**
 * A change-feed cursor older than retention: changes after it were pruned, so reading on from it would
 * skip them silently. 410 Gone; the client starts again from the oldest change kept (oldestCursor) or
 * from now, knowing it missed some.
 */
export class ChangesExpiredError extends CorpgraphError {
  constructor(after: number, oldestKept: number | null) {
    super(
      ErrorCode.CHANGES_EXPIRED,
      `Changes after number ${after} were pruned by the feed's retention (the oldest kept is ${oldestKept ?? 'none'}): ` +
        'this cursor cannot be read on without a gap. Start again without after (from the oldest kept) and reconcile what you hold.',
      { after, oldestKept },
      { status: 410 },
    );
  }
}

/** The API key (or client address) already holds as many live change subscriptions as allowed. */
export class SubscriptionLimitError extends CorpgraphError {
  constructor(limit: number) {
    super(
      ErrorCode.SUBSCRIPTION_LIMIT,
      `This key already holds ${limit} live change subscriptions (CHANGE_SUBSCRIPTIONS_PER_KEY): end one, or poll the changes connection instead.`,
      { limit },
      { status: 429 },
    );
  }
}

/** Neo4j could not be reached (or refused our credentials); retrying later may succeed. */
export class DatabaseUnavailableError extends CorpgraphError {
  constructor(message = 'The graph database is unavailable; try again shortly.') {
    // The status is stated here for where a plugin raises it (no data); an answer with data is 200.
    super(ErrorCode.DATABASE_UNAVAILABLE, message, {}, { status: SERVER_FAILURE_STATUS.DATABASE_UNAVAILABLE! });
  }
}

/** A Cypher transaction ran past the configured timeout. */
export class QueryTimeoutError extends CorpgraphError {
  constructor(message = 'The query took longer than the configured transaction timeout.') {
    super(ErrorCode.QUERY_TIMEOUT, message, {}, { status: SERVER_FAILURE_STATUS.QUERY_TIMEOUT! });
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
