import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExtractionTimeoutError } from '../errors/errors';
import type { Extraction, ExtractionServices } from './extract';
import { stopSharedParser } from './parser/parser-process';
import type { ArticleMeta } from './proposals';
import { failureMessage, failureOf, type FromWorker, type ToWorker } from './worker-messages';

interface Job {
  raw: string;
  meta: ArticleMeta;
  services: ExtractionServices;
  budgetMs: number;
  succeed(extraction: Extraction): void;
  fail(error: unknown): void;
  /** Why the graph look-up or the parse failed: the error the request fails with (a typed one, such as DATABASE_UNAVAILABLE). */
  lookupError?: unknown;
  timer?: NodeJS.Timeout;
}

/** Compiles the TypeScript sources on load, in the worker only: the service's own thread never needs it. */
const FROM_SOURCES = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const ts = require(workerData.typescript);
const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
require.extensions['.ts'] = (module, fileName) =>
  module._compile(ts.transpileModule(fs.readFileSync(fileName, 'utf8'), { fileName, compilerOptions }).outputText, fileName);
require(workerData.entry);
`;

function startWorker(): Worker {
  if (path.extname(__filename) !== '.ts') return new Worker(path.join(__dirname, 'extract-worker.js'));
  return new Worker(FROM_SOURCES, { eval: true, workerData: { entry: path.join(__dirname, 'extract-worker.ts'), typescript: require.resolve('typescript') } });
}

class ExtractionWorker {
  private worker?: Worker;
  /** The worker being started: resolves once its modules are loaded (not counted in any budget). */
  private starting?: Promise<Worker>;
  private job?: Job;
  private readonly queue: Job[] = [];

  run(services: ExtractionServices, raw: string, meta: ArticleMeta, budgetMs: number): Promise<Extraction> {
    return new Promise<Extraction>((succeed, fail) => {
      this.queue.push({ raw, meta, services, budgetMs, succeed, fail });
      this.next();
    });
  }

  /** Terminates the worker (at shutdown); the next article starts another. */
  async stop(): Promise<void> {
    const worker = this.worker;
    const stopped = new Error('extraction stopped: the service is shutting down');
    for (const job of this.queue.splice(0)) job.fail(stopped);
    if (this.job) this.finish(this.job, stopped, true);
    this.discard();
    if (worker) await worker.terminate();
  }

  private next(): void {
    if (this.job || !this.queue.length) return;
    const job = (this.job = this.queue.shift()!);
    this.ready().then(
      (worker) => {
        if (this.job !== job) return;
        worker.ref(); // an article in progress keeps the process (the CLI) alive; an idle worker does not
        job.timer = setTimeout(() => this.finish(job, new ExtractionTimeoutError(job.budgetMs), true), job.budgetMs);
        worker.postMessage({ type: 'extract', raw: job.raw, meta: job.meta, reader: job.services.reader } satisfies ToWorker);
      },
      (error: unknown) => this.finish(job, error, true),
    );
  }

  private ready(): Promise<Worker> {
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const worker = startWorker();
      this.worker = worker;
      worker.on('message', (message: FromWorker) => (message.type === 'ready' ? resolve(worker) : this.onMessage(worker, message)));
      const died = (error: Error) => {
        if (this.worker !== worker) return;
        reject(error);
        this.discard();
        if (this.job) this.finish(this.job, error, false);
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`the extraction worker stopped (exit code ${code})`)));
    });
    return this.starting;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    const job = this.job;
    if (!job || this.worker !== worker) return;
    if (message.type === 'lookup') {
      job.services.resolve(message.names).then(
        (entities) => {
          if (this.job === job) worker.postMessage({ type: 'found', entities } satisfies ToWorker);
        },
        (error: unknown) => {
          job.lookupError = error;
          if (this.job === job) worker.postMessage({ type: 'found', error: String((error as Error)?.message ?? error) } satisfies ToWorker);
        },
      );
    } else if (message.type === 'parse') {
      job.services.parse(message.texts).then(
        (docs) => {
          if (this.job === job) worker.postMessage({ type: 'parsed', docs } satisfies ToWorker);
        },
        (error: Error) => {
          job.lookupError = error;
          if (this.job === job) worker.postMessage({ type: 'parsed', error: failureMessage(error) } satisfies ToWorker);
        },
      );
    } else if (message.type === 'done') {
      this.finish(job, null, false, message.extraction);
    } else if (message.type === 'failed') {
      this.finish(job, job.lookupError ?? failureOf(message.error), false);
    }
  }

  /** Settles the article in progress; `kill` terminates the worker (past the budget, it is still busy with it). */
  private finish(job: Job, error: unknown, kill: boolean, extraction?: Extraction): void {
    if (this.job !== job) return;
    clearTimeout(job.timer);
    this.job = undefined;
    if (kill) {
      const worker = this.worker;
      this.discard();
      void worker?.terminate();
    } else {
      this.worker?.unref();
    }
    if (error) job.fail(error);
    else job.succeed(extraction!);
    this.next();
  }

  /** Forgets the worker: its late messages and its exit are ignored; the next article starts a fresh one. */
  private discard(): void {
    this.worker = undefined;
    this.starting = undefined;
  }
}

const pool = new ExtractionWorker();

/**
 * extractArticle (extract.ts) in the extraction worker, with `resolve` run on this thread: the same
 * answer, without blocking this thread. Fails with ExtractionTimeoutError past `budgetMs`.
 */
export function extractInWorker(services: ExtractionServices, raw: string, meta: ArticleMeta, budgetMs: number): Promise<Extraction> {
  return pool.run(services, raw, meta, budgetMs);
}

/** Terminates the extraction worker and the parser, if they run (the service's shutdown). */
export function stopExtractionWorker(): Promise<void> {
  stopSharedParser();
  return pool.stop();
}
