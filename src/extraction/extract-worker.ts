import { parentPort } from 'node:worker_threads';
import { extractArticle } from './extract';
import type { KnownEntity } from './gazetteer';
import type { ParsedDoc } from './parser/parse-tree';
import { failureMessage, failureOf, type FromWorker, type ToWorker } from './worker-messages';

/**
 * The extraction worker (a worker thread, started by worker-pool.ts): runs extractArticle, all of its
 * CPU work, away from the service's event loop. The one graph look-up of the names it reads is asked
 * of the main thread, which runs it in the request's own Neo4j session, and so is the parse of its
 * sentences (the service's one parser process); each answer comes back as a message and extraction
 * goes on. One article at a time.
 */
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
let lookup: { resolve(entities: KnownEntity[]): void; reject(error: Error): void } | null = null;
let parsing: { resolve(docs: ParsedDoc[]): void; reject(error: Error): void } | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'found') {
    const waiting = lookup;
    lookup = null;
    if (message.error === undefined) waiting?.resolve(message.entities);
    else waiting?.reject(new Error(message.error));
    return;
  }
  if (message.type === 'parsed') {
    const waiting = parsing;
    parsing = null;
    if (message.error === undefined) waiting?.resolve(message.docs);
    else waiting?.reject(failureOf(message.error));
    return;
  }
  const resolve = (names: string[]) =>
    new Promise<KnownEntity[]>((found, failed) => {
      lookup = { resolve: found, reject: failed };
      send({ type: 'lookup', names });
    });
  const parse = (texts: string[]) =>
    new Promise<ParsedDoc[]>((done, failed) => {
      parsing = { resolve: done, reject: failed };
      send({ type: 'parse', texts });
    });
  extractArticle({ resolve, parse, reader: message.reader }, message.raw, message.meta).then(
    (extraction) => send({ type: 'done', extraction }),
    (error: Error) => send({ type: 'failed', error: failureMessage(error) }),
  );
});

send({ type: 'ready' });
