import { ServerResponse } from 'node:http';

/**
 * The policy of the pages the service serves (/graphiql, /explore, /review, the landing page without
 * the Sandbox): they run only the project's own bundle (scripts from this origin), styles from it and
 * inline (GraphiQL's page and CodeMirror style elements in place), images and fonts the bundle inlines
 * as data: URLs, requests to this origin only; nothing may frame them.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Every response's security headers, written once: no MIME sniffing, never framed, the pages' policy. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', PAGE_POLICY);
}

/**
 * The policy of a page that states its own in a <meta> tag (Apollo's Sandbox landing page, which loads
 * from Apollo's CDN with a nonce): that one, sent as a header too and never framed; else PAGE_POLICY.
 */
export function policyOfPage(html: string): string {
  const own = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  return own ? `${own}; frame-ancestors 'none'` : PAGE_POLICY;
}
