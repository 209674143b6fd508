import Taro from '@tarojs/taro';
import { IngestEventsResponse, type IngestEventsRequest } from '@zhike/shared/events';
import type { EventTransport, SendOutcome } from './types';

const TIMEOUT_MS = 10_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: Record<string, string> | undefined, now = Date.now()): number | undefined {
  const value = Object.entries(header ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0);
}

/**
 * POST /api/events through Taro.request. Not lib/request: the sender needs the status and Retry-After of
 * a failure, not a message for the customer, and must never trigger a login of its own.
 */
export const taroTransport: EventTransport = {
  async send(events, token): Promise<SendOutcome> {
    const body: IngestEventsRequest = { events: events.map((event) => ({ ...event })) };
    let response: { statusCode: number; data: unknown; header?: Record<string, string> };
    try {
      response = await Taro.request({
        url: `${ZHIKE_API_BASE_URL}/api/events`,
        method: 'POST',
        data: body,
        header: { Authorization: `Bearer ${token}` },
        dataType: 'json',
        timeout: TIMEOUT_MS,
      });
    } catch {
      return { kind: 'failed' };
    }
    const { statusCode } = response;
    if (statusCode >= 200 && statusCode < 300) {
      const answer = IngestEventsResponse.safeParse(response.data);
      return answer.success ? { kind: 'answered', answer: answer.data } : { kind: 'failed' };
    }
    if (statusCode === 429) return { kind: 'rate_limited', retryAfterMs: retryAfterMs(response.header) };
    if (statusCode === 401) return { kind: 'unauthorized' };
    // 408 (timeout) and 404 (a server that has not shipped the endpoint yet) are worth trying again.
    if (statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 404) return { kind: 'refused', status: statusCode };
    return { kind: 'failed' };
  },
};
