/** What a sandbox endpoint should do instead of its normal answer, for testing error paths. */
export type Fault =
  | { kind: 'errcode'; errcode: number; errmsg?: string }
  | { kind: 'http-status'; status: number }
  | { kind: 'garbage' }
  | { kind: 'delay'; ms: number };

/** Queues faults per API path; each queued fault fires once. */
export class FaultInjector {
  private readonly queue = new Map<string, Fault[]>();

  inject(path: string, fault: Fault, times = 1): void {
    const faults = this.queue.get(path) ?? [];
    for (let i = 0; i < times; i++) faults.push(fault);
    this.queue.set(path, faults);
  }

  take(path: string): Fault | undefined {
    return this.queue.get(path)?.shift();
  }

  clear(): void {
    this.queue.clear();
  }
}
