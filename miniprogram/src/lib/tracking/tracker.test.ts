import type { IngestEventsResponse } from '@zhike/shared/events';
import { Tracker } from './tracker';
import { TRACKING_LIMITS, type SendOutcome, type TrackEvent, type TrackerDeps } from './types';

const PRODUCT = { kind: 'product', id: 'p1', title: '精华护肤套装' } as const;

/** A tracker on jest's fake clock, with a server whose answers the test scripts. */
function setup(options: { token?: string | undefined; stored?: unknown } = {}) {
  let stored: unknown = options.stored;
  let token: string | undefined = 'token' in options ? options.token : 'tok-1';
  let nextId = 0;
  const sent: { events: TrackEvent[]; token: string }[] = [];
  const answers: Array<(events: readonly TrackEvent[]) => SendOutcome> = [];
  const send = jest.fn(async (events: readonly TrackEvent[], bearer: string): Promise<SendOutcome> => {
    sent.push({ events: [...events], token: bearer });
    const answer = answers.shift();
    return answer ? answer(events) : accept(events);
  });
  const deps: TrackerDeps = {
    transport: { send },
    storage: { load: () => stored, save: (events) => void (stored = JSON.parse(JSON.stringify(events))) },
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    now: () => Date.now(),
    token: () => token,
    newId: () => `id-${String(++nextId).padStart(6, '0')}`,
    onUnauthorized: jest.fn(),
    report: jest.fn(),
  };
  const tracker = new Tracker(deps);
  return {
    tracker,
    deps,
    sent,
    send,
    /** The next sends answer like this, in turn; after that every send is accepted. */
    answer: (...outcomes: Array<(events: readonly TrackEvent[]) => SendOutcome>) => answers.push(...outcomes),
    stored: () => stored as TrackEvent[] | undefined,
    login: (value: string) => {
      token = value;
    },
  };
}

function accept(events: readonly TrackEvent[]): SendOutcome {
  return { kind: 'answered', answer: { accepted: events.map((e) => e.clientEventId), duplicates: [], rejected: [] } };
}
const failed = (): SendOutcome => ({ kind: 'failed' });

function taps(tracker: Tracker, count: number): void {
  for (let i = 0; i < count; i += 1) tracker.tap({ kind: 'element', id: `button-${i}` });
}

describe('Tracker', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00.000Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  describe('page views and dwell time', () => {
    it('records a view on show and a leave with the dwell time on hide, the previous page as referrer', () => {
      const { tracker } = setup();
      tracker.setEntry('inviter=WANG1234');
      tracker.pageShow('/pages/index/index');
      jest.advanceTimersByTime(1_500);
      tracker.pageShow('pages/product/index?id=p1', { target: PRODUCT });
      jest.advanceTimersByTime(12_000);
      tracker.pageHide('pages/product/index');

      expect(tracker.pending().map(({ type, page, referrer, durationMs, target }) => ({ type, page, referrer, durationMs, target }))).toEqual([
        { type: 'page_view', page: 'pages/index/index', referrer: 'inviter=WANG1234', durationMs: undefined, target: undefined },
        { type: 'page_leave', page: 'pages/index/index', referrer: 'inviter=WANG1234', durationMs: 1_500, target: undefined },
        { type: 'page_view', page: 'pages/product/index', referrer: 'pages/index/index', durationMs: undefined, target: PRODUCT },
        { type: 'page_leave', page: 'pages/product/index', referrer: 'pages/index/index', durationMs: 12_000, target: PRODUCT },
      ]);
    });

    it('gives every event its own client id, the session id and the time it happened', () => {
      const { tracker } = setup();
      tracker.pageShow('pages/index/index', { shownAt: Date.parse('2026-11-25T09:59:58.000Z') });
      tracker.tap({ kind: 'element', id: 'banner' });

      const [view, tap] = tracker.pending();
      expect(view).toMatchObject({ clientEventId: 'id-000002', sessionId: 'id-000001', occurredAt: '2026-11-25T09:59:58.000Z' });
      expect(tap).toMatchObject({ clientEventId: 'id-000003', sessionId: 'id-000001', type: 'tap', occurredAt: '2026-11-25T10:00:00.000Z' });
    });

    it('ignores a second show of the visible page and a hide of a page that is not visible', () => {
      const { tracker } = setup();
      tracker.pageShow('pages/index/index');
      tracker.pageShow('pages/index/index');
      tracker.pageHide('pages/mine/index');
      expect(tracker.pending().map((e) => e.type)).toEqual(['page_view']);
    });

    it('reports each exposed product once per page view', () => {
      const { tracker } = setup();
      tracker.pageShow('pages/products/index');
      tracker.exposure(PRODUCT);
      tracker.exposure(PRODUCT);
      tracker.pageHide('pages/products/index');
      tracker.pageShow('pages/products/index');
      tracker.exposure(PRODUCT);
      expect(tracker.pending().filter((e) => e.type === 'exposure')).toHaveLength(2);
    });
  });

  describe('sessions', () => {
    it('keeps the session across a short trip to the background and views the page again', () => {
      const { tracker } = setup();
      tracker.pageShow('pages/product/index', { target: PRODUCT });
      tracker.appHide();
      jest.advanceTimersByTime(29 * 60_000);
      tracker.appShow();

      const events = tracker.pending();
      expect(events.map((e) => e.type)).toEqual(['page_view', 'page_leave', 'page_view']);
      expect(new Set(events.map((e) => e.sessionId)).size).toBe(1);
      expect(events[2]!.target).toEqual(PRODUCT);
    });

    it('starts a new session after 30 minutes in the background', () => {
      const { tracker } = setup();
      tracker.pageShow('pages/index/index');
      const first = tracker.session;
      tracker.appHide();
      jest.advanceTimersByTime(TRACKING_LIMITS.sessionIdleMs);
      tracker.appShow();
      tracker.pageShow('pages/mine/index');

      expect(tracker.session).not.toBe(first);
      const [view, leave, again, , next] = tracker.pending();
      expect([view!.sessionId, leave!.sessionId]).toEqual([first, first]);
      expect(again).toMatchObject({ type: 'page_view', page: 'pages/index/index', sessionId: tracker.session });
      expect(again!.referrer).toBeUndefined();
      expect(next).toMatchObject({ page: 'pages/mine/index', sessionId: tracker.session, referrer: 'pages/index/index' });
    });

    it('rolls the session on the next page view even when the app-show callback never came', () => {
      const { tracker } = setup();
      tracker.pageShow('pages/index/index');
      const first = tracker.session;
      tracker.appHide();
      jest.advanceTimersByTime(31 * 60_000);
      tracker.pageShow('pages/index/index');
      expect(tracker.session).not.toBe(first);
    });
  });

  describe('batching', () => {
    it('sends 5 s after the first event, all waiting events in one batch', async () => {
      const { tracker, sent } = setup();
      tracker.pageShow('pages/index/index');
      taps(tracker, 3);
      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.flushIntervalMs - 1);
      expect(sent).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.events).toHaveLength(4);
      expect(sent[0]!.token).toBe('tok-1');
      expect(tracker.pending()).toHaveLength(0);
    });

    it('sends at once when 20 events are waiting', async () => {
      const { tracker, sent } = setup();
      tracker.pageShow('pages/index/index');
      taps(tracker, 18);
      await jest.advanceTimersByTimeAsync(0);
      expect(sent).toHaveLength(0);
      taps(tracker, 1);
      await jest.advanceTimersByTimeAsync(0);
      expect(sent.map((s) => s.events.length)).toEqual([20]);
    });

    it('sends on app hide without waiting for the interval, and writes the queue to storage first', async () => {
      const { tracker, sent, stored } = setup({});
      tracker.pageShow('pages/index/index');
      tracker.appHide();
      expect(stored()!.map((e) => e.type)).toEqual(['page_view', 'page_leave']);
      await jest.advanceTimersByTimeAsync(0);
      expect(sent.map((s) => s.events.map((e) => e.type))).toEqual([['page_view', 'page_leave']]);
    });

    it('splits a backlog into batches of at most 50', async () => {
      const { tracker, sent, login } = setup({ token: undefined });
      tracker.pageShow('pages/index/index');
      taps(tracker, 119);
      login('tok-1');
      await tracker.flush();
      expect(sent.map((s) => s.events.length)).toEqual([50, 50, 20]);
    });
  });

  describe('before login', () => {
    it('holds events until the customer token exists, then sends them', async () => {
      const { tracker, sent, login } = setup({ token: undefined });
      tracker.pageShow('pages/index/index');
      taps(tracker, 25);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(sent).toHaveLength(0);
      expect(tracker.pending()).toHaveLength(26);

      login('tok-new');
      await tracker.flush();
      expect(sent.map((s) => [s.token, s.events.length])).toEqual([['tok-new', 26]]);
      expect(tracker.pending()).toHaveLength(0);
    });
  });

  describe('failures', () => {
    it('keeps events when the network fails and resends the same client ids later, backing off', async () => {
      const { tracker, sent, answer, stored } = setup();
      answer(failed, failed);
      tracker.pageShow('pages/index/index');
      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.flushIntervalMs);
      expect(sent).toHaveLength(1);
      expect(tracker.pending()).toHaveLength(1);
      expect(stored()).toHaveLength(1);

      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.retryBaseMs); // first retry after 5 s: fails again
      expect(sent).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(2 * TRACKING_LIMITS.retryBaseMs - 1); // then waits 10 s
      expect(sent).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(3);
      expect(new Set(sent.map((s) => s.events[0]!.clientEventId)).size).toBe(1);
      expect(tracker.pending()).toHaveLength(0);
      expect(stored()).toEqual([]);
    });

    it('treats a thrown transport error as a failure, never as an exception', async () => {
      const { tracker, send } = setup();
      send.mockRejectedValueOnce(new Error('socket hang up'));
      tracker.pageShow('pages/index/index');
      await expect(tracker.flush()).resolves.toBeUndefined();
      expect(tracker.pending()).toHaveLength(1);
    });

    it('resends from storage after a restart, with the same client ids, and counts duplicates as done', async () => {
      const first = setup();
      first.answer(failed);
      first.tracker.pageShow('pages/index/index');
      first.tracker.appHide();
      await jest.advanceTimersByTimeAsync(0);
      const left = first.stored()!;
      expect(left).toHaveLength(2);

      // A cold start: the server had stored the first event before the connection dropped.
      const second = setup({ stored: left });
      second.answer((events) => ({ kind: 'answered', answer: { accepted: [events[1]!.clientEventId], duplicates: [events[0]!.clientEventId], rejected: [] } }));
      expect(second.tracker.pending().map((e) => e.clientEventId)).toEqual(left.map((e) => e.clientEventId));
      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.flushIntervalMs);
      expect(second.sent[0]!.events.map((e) => e.clientEventId)).toEqual(left.map((e) => e.clientEventId));
      expect(second.tracker.pending()).toHaveLength(0);
    });

    it('drops unreadable events found in storage', () => {
      const { tracker } = setup({ stored: [{ clientEventId: 'x' }, 'junk', null] });
      expect(tracker.pending()).toHaveLength(0);
    });

    it('backs off for the Retry-After of a 429 and then sends', async () => {
      const { tracker, sent, answer } = setup();
      answer(() => ({ kind: 'rate_limited', retryAfterMs: 20_000 }));
      tracker.pageShow('pages/index/index');
      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.flushIntervalMs);
      expect(sent).toHaveLength(1);

      taps(tracker, 30); // even a full batch waits out the 429
      await jest.advanceTimersByTimeAsync(19_999);
      expect(sent).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(2);
      expect(sent[1]!.events).toHaveLength(31);
      expect(tracker.pending()).toHaveLength(0);
    });

    it('drops rejected events (they would never be accepted) and keeps none of them for resending', async () => {
      const { tracker, sent, answer, deps } = setup();
      answer((events) => ({
        kind: 'answered',
        answer: {
          accepted: [events[0]!.clientEventId],
          duplicates: [],
          rejected: [
            { index: 1, clientEventId: events[1]!.clientEventId, code: 'TOO_OLD', reason: '事件时间过早' },
            { index: 2, code: 'INVALID', reason: '格式不正确' },
          ],
        } satisfies IngestEventsResponse,
      }));
      tracker.pageShow('pages/index/index');
      taps(tracker, 2);
      await tracker.flush();
      expect(tracker.pending()).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(sent).toHaveLength(1);
      expect(deps.report).toHaveBeenCalled();
    });

    it('keeps events the answer does not mention and retries them later', async () => {
      const { tracker, sent, answer } = setup();
      answer((events) => ({ kind: 'answered', answer: { accepted: [events[0]!.clientEventId], duplicates: [], rejected: [] } }));
      tracker.pageShow('pages/index/index');
      tracker.tap({ kind: 'element', id: 'buy' });
      await tracker.flush();
      expect(tracker.pending().map((e) => e.type)).toEqual(['tap']);
      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.flushIntervalMs);
      expect(sent[1]!.events.map((e) => e.type)).toEqual(['tap']);
    });

    it('drops a batch the server refuses outright (4xx)', async () => {
      const { tracker, answer } = setup();
      answer(() => ({ kind: 'refused', status: 413 }));
      tracker.pageShow('pages/index/index');
      await tracker.flush();
      expect(tracker.pending()).toHaveLength(0);
    });

    it('on 401 asks for a new login and holds the events for the new token', async () => {
      const { tracker, sent, answer, deps, login } = setup();
      answer(() => ({ kind: 'unauthorized' }));
      tracker.pageShow('pages/index/index');
      await tracker.flush();
      expect(deps.onUnauthorized).toHaveBeenCalledTimes(1);
      expect(tracker.pending()).toHaveLength(1);
      login('tok-2');
      await jest.advanceTimersByTimeAsync(TRACKING_LIMITS.retryBaseMs);
      expect(sent.map((s) => s.token)).toEqual(['tok-1', 'tok-2']);
      expect(tracker.pending()).toHaveLength(0);
    });

    it('keeps at most 500 events while offline, dropping the oldest first', () => {
      const { tracker } = setup({ token: undefined });
      tracker.pageShow('pages/index/index');
      taps(tracker, 600);
      const pending = tracker.pending();
      expect(pending).toHaveLength(TRACKING_LIMITS.maxQueued);
      expect(pending[0]!.target!.id).toBe('button-100');
      expect(pending[pending.length - 1]!.target!.id).toBe('button-599');
    });

    it('never throws into the page when storage fails', () => {
      const { tracker, deps } = setup();
      deps.storage.save = () => {
        throw new Error('storage full');
      };
      expect(() => {
        tracker.pageShow('pages/index/index');
        tracker.appHide();
      }).not.toThrow();
      expect(deps.report).toHaveBeenCalled();
    });
  });
});
