/**
 * A token bucket per client: each client may run `perMinute` expensive operations a minute, in
 * bursts of up to that many. Cheap operations are never counted.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for the client; false (with seconds to wait) when it has none left. */
  take(client: string): { allowed: boolean; retryAfterSeconds: number } {
    if (this.perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updated) / 60000) * this.perMinute);
    bucket.updated = now;
    if (this.buckets.size > 10000) this.forgetIdle(now);
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return { allowed: false, retryAfterSeconds: Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute) };
    bucket.tokens -= 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Full buckets carry no state worth keeping. */
  private forgetIdle(now: number): void {
    for (const [client, b] of this.buckets) {
      if (b.tokens + ((now - b.updated) / 60000) * this.perMinute >= this.perMinute) this.buckets.delete(client);
    }
  }
}
