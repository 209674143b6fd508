import { checkEvents } from './event-validation';

const NOW = new Date('2026-05-20T08:00:00.000Z');
const event = (overrides: Record<string, unknown> = {}) => ({
  clientEventId: 'evt-00000001',
  type: 'page_view',
  sessionId: 'session-0001',
  page: 'pages/product/detail',
  occurredAt: '2026-05-20T07:59:00.000Z',
  target: { kind: 'product', id: 'p1', title: '精华护肤套装' },
  ...overrides,
});

describe('checkEvents', () => {
  it('accepts a well-formed event and keeps its batch position', () => {
    const { valid, rejected } = checkEvents([event()], NOW);
    expect(rejected).toEqual([]);
    expect(valid.map((v) => [v.index, v.event.clientEventId, v.occurredAt.toISOString()])).toEqual([[0, 'evt-00000001', '2026-05-20T07:59:00.000Z']]);
  });

  it('answers each reject code with the event it is about, and keeps the valid ones', () => {
    const { valid, rejected } = checkEvents(
      [
        event({ clientEventId: 'evt-unknown-1', type: 'purchase' }),
        event({ clientEventId: 'evt-future-01', occurredAt: '2026-05-20T08:05:01.000Z' }),
        event({ clientEventId: 'evt-old-00001', occurredAt: '2026-05-13T07:59:59.000Z' }),
        event({ clientEventId: 'evt-bad-page1', page: '/pages/../etc' }),
        event({ clientEventId: 'evt-extra-001', openid: 'o_someone_else' }),
        event({ clientEventId: 'evt-ok-000001', occurredAt: '2026-05-20T08:05:00.000Z' }),
        event({ clientEventId: 'evt-ok-000002', occurredAt: '2026-05-13T08:00:00.000Z' }),
      ],
      NOW,
    );
    expect(rejected).toEqual([
      { index: 0, clientEventId: 'evt-unknown-1', code: 'UNKNOWN_TYPE', reason: '未知的事件类型：purchase' },
      { index: 1, clientEventId: 'evt-future-01', code: 'IN_FUTURE', reason: '事件时间晚于服务器时间 5 分钟以上，请检查设备时钟' },
      { index: 2, clientEventId: 'evt-old-00001', code: 'TOO_OLD', reason: '事件发生在 7 天以前，不再接收' },
      { index: 3, clientEventId: 'evt-bad-page1', code: 'INVALID', reason: expect.stringMatching(/^page: /) },
      // No openid (or any other identity) can ride along: the session alone says whose event it is.
      { index: 4, clientEventId: 'evt-extra-001', code: 'INVALID', reason: expect.stringContaining('openid') },
    ]);
    expect(valid.map((v) => v.index)).toEqual([5, 6]);
  });

  it('reports a missing type or id as INVALID, without an id it cannot trust', () => {
    const { rejected } = checkEvents([{ type: 'page_view' }, { clientEventId: 42, type: 'share' }], NOW);
    expect(rejected.map((r) => [r.index, r.code, r.clientEventId])).toEqual([
      [0, 'INVALID', undefined],
      [1, 'INVALID', undefined],
    ]);
  });
});
