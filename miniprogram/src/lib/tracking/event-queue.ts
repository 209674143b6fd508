import { TrackEvent } from '@zhike/shared/events';
import { TRACKING_LIMITS, type QueueStorage, type Timers } from './types';

/**
 * The events not yet confirmed by the server, oldest first, mirrored to storage so an offline spell or a
 * killed app loses nothing. Bounded: beyond `maxQueued` the oldest are dropped, so a phone that stays
 * offline for days keeps its storage small.
 */
export class EventQueue {
  private events: TrackEvent[] = [];
  private persistTimer: unknown;

  constructor(
    private readonly storage: QueueStorage,
    private readonly timers: Timers,
    private readonly report: (problem: unknown) => void,
  ) {
    this.events = this.restore();
  }

  get size(): number {
    return this.events.length;
  }

  all(): readonly TrackEvent[] {
    return this.events;
  }

  /** The oldest `count` events, the next batch to send. */
  oldest(count: number): TrackEvent[] {
    return this.events.slice(0, count);
  }

  push(event: TrackEvent): void {
    this.events.push(event);
    const overflow = this.events.length - TRACKING_LIMITS.maxQueued;
    if (overflow > 0) this.events.splice(0, overflow);
    this.persistSoon();
  }

  /** Drops the events with these client ids (sent and settled); returns how many went. */
  remove(clientEventIds: ReadonlySet<string>): number {
    const before = this.events.length;
    this.events = this.events.filter((event) => !clientEventIds.has(event.clientEventId));
    const removed = before - this.events.length;
    if (removed > 0) this.persistNow();
    return removed;
  }

  /** Writes the queue now (the app is going to the background and may be killed). */
  persistNow(): void {
    if (this.persistTimer !== undefined) this.timers.clear(this.persistTimer);
    this.persistTimer = undefined;
    try {
      this.storage.save(this.events);
    } catch (error) {
      // Storage full or unavailable: the events still live in memory until sent.
      this.report(error);
    }
  }

  // Events arrive in bursts (a page view, then exposures); one write per burst, not one per event.
  private persistSoon(): void {
    if (this.persistTimer !== undefined) return;
    this.persistTimer = this.timers.set(() => {
      this.persistTimer = undefined;
      this.persistNow();
    }, TRACKING_LIMITS.persistDelayMs);
  }

  /** What an earlier run left behind; anything unreadable (an older app version's shape) is dropped. */
  private restore(): TrackEvent[] {
    let stored: unknown;
    try {
      stored = this.storage.load();
    } catch (error) {
      this.report(error);
      return [];
    }
    if (!Array.isArray(stored)) return [];
    const seen = new Set<string>();
    const events: TrackEvent[] = [];
    for (const item of stored) {
      const parsed = TrackEvent.safeParse(item);
      if (!parsed.success || seen.has(parsed.data.clientEventId)) continue;
      seen.add(parsed.data.clientEventId);
      events.push(parsed.data);
    }
    return events.slice(-TRACKING_LIMITS.maxQueued);
  }
}
