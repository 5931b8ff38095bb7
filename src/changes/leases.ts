import crypto from 'node:crypto';
import { SubscriptionLimitError } from '../errors/errors';
import type { GraphClient } from '../graph/graph-client';

/**
 * Subscription slots per key, counted in Neo4j (not in one process's memory): a lease per live
 * subscription, renewed while it lives, removed when it ends. A process that dies leaves leases that
 * expire after LEASE_TTL_MS and then no longer count.
 */
export const LEASE_TTL_MS = 30_000;

export interface Lease {
  id: string;
  release(): Promise<void>;
}

/** Takes a slot for `key` or throws SubscriptionLimitError; the lease renews itself until released. */
export async function acquireLease(graph: GraphClient, key: string, limit: number, ttlMs = LEASE_TTL_MS): Promise<Lease> {
  const id = crypto.randomUUID();
  const [row] = await graph.write('changes/lease-acquire', { key, lease: id, limit, ttlMs });
  if (!row?.granted) throw new SubscriptionLimitError(limit);
  const renew = setInterval(
    () => {
      graph.write('changes/lease-renew', { lease: id, ttlMs }).catch(() => undefined);
    },
    Math.floor(ttlMs / 3),
  );
  renew.unref();
  let released = false;
  return {
    id,
    async release() {
      if (released) return;
      released = true;
      clearInterval(renew);
      await graph.write('changes/lease-release', { lease: id }).catch(() => undefined);
    },
  };
}
