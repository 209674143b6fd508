import type { IngestEventsResponse, TrackEvent, TrackTarget } from '@zhike/shared/events';

export type { TrackEvent, TrackTarget };

/** What became of one POST /api/events, as far as the queue is concerned. */
export type SendOutcome =
  /** The server read the batch and said, per event, what it did. */
  | { kind: 'answered'; answer: IngestEventsResponse }
  /** 429: wait as long as the server asked (Retry-After), or a default. */
  | { kind: 'rate_limited'; retryAfterMs?: number }
  /** 401: the token is no good; hold the events until there is a new one. */
  | { kind: 'unauthorized' }
  /** Another 4xx: the batch as sent will never be accepted, so resending it is pointless. */
  | { kind: 'refused'; status: number }
  /** Network failure, timeout, 5xx or an unreadable answer: keep the events and try later. */
  | { kind: 'failed' };

export interface EventTransport {
  send(events: readonly TrackEvent[], token: string): Promise<SendOutcome>;
}

/** Where the queue survives restarts and offline spells (Taro storage in the app, memory in tests). */
export interface QueueStorage {
  load(): unknown;
  save(events: readonly TrackEvent[]): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface TrackerDeps {
  transport: EventTransport;
  storage: QueueStorage;
  timers: Timers;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The customer's Bearer token, or undefined before login: events wait for it. */
  token: () => string | undefined;
  newId: () => string;
  /** The server refused the token: the app drops it and logs in again. */
  onUnauthorized?: () => void;
  /** Tracking never throws into the UI; what went wrong goes here instead. */
  report?: (problem: unknown) => void;
}

/** Flush, queue and session rules, in one place so tests and the README can name them. */
export const TRACKING_LIMITS = {
  /** A quiet page still sends its events this long after the first one. */
  flushIntervalMs: 5_000,
  /** This many waiting events are sent at once. */
  flushAtCount: 20,
  /** The server accepts at most 50 per request (MAX_EVENTS_PER_BATCH). */
  batchSize: 50,
  /** Offline for long, the oldest events go first beyond this many. */
  maxQueued: 500,
  /** Back from the background after this long: a new session. */
  sessionIdleMs: 30 * 60_000,
  /** After a failed send: 5 s, 10 s, 20 s … up to 5 minutes. */
  retryBaseMs: 5_000,
  retryMaxMs: 5 * 60_000,
  /** A 429 without a usable Retry-After waits this long; a longer Retry-After is capped. */
  rateLimitDefaultMs: 30_000,
  rateLimitMaxMs: 10 * 60_000,
  /** The queue is written to storage at most this often while events stream in. */
  persistDelayMs: 1_000,
} as const;
