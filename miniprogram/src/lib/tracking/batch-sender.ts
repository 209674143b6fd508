import type { EventQueue } from './event-queue';
import { TRACKING_LIMITS, type SendOutcome, type TrackEvent, type TrackerDeps } from './types';

type SenderDeps = Pick<TrackerDeps, 'transport' | 'timers' | 'now' | 'token' | 'onUnauthorized'> & {
  report: (problem: unknown) => void;
};

/**
 * Sends the queue in batches: 5 s after the first waiting event, at once when 20 are waiting, and when
 * the app goes to the background. A failed send keeps its events and retries later (backing off, and
 * honouring a 429's Retry-After); a resend carries the same clientEventIds, so the server counts each
 * event once. Only one request is in flight at a time.
 */
export class BatchSender {
  private timer: unknown;
  private timerDueAt = 0;
  private inFlight: Promise<void> | null = null;
  private again = false;
  /** No send before this time (backing off after a failure or a 429). */
  private retryAt = 0;
  private failures = 0;

  constructor(
    private readonly queue: EventQueue,
    private readonly deps: SenderDeps,
  ) {}

  /** An event was queued: send soon, or now if enough are waiting. */
  enqueued(): void {
    if (this.queue.size >= TRACKING_LIMITS.flushAtCount) void this.flush();
    else this.schedule(TRACKING_LIMITS.flushIntervalMs);
  }

  /** Sends what is waiting, if it may be sent now. Never rejects. */
  flush(): Promise<void> {
    if (this.inFlight) {
      // Asked again while sending (login just completed, 20 more events): drain once more afterwards.
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        await this.drain();
      } while (this.again);
    })()
      .catch(this.deps.report)
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async drain(): Promise<void> {
    this.cancelTimer();
    while (this.queue.size > 0) {
      const wait = this.retryAt - this.deps.now();
      if (wait > 0) {
        this.schedule(wait);
        return;
      }
      // Before login there is nobody to attribute the events to: they wait (login calls flush again).
      const token = this.deps.token();
      if (!token) return;
      const batch = this.queue.oldest(TRACKING_LIMITS.batchSize);
      let outcome: SendOutcome;
      try {
        outcome = await this.deps.transport.send(batch, token);
      } catch (error) {
        this.deps.report(error);
        outcome = { kind: 'failed' };
      }
      if (!this.settle(batch, outcome)) return;
    }
  }

  /** Applies one answer to the queue; true when the queue moved on and the next batch may go. */
  private settle(batch: readonly TrackEvent[], outcome: SendOutcome): boolean {
    switch (outcome.kind) {
      case 'answered': {
        const { accepted, duplicates, rejected } = outcome.answer;
        // Rejected events would be rejected again on every resend: they are dropped like sent ones.
        const settled = new Set([...accepted, ...duplicates]);
        for (const rejection of rejected) {
          const id = rejection.clientEventId ?? batch[rejection.index]?.clientEventId;
          if (id) settled.add(id);
        }
        if (rejected.length > 0) this.deps.report(new Error(`tracking: ${rejected.length} event(s) rejected: ${rejected.map((r) => r.code).join(', ')}`));
        this.queue.remove(settled);
        // Events the answer does not mention stay queued; resending them at once could spin, so wait.
        if (batch.some((event) => !settled.has(event.clientEventId))) return this.backOff();
        this.failures = 0;
        return true;
      }
      case 'refused':
        this.deps.report(new Error(`tracking: batch refused with ${outcome.status}; dropped ${batch.length} event(s)`));
        this.queue.remove(new Set(batch.map((event) => event.clientEventId)));
        return true;
      case 'rate_limited': {
        const asked = outcome.retryAfterMs ?? TRACKING_LIMITS.rateLimitDefaultMs;
        this.retryAt = this.deps.now() + Math.min(Math.max(asked, 1_000), TRACKING_LIMITS.rateLimitMaxMs);
        this.schedule(this.retryAt - this.deps.now());
        return false;
      }
      case 'unauthorized':
        this.deps.onUnauthorized?.();
        return this.backOff();
      case 'failed':
        return this.backOff();
    }
  }

  private backOff(): false {
    this.failures += 1;
    const delay = Math.min(TRACKING_LIMITS.retryBaseMs * 2 ** (this.failures - 1), TRACKING_LIMITS.retryMaxMs);
    this.retryAt = this.deps.now() + delay;
    this.schedule(delay);
    return false;
  }

  /** A flush in `ms`, unless one is already due sooner. */
  private schedule(ms: number): void {
    const dueAt = this.deps.now() + ms;
    if (this.timer !== undefined && this.timerDueAt <= dueAt) return;
    this.cancelTimer();
    this.timerDueAt = dueAt;
    this.timer = this.deps.timers.set(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.deps.timers.clear(this.timer);
    this.timer = undefined;
  }
}
