/** Avatars come from WeCom's and WeChat's CDNs: fetched once, bounded in time and size, remembered. */
export class RemoteImageLoader {
  private readonly cache = new Map<string, Promise<Buffer | undefined>>();

  constructor(
    private readonly options: { timeoutMs?: number; maxBytes?: number; maxEntries?: number; fetch?: typeof fetch } = {},
  ) {}

  /** The image's bytes, or undefined when it can't be had quickly (the poster then draws an initial). */
  load(url: string | undefined): Promise<Buffer | undefined> {
    if (!url || !/^https?:\/\//.test(url)) return Promise.resolve(undefined);
    let loading = this.cache.get(url);
    if (!loading) {
      loading = this.fetchImage(url);
      this.cache.set(url, loading);
      if (this.cache.size > (this.options.maxEntries ?? 500)) this.cache.delete(this.cache.keys().next().value!);
    }
    return loading;
  }

  private async fetchImage(url: string): Promise<Buffer | undefined> {
    try {
      const response = await (this.options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 1500) });
      if (!response.ok || !/^image\//.test(response.headers.get('content-type') ?? '')) return undefined;
      const bytes = Buffer.from(await response.arrayBuffer());
      return bytes.length <= (this.options.maxBytes ?? 1024 * 1024) ? bytes : undefined;
    } catch {
      // Failures are remembered too: a dead avatar URL must not slow every render down.
      return undefined;
    }
  }
}
