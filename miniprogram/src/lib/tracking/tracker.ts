import { BatchSender } from './batch-sender';
import { EventQueue } from './event-queue';
import { TRACKING_LIMITS, type TrackEvent, type TrackTarget, type TrackerDeps } from './types';

interface ShownPage {
  page: string;
  shownAt: number;
  referrer?: string;
  target?: TrackTarget;
}

export interface PageShowOptions {
  /** What the page is about (the product, the article…): the salesperson sees its title. */
  target?: TrackTarget;
  /** When the page became visible, if the view is reported later (after its data loaded). */
  shownAt?: number;
}

type EventFields = Pick<TrackEvent, 'type'> & Partial<Pick<TrackEvent, 'target' | 'durationMs' | 'shareChannel'>>;

const MAX_REFERRER = 200;

/** `/pages/product/index?id=1` → `pages/product/index`: the shape the server accepts. */
function pageRoute(page: string): string {
  return page.replace(/^\/+/, '').split('?')[0]!.replace(/[^A-Za-z0-9_/-]/g, '_').slice(0, 100) || 'unknown';
}

function cleanTarget(target: TrackTarget): TrackTarget {
  const clean: TrackTarget = { kind: target.kind, id: target.id.slice(0, 64) };
  if (target.title) clean.title = target.title.slice(0, 100);
  return clean;
}

/**
 * The fan-action tracker, free of Taro: page views with dwell time, shares, taps and exposures become
 * events of one session, queued and sent in batches. Every public method swallows its own failures —
 * tracking must never break or slow a page.
 */
export class Tracker {
  private readonly queue: EventQueue;
  private readonly sender: BatchSender;
  private readonly report: (problem: unknown) => void;
  private sessionId: string;
  private visible?: ShownPage;
  /** The page that was visible when the app went to the background; shown again when it returns. */
  private suspended?: ShownPage;
  private lastPage?: string;
  private entryReferrer?: string;
  private hiddenAt?: number;
  /** Targets already reported as exposed during the current page view. */
  private exposed = new Set<string>();

  constructor(private readonly deps: TrackerDeps) {
    this.report = deps.report ?? (() => undefined);
    this.queue = new EventQueue(deps.storage, deps.timers, this.report);
    this.sender = new BatchSender(this.queue, { ...deps, report: this.report });
    this.sessionId = deps.newId();
    // Events an earlier run could not send go out as soon as they may.
    if (this.queue.size > 0) this.sender.enqueued();
  }

  get session(): string {
    return this.sessionId;
  }

  /** Events not yet confirmed by the server, oldest first. */
  pending(): readonly TrackEvent[] {
    return this.queue.all();
  }

  /** How this session began (a share path's inviter, a poster scene): the first page's referrer. */
  setEntry(referrer: string | undefined): void {
    this.guard(() => {
      this.entryReferrer = referrer?.slice(0, MAX_REFERRER) || undefined;
    });
  }

  pageShow(page: string, options: PageShowOptions = {}): void {
    this.guard(() => {
      this.rollSessionIfIdle();
      const route = pageRoute(page);
      if (this.visible?.page === route) return;
      if (this.visible) this.leave(this.visible);
      const shown: ShownPage = { page: route, shownAt: options.shownAt ?? this.deps.now(), referrer: this.lastPage ?? this.entryReferrer };
      if (options.target) shown.target = cleanTarget(options.target);
      this.visible = shown;
      this.lastPage = route;
      this.exposed.clear();
      this.record(shown, { type: 'page_view', target: shown.target }, shown.shownAt);
    });
  }

  pageHide(page: string): void {
    this.guard(() => {
      if (this.visible?.page !== pageRoute(page)) return;
      this.leave(this.visible);
      this.visible = undefined;
    });
  }

  /** The app went to the background: close the page's dwell time and send what is waiting. */
  appHide(): void {
    this.guard(() => {
      this.hiddenAt = this.deps.now();
      if (this.visible) {
        this.leave(this.visible);
        this.suspended = this.visible;
        this.visible = undefined;
      }
      this.queue.persistNow();
      void this.sender.flush();
    });
  }

  /** Back in the foreground: a new session after 30 minutes away; the suspended page is viewed again. */
  appShow(): void {
    this.guard(() => {
      this.rollSessionIfIdle();
      this.hiddenAt = undefined;
      const suspended = this.suspended;
      this.suspended = undefined;
      if (suspended && !this.visible) this.pageShow(suspended.page, { target: suspended.target });
    });
  }

  share(target: TrackTarget, channel: 'chat' | 'timeline'): void {
    this.guard(() => this.recordOnPage({ type: 'share', target: cleanTarget(target), shareChannel: channel }));
  }

  tap(target: TrackTarget): void {
    this.guard(() => this.recordOnPage({ type: 'tap', target: cleanTarget(target) }));
  }

  /** A product (or article) came into view; reported once per page view. */
  exposure(target: TrackTarget): void {
    this.guard(() => {
      const key = `${target.kind}:${target.id}`;
      if (!this.visible || this.exposed.has(key)) return;
      this.exposed.add(key);
      this.recordOnPage({ type: 'exposure', target: cleanTarget(target) });
    });
  }

  /** Sends what is waiting now (after login, in tests). Never rejects. */
  flush(): Promise<void> {
    return this.sender.flush();
  }

  private leave(shown: ShownPage): void {
    const durationMs = Math.min(Math.max(this.deps.now() - shown.shownAt, 0), 24 * 60 * 60 * 1000);
    this.record(shown, { type: 'page_leave', target: shown.target, durationMs });
  }

  private recordOnPage(fields: EventFields): void {
    const page = this.visible ?? this.suspended;
    if (!page) return;
    this.record(page, fields);
  }

  private record(page: ShownPage, fields: EventFields, at = this.deps.now()): void {
    const event: TrackEvent = {
      clientEventId: this.deps.newId(),
      type: fields.type,
      sessionId: this.sessionId,
      page: page.page,
      occurredAt: new Date(at).toISOString(),
    };
    if (page.referrer) event.referrer = page.referrer;
    if (fields.target) event.target = fields.target;
    if (fields.durationMs !== undefined) event.durationMs = Math.round(fields.durationMs);
    if (fields.shareChannel) event.shareChannel = fields.shareChannel;
    this.queue.push(event);
    this.sender.enqueued();
  }

  private rollSessionIfIdle(): void {
    if (this.hiddenAt === undefined || this.deps.now() - this.hiddenAt < TRACKING_LIMITS.sessionIdleMs) return;
    this.sessionId = this.deps.newId();
    this.hiddenAt = undefined;
    // A new session starts afresh: its first page has no previous page.
    this.lastPage = undefined;
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.report(error);
    }
  }
}
