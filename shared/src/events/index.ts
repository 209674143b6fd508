import { z } from 'zod';

/** What the mini-program reports. Unknown types are rejected one by one, never the whole batch. */
export const TrackEventType = z.enum(['page_view', 'page_leave', 'share', 'tap', 'exposure']);
export type TrackEventType = z.infer<typeof TrackEventType>;

const ClientId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** What an event is about, when it is about something: a product, an article, a poster… */
export const TrackTarget = z.strictObject({
  kind: z.enum(['product', 'article', 'poster', 'page', 'element']),
  id: z.string().min(1).max(64),
  /** Shown to the salesperson ("正在浏览《精华护肤套装》"). */
  title: z.string().max(100).optional(),
});
export type TrackTarget = z.infer<typeof TrackTarget>;

export const TrackEvent = z.strictObject({
  /** Made on the device, once per event: a resent batch is recognised by it. */
  clientEventId: ClientId,
  type: TrackEventType,
  /** One mini-program launch (changes on every cold start or after 30 minutes in the background). */
  sessionId: ClientId,
  /** The page route without a leading slash: `pages/product/detail`. */
  page: z.string().min(1).max(100).regex(/^[A-Za-z0-9_/-]+$/),
  /** The previous page of this session, or the entry (a share path or a scene). */
  referrer: z.string().max(200).optional(),
  occurredAt: z.iso.datetime(),
  target: TrackTarget.optional(),
  /** page_leave: how long the page was visible. */
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000).optional(),
  /** share: to a chat or to Moments. */
  shareChannel: z.enum(['chat', 'timeline']).optional(),
});
export type TrackEvent = z.infer<typeof TrackEvent>;

export const MAX_EVENTS_PER_BATCH = 50;

/** Events are checked one by one, so the batch itself only has to be a list of objects. */
export const IngestEventsRequest = z.strictObject({
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_EVENTS_PER_BATCH, `一次最多上报 ${MAX_EVENTS_PER_BATCH} 条事件`),
});
export type IngestEventsRequest = z.infer<typeof IngestEventsRequest>;

export const RejectedEvent = z.object({
  /** Position in the batch. */
  index: z.number().int(),
  clientEventId: z.string().optional(),
  code: z.enum(['INVALID', 'TOO_OLD', 'IN_FUTURE', 'UNKNOWN_TYPE']),
  reason: z.string(),
});
export type RejectedEvent = z.infer<typeof RejectedEvent>;

/** Which events were stored now, which were stored before (a resend), and which were refused and why. */
export const IngestEventsResponse = z
  .object({ accepted: z.array(z.string()), duplicates: z.array(z.string()), rejected: z.array(RejectedEvent) })
  .meta({ id: 'IngestEventsResponse' });
export type IngestEventsResponse = z.infer<typeof IngestEventsResponse>;

export const IntentLevel = z.enum(['高', '中', '低']);
export type IntentLevel = z.infer<typeof IntentLevel>;

/** One event's part of the score, decayed to now: why the score is what it is. */
export const IntentContributor = z.object({
  summary: z.string().describe('"浏览了《精华护肤套装》"'),
  points: z.number().describe('Decayed to now, one decimal'),
  at: z.iso.datetime(),
});
export type IntentContributor = z.infer<typeof IntentContributor>;

/** The intent score with its explanation: engagement (decaying actions) plus fit (profile facts). */
export const CustomerIntentResponse = z
  .object({
    score: z.number().int().min(0).max(100),
    level: IntentLevel,
    engagement: z.number().int().min(0).describe('Points from the customer’s own actions, halved every 7 days, capped at 70'),
    fit: z.number().int().min(0).describe('Points from profile facts, at most 30'),
    fitReasons: z.array(z.object({ reason: z.string(), points: z.number().int() })),
    topContributors: z.array(IntentContributor),
    halfLifeDays: z.number(),
  })
  .meta({ id: 'CustomerIntentResponse' });
export type CustomerIntentResponse = z.infer<typeof CustomerIntentResponse>;

/** Server-sent events on /api/live/customers/…: what the customer is looking at right now. */
export const LiveViewing = z.object({ title: z.string(), page: z.string(), at: z.iso.datetime() });
export type LiveViewing = z.infer<typeof LiveViewing>;
