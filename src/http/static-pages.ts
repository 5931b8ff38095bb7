import fs from 'node:fs';
import { ServerResponse } from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { sendJson } from './respond';

/** The pages bundled by scripts/build-web.mjs (GraphiQL, the explorer): served from dist/web, no CDN. */
const WEB_DIR = path.join(PROJECT_ROOT, 'dist', 'web');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function sendStatic(res: ServerResponse, name: string): void {
  // Only plain file names of the bundle folder: nothing outside it can be asked for.
  const type = CONTENT_TYPES[path.extname(name)];
  const file = path.join(WEB_DIR, name);
  if (!type || name !== path.basename(name) || !fs.existsSync(file)) {
    return sendJson(res, 404, { error: fs.existsSync(WEB_DIR) ? `Not found: ${name}` : 'The web pages are not built: run npm run build' });
  }
  const body = fs.readFileSync(file);
  res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': name.endsWith('.html') ? 'no-cache' : 'public, max-age=3600' });
  res.end(body);
}
