/** Values that lapse at a sandbox-clock instant: access tokens, OAuth codes, login codes. */
export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  put(key: string, value: T, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  /** 'missing', 'expired', or the stored value. */
  lookup(key: string): { status: 'missing' } | { status: 'expired' } | { status: 'valid'; value: T } {
    const entry = this.entries.get(key);
    if (!entry) return { status: 'missing' };
    if (entry.expiresAt <= this.now()) return { status: 'expired' };
    return { status: 'valid', value: entry.value };
  }

  /** Single-use values are deleted the moment they are redeemed. */
  take(key: string): T | undefined {
    const found = this.lookup(key);
    this.entries.delete(key);
    return found.status === 'valid' ? found.value : undefined;
  }

  /** Keys still valid now. */
  validKeys(): string[] {
    return [...this.entries.keys()].filter((key) => this.lookup(key).status === 'valid');
  }

  expireAll(): void {
    for (const entry of this.entries.values()) entry.expiresAt = this.now();
  }
}
