import { ParserFailure, ParserUnavailableError, UnreadableReason, UnsupportedContentError } from '../errors/errors';
import { InputProblem } from '../ingest/dates-and-quantities';
import type { ExtractionReader } from '../config';
import type { ArticleMeta } from './proposals';
import type { Extraction } from './extract';
import type { KnownEntity } from './gazetteer';
import type { ParsedDoc } from './parser/parse-tree';

/**
 * Extraction off the main thread: a 200,000-character article is seconds of CPU, during which the
 * service would answer nothing else (not even /health). One worker thread (extract-worker.ts), started
 * on first use, kept for the next article, started again after it died or was stopped; articles wait
 * their turn. The worker asks the main thread for its graph look-up (the main thread holds the Neo4j
 * sessions), so the answer is the one extractArticle gives in process. Each article has a time budget
 * from the moment the worker takes it; past it the worker is terminated (a busy thread cannot be
 * interrupted otherwise) and the article refused with ExtractionTimeoutError.
 *
 * The worker runs from the compiled extract-worker.js next to this module (dist/, as the service and
 * the CLI run). Run from the TypeScript sources (ts-jest), it is the same file, compiled on load by the
 * project's own TypeScript (a devDependency, never needed in dist/), so the tests exercise the sources.
 */
export type ToWorker =
  | { type: 'extract'; raw: string; meta: ArticleMeta; reader: ExtractionReader }
  | { type: 'found'; entities: KnownEntity[]; error?: undefined }
  | { type: 'found'; error: string }
  | { type: 'parsed'; docs: ParsedDoc[]; error?: undefined }
  | { type: 'parsed'; error: FailureMessage };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'lookup'; names: string[] }
  | { type: 'parse'; texts: string[] }
  | { type: 'done'; extraction: Extraction }
  | { type: 'failed'; error: FailureMessage };

/**
 * A failure as it crosses from the worker: the typed errors a client is told about (unreadable content,
 * a field of the input at fault) keep their kind and details; anything else comes back as an Error.
 */
export type FailureMessage = { name: string; message: string; stack?: string; reason?: string; field?: string };

export function failureMessage(error: Error): FailureMessage {
  const { name, message, stack } = error;
  if (error instanceof UnsupportedContentError || error instanceof ParserUnavailableError) return { name, message, stack, reason: error.reason };
  if (error instanceof InputProblem) return { name, message, stack, reason: error.reason, field: error.field };
  return { name, message, stack };
}

export function failureOf({ name, message, stack, reason, field }: FailureMessage): Error {
  if (name === 'UnsupportedContentError' && reason) return new UnsupportedContentError(message, reason as UnreadableReason);
  if (name === 'ParserUnavailableError' && reason) return new ParserUnavailableError(message, reason as ParserFailure);
  if (name === 'InputProblem' && field !== undefined && reason !== undefined) return new InputProblem(field, reason);
  return Object.assign(new Error(message), { stack });
}
