import { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';

/** Answers a CORS preflight (returns true) or adds the CORS headers for allowed origins; off when CORS_ORIGINS is unset. */
export function applyCors(config: Config, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (!origin || !config.corsOrigins.length) return false;
  const allowed = config.corsOrigins.includes('*') || config.corsOrigins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', config.corsOrigins.includes('*') ? '*' : origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name');
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(allowed ? 204 : 403);
  res.end();
  return true;
}
