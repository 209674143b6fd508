/**
 * Caches one expiring value (an access token, a JS-SDK ticket) and makes concurrent callers share a
 * single refresh, so a burst of requests never stampedes the upstream's token endpoint.
 */
export class SingleFlightCache<T> {
  private value: { data: T; expiresAt: number } | undefined;
  private inflight: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<{ data: T; ttlSeconds: number }>,
    private readonly now: () => number = Date.now,
    /** Refresh this long before the upstream's expiry, to absorb clock skew and slow requests. */
    private readonly safetyMarginMs = 5 * 60 * 1000,
  ) {}

  async get(): Promise<T> {
    if (this.value && this.value.expiresAt > this.now()) return this.value.data;
    this.inflight ??= this.load()
      .then(({ data, ttlSeconds }) => {
        const ttlMs = ttlSeconds * 1000;
        this.value = { data, expiresAt: this.now() + Math.max(ttlMs - this.safetyMarginMs, ttlMs / 2) };
        return data;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /** Drops the cached value if it is still `stale` (another caller may already have refreshed it). */
  invalidate(stale: T): void {
    if (this.value?.data === stale) this.value = undefined;
  }
}
