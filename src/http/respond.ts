import { IncomingMessage, ServerResponse } from 'node:http';

/** Requests larger than this are refused before parsing (413). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** What is read and thrown away after an oversized body, so the client can read the 413 before the socket closes. */
const MAX_DISCARD_BYTES = 16 * MAX_BODY_BYTES;

/** A request the HTTP layer refuses before GraphQL sees it: answered with this status and a JSON error with this code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body as UTF-8 text. Invalid UTF-8 is refused (400) rather than silently replaced
 * by U+FFFD and stored; a body over MAX_BODY_BYTES is refused (413) while the rest is read and
 * dropped, up to a bound, so that the client gets the answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${MAX_BODY_BYTES} bytes`);
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number.isFinite(declared) && declared > MAX_BODY_BYTES;
    if (refused) reject(tooLarge());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > MAX_DISCARD_BYTES) req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'BAD_REQUEST', 'The request body is not valid UTF-8'));
      }
    });
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** An HTTP-level refusal as a GraphQL-shaped JSON error; a refused body also closes the connection (its rest is not read). */
export function sendHttpError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, error.status === 413 ? { connection: 'close' } : {});
}
