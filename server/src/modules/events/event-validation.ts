import { TrackEvent, TrackEventType, type RejectedEvent } from '@zhike/shared/events';

/** Events may arrive late (an offline queue resent days later), but not so late they are history rewritten. */
export const MAX_EVENT_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Phone clocks drift: a few minutes ahead is tolerated, more is a wrong clock or a forgery. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface ValidEvent {
  /** Position in the batch, so answers and storage refer to the same event. */
  index: number;
  event: TrackEvent;
  occurredAt: Date;
}

export interface CheckedBatch {
  valid: ValidEvent[];
  rejected: RejectedEvent[];
}

/** Checks every event on its own: one bad event never costs the others in the batch. */
export function checkEvents(raw: Record<string, unknown>[], now: Date): CheckedBatch {
  const valid: ValidEvent[] = [];
  const rejected: RejectedEvent[] = [];
  raw.forEach((candidate, index) => {
    const outcome = checkEvent(candidate, now);
    if ('event' in outcome) valid.push({ index, ...outcome });
    else {
      const clientEventId = typeof candidate.clientEventId === 'string' ? candidate.clientEventId.slice(0, 64) : undefined;
      rejected.push({ index, ...(clientEventId ? { clientEventId } : {}), ...outcome });
    }
  });
  return { valid, rejected };
}

function checkEvent(candidate: Record<string, unknown>, now: Date): { event: TrackEvent; occurredAt: Date } | Pick<RejectedEvent, 'code' | 'reason'> {
  // A type from a newer mini-program is told apart from a malformed event: the client may drop it for good.
  if (typeof candidate.type === 'string' && !TrackEventType.safeParse(candidate.type).success) {
    return { code: 'UNKNOWN_TYPE', reason: `未知的事件类型：${candidate.type.slice(0, 40)}` };
  }
  const parsed = TrackEvent.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : '(事件)';
    return { code: 'INVALID', reason: `${field}: ${issue.message}` };
  }
  const occurredAt = new Date(parsed.data.occurredAt);
  if (occurredAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) return { code: 'IN_FUTURE', reason: '事件时间晚于服务器时间 5 分钟以上，请检查设备时钟' };
  if (occurredAt.getTime() < now.getTime() - MAX_EVENT_AGE_MS) return { code: 'TOO_OLD', reason: '事件发生在 7 天以前，不再接收' };
  return { event: parsed.data, occurredAt };
}
