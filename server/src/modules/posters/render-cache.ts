/** Rendered posters by (template, salesperson, customer), bounded in bytes; an entry is valid only for the inputs it was drawn from. */
export class PosterRenderCache {
  private readonly entries = new Map<string, { inputsHash: string; png: Buffer }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string, inputsHash: string): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.inputsHash !== inputsHash) return undefined;
    // Re-inserting moves it to the back: the Map's order is least recently used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.png;
  }

  set(key: string, inputsHash: string, png: Buffer): void {
    this.delete(key);
    this.entries.set(key, { inputsHash, png });
    this.bytes += png.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.png.length;
    this.entries.delete(key);
  }
}
