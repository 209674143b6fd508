import type { IngestEventsResponse } from '@zhike/shared/events';
import { AppError } from '../../platform/http/app-error';
import { checkEvents, type FanEventDocument, type FanEventRepository, type TokenBucketLimiter, type ValidEvent } from '../../modules/events';
import { addToRollup, contributionOf, type Contribution, type IntentRollupRepository } from '../../modules/intent';
import type { LiveBus } from '../../modules/live';
import type { CustomerRepository } from '../../modules/customers';
import type { TimelineRepository } from '../../modules/timeline';
import type { Logger } from '../../platform/logging/logger';
import { fanTimelineEntries } from './fan-timeline';

/** A view reported this long after it happened (an offline queue flushed later) is history, not "viewing now". */
export const LIVE_VIEW_WINDOW_MS = 2 * 60 * 1000;

/** Above this many events waiting for bookkeeping, answers wait for a round: memory stays bounded under overload. */
export const MAX_PENDING_EVENTS = 50_000;

export interface FanActivityDeps {
  corpId: string;
  events: Pick<FanEventRepository, 'insertNew'>;
  customers: Pick<CustomerRepository, 'markActive'>;
  rollups: Pick<IntentRollupRepository, 'change'>;
  timeline: Pick<TimelineRepository, 'recordManyIfNew'>;
  live: Pick<LiveBus, 'publish'>;
  limiter: Pick<TokenBucketLimiter, 'take'>;
  log?: Pick<Logger, 'error'>;
  now?: () => Date;
}

/** Too many batches from one customer: the route answers 429 with Retry-After. */
export class IngestionRateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `上报太频繁，请 ${retryAfterSeconds} 秒后重试`, [{ field: 'headers.retry-after', issue: String(retryAfterSeconds) }]);
  }
}

/**
 * What the mini-program reports, attached to the customer of the session (the payload names nobody, so an
 * event can never be written for someone else): stored once per client event id, then turned into the
 * customer's last activity, intent engagement, timeline lines and the live "viewing now" signal.
 */
export class FanActivityFlow {
  private readonly now: () => Date;
  /** Stored events whose bookkeeping is still to do, merged per customer while a round runs. */
  private readonly pending = new Map<string, { stored: ValidEvent[]; receivedAt: Date }>();
  private pendingEvents = 0;
  private draining: Promise<void> | null = null;

  constructor(private readonly deps: FanActivityDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async ingest(customerId: string, raw: Record<string, unknown>[]): Promise<IngestEventsResponse> {
    const retryAfter = this.deps.limiter.take(customerId);
    if (retryAfter !== null) throw new IngestionRateLimited(retryAfter);
    const receivedAt = this.now();
    const { valid, rejected } = checkEvents(raw, receivedAt);
    const { inserted, duplicates } = await this.deps.events.insertNew(valid.map(({ event, occurredAt }) => toDocument(customerId, event, occurredAt, receivedAt)));
    const stored = inserted.map((position) => valid[position]!);
    if (stored.length > 0) {
      // The salesperson's "viewing now" goes out as soon as the events are safe, before the slower bookkeeping.
      this.publishViewing(customerId, stored, receivedAt);
      this.queueBookkeeping(customerId, stored, receivedAt);
      if (this.pendingEvents > MAX_PENDING_EVENTS) await this.settled();
    }
    return {
      accepted: stored.map((v) => v.event.clientEventId),
      duplicates: duplicates.map((position) => valid[position]!.event.clientEventId),
      rejected,
    };
  }

  /** Resolves once everything accepted so far shows in last-active, scores and timelines (tests, seeding). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * The answer does not wait for the bookkeeping: it runs in rounds, one per customer with everything that
   * customer sent meanwhile, so a busy customer costs one score update and one timeline write per round
   * instead of one per batch.
   */
  private queueBookkeeping(customerId: string, stored: ValidEvent[], receivedAt: Date): void {
    this.pendingEvents += stored.length;
    const waiting = this.pending.get(customerId);
    if (waiting) {
      waiting.stored.push(...stored);
      waiting.receivedAt = receivedAt;
    } else {
      this.pending.set(customerId, { stored: [...stored], receivedAt });
    }
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const round = [...this.pending];
      this.pending.clear();
      this.pendingEvents = 0;
      for (const [customerId, work] of round) {
        await this.derive(customerId, work.stored, work.receivedAt).catch((error: unknown) => this.deps.log?.error({ err: error, customerId }, 'fan event bookkeeping failed'));
      }
    }
  }

  /**
   * Everything derived from newly stored events. It runs after the events are safe: a crash in between
   * loses a timeline line or some points, never an event (and a resend does not count twice).
   */
  private async derive(customerId: string, stored: ValidEvent[], receivedAt: Date): Promise<void> {
    const latest = stored.reduce((a, b) => (b.occurredAt > a.occurredAt ? b : a));
    await this.deps.customers.markActive(customerId, new Date(Math.min(latest.occurredAt.getTime(), receivedAt.getTime())));
    const contributions = stored.flatMap(({ event, occurredAt }): Contribution[] => {
      const worth = contributionOf(event);
      return worth ? [{ ...worth, key: event.clientEventId, at: occurredAt }] : [];
    });
    if (contributions.length > 0) await this.deps.rollups.change(customerId, (current) => addToRollup(current, contributions));
    await this.deps.timeline.recordManyIfNew(
      fanTimelineEntries(customerId, stored).map((entry) => ({ corpId: this.deps.corpId, customerId, kind: entry.kind, at: entry.at, data: entry.data, key: entry.key })),
    );
  }

  private publishViewing(customerId: string, stored: ValidEvent[], receivedAt: Date): void {
    const view = stored.filter((v) => v.event.type === 'page_view').reduce<ValidEvent | undefined>((a, b) => (!a || b.occurredAt > a.occurredAt ? b : a), undefined);
    if (view && receivedAt.getTime() - view.occurredAt.getTime() <= LIVE_VIEW_WINDOW_MS) {
      const { event } = view;
      this.deps.live.publish({ type: 'viewing', customerId, title: event.target?.title ?? event.target?.id ?? event.page, page: event.page, at: event.occurredAt });
    }
  }
}

function toDocument(customerId: string, event: ValidEvent['event'], occurredAt: Date, receivedAt: Date): FanEventDocument {
  return {
    customerId,
    clientEventId: event.clientEventId,
    type: event.type,
    sessionId: event.sessionId,
    page: event.page,
    ...(event.referrer !== undefined ? { referrer: event.referrer } : {}),
    occurredAt,
    receivedAt,
    ...(event.target ? { target: event.target } : {}),
    ...(event.durationMs !== undefined ? { durationMs: event.durationMs } : {}),
    ...(event.shareChannel ? { shareChannel: event.shareChannel } : {}),
  };
}
