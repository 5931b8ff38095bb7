import crypto from 'node:crypto';

export interface Caller {
  /** True when the request carried a valid bearer token. */
  authenticated: boolean;
  /** The key's name (never the token), for logs. */
  keyName?: string;
}

const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();

/**
 * Checks an Authorization header against the configured API keys in constant time: every key is
 * compared (no early exit), over fixed-length digests, so timing tells nothing about the tokens.
 */
export function authenticate(header: string | undefined, keys: ReadonlyArray<{ name: string; token: string }>): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match || keys.length === 0) return { authenticated: false };
  const presented = digest(match[1]);
  let found: string | undefined;
  for (const key of keys) {
    if (crypto.timingSafeEqual(presented, digest(key.token)) && found === undefined) found = key.name;
  }
  return found === undefined ? { authenticated: false } : { authenticated: true, keyName: found };
}
