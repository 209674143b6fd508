/** How many requests may come at once, and how fast the allowance comes back. */
export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
  /** Buckets untouched this long are full again anyway: forget them so memory stays bounded. */
  idleEvictMs?: number;
}

/**
 * A token bucket per key (a customer), in memory. Per instance: with N instances a client gets at most N
 * times the allowance, which is fine for flood protection (a shared store would be needed for quotas).
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one token: null when allowed, else the seconds until one is back (for Retry-After). */
  take(key: string): number | null {
    const now = this.now();
    this.sweep(now);
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / refillPerSecond));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return null;
  }

  private sweep(now: number): void {
    const idle = this.options.idleEvictMs ?? 60_000;
    if (now - this.lastSweep < idle) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > idle) this.buckets.delete(key);
  }
}
