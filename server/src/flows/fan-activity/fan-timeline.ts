import type { TrackEvent } from '@zhike/shared/events';
import type { TimelineKind } from '@zhike/shared/timeline';

/** One browse entry per target per customer per half hour: a customer flicking back and forth is one visit. */
export const BROWSE_ENTRY_WINDOW_MS = 30 * 60 * 1000;

export interface FanTimelineEntry {
  kind: Extract<TimelineKind, 'page_viewed' | 'content_shared'>;
  at: Date;
  data: Record<string, unknown>;
  /** The idempotency key: a browse entry's key names its half-hour window, so a second view in it is a no-op. */
  key: string;
}

/**
 * The events worth a line on the salesperson's timeline: views of a product or an article, and shares.
 * Taps, exposures and leaves feed the score only. Within a batch each key appears once.
 */
export function fanTimelineEntries(customerId: string, events: { event: TrackEvent; occurredAt: Date }[]): FanTimelineEntry[] {
  const entries = new Map<string, FanTimelineEntry>();
  for (const { event, occurredAt } of events) {
    const target = event.target;
    const title = target?.title ?? target?.id ?? event.page;
    if (event.type === 'page_view' && target && (target.kind === 'product' || target.kind === 'article')) {
      const window = Math.floor(occurredAt.getTime() / BROWSE_ENTRY_WINDOW_MS);
      const key = `page_viewed:${customerId}:${target.kind}:${target.id}:${window}`;
      if (!entries.has(key)) entries.set(key, { kind: 'page_viewed', at: occurredAt, key, data: { title, targetKind: target.kind, targetId: target.id, page: event.page } });
    } else if (event.type === 'share') {
      const key = `content_shared:${customerId}:${event.clientEventId}`;
      entries.set(key, {
        kind: 'content_shared',
        at: occurredAt,
        key,
        data: { title, page: event.page, ...(target ? { targetKind: target.kind, targetId: target.id } : {}), ...(event.shareChannel ? { shareChannel: event.shareChannel } : {}) },
      });
    }
  }
  return [...entries.values()];
}
