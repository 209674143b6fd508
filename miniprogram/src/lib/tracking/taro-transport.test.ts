import { ok, serveApi } from '../../test/api';
import taro, { resetTaro } from '../../test/taro';
import { retryAfterMs, taroTransport } from './taro-transport';
import type { TrackEvent } from './types';

const event: TrackEvent = { clientEventId: 'evt-00000001', type: 'page_view', sessionId: 'ses-00000001', page: 'pages/index/index', occurredAt: '2026-11-25T10:00:00.000Z' };

describe('taroTransport', () => {
  beforeEach(resetTaro);

  it('posts the batch with the Bearer token and reads the per-event answer', async () => {
    serveApi({ 'POST /api/events': () => ok({ accepted: ['evt-00000001'], duplicates: [], rejected: [] }) });
    await expect(taroTransport.send([event], 'tok')).resolves.toEqual({ kind: 'answered', answer: { accepted: ['evt-00000001'], duplicates: [], rejected: [] } });
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', data: { events: [event] }, header: { Authorization: 'Bearer tok' } }));
  });

  it.each([
    [{ statusCode: 429, data: {}, header: { 'Retry-After': '12' } }, { kind: 'rate_limited', retryAfterMs: 12_000 }],
    [{ statusCode: 401, data: {} }, { kind: 'unauthorized' }],
    [{ statusCode: 413, data: {} }, { kind: 'refused', status: 413 }],
    [{ statusCode: 400, data: {} }, { kind: 'refused', status: 400 }],
    [{ statusCode: 404, data: {} }, { kind: 'failed' }],
    [{ statusCode: 503, data: {} }, { kind: 'failed' }],
    [{ statusCode: 200, data: { nonsense: true } }, { kind: 'failed' }],
  ])('maps %o to %o', async (response, outcome) => {
    taro.request.mockResolvedValue(response);
    await expect(taroTransport.send([event], 'tok')).resolves.toEqual(outcome);
  });

  it('reports a network failure as failed, never throwing', async () => {
    taro.request.mockRejectedValue(new Error('offline'));
    await expect(taroTransport.send([event], 'tok')).resolves.toEqual({ kind: 'failed' });
  });

  it('reads Retry-After in seconds or as a date, whatever its case', () => {
    expect(retryAfterMs({ 'retry-after': '3' })).toBe(3_000);
    expect(retryAfterMs({ 'Retry-After': 'Wed, 25 Nov 2026 10:00:30 GMT' }, Date.parse('2026-11-25T10:00:00Z'))).toBe(30_000);
    expect(retryAfterMs({ 'Retry-After': 'soon' })).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
