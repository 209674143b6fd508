/** Per-API calls-per-minute limits, as WeCom and WeChat enforce them (errcode 45009 when exceeded). */
export class RateLimiter {
  private readonly limits = new Map<string, number>();
  private readonly windows = new Map<string, { minute: number; count: number }>();

  constructor(private readonly now: () => number) {}

  setLimit(path: string, perMinute: number | undefined): void {
    if (perMinute === undefined) this.limits.delete(path);
    else this.limits.set(path, perMinute);
  }

  /** Counts a call; false when it is over the limit. */
  allow(path: string): boolean {
    const limit = this.limits.get(path);
    if (limit === undefined) return true;
    const minute = Math.floor(this.now() / 60_000);
    const window = this.windows.get(path);
    const current = window && window.minute === minute ? window : { minute, count: 0 };
    current.count++;
    this.windows.set(path, current);
    return current.count <= limit;
  }
}
