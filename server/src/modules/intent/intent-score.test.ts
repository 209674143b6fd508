import type { TrackEvent } from '@zhike/shared/events';
import { addToRollup, contributionOf, decayFactor, HALF_LIFE_MS, intentScore, levelOf, type Contribution } from './intent-score';

const T0 = new Date('2026-05-01T00:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const contribution = (points: number, at: Date, summary = `+${points}`): Contribution => ({ key: summary, summary, points, at });
const NO_FIT = { hasUnionId: false, phoneConsent: false, followsSalesperson: false, stage: 'new' };

describe('decayFactor', () => {
  it('is 1 at once, ½ after one half-life (7 days), ¼ after two, and never above 1 for a clock slightly ahead', () => {
    expect(decayFactor(0)).toBe(1);
    expect(decayFactor(HALF_LIFE_MS)).toBe(0.5);
    expect(decayFactor(2 * HALF_LIFE_MS)).toBe(0.25);
    expect(decayFactor(HALF_LIFE_MS / 2)).toBeCloseTo(0.7071, 4);
    expect(decayFactor(-60_000)).toBe(1);
  });
});

describe('addToRollup', () => {
  it('decays what was there to the newest action and adds the new points', () => {
    const first = addToRollup(null, [contribution(3, T0)]);
    expect({ refAt: first.refAt, value: first.value }).toEqual({ refAt: T0, value: 3 });
    const second = addToRollup(first, [contribution(6, days(7))]);
    // 3 decayed over one half-life is 1.5, plus 6 fresh
    expect({ refAt: second.refAt, value: second.value }).toEqual({ refAt: days(7), value: 7.5 });
  });

  it('adds a late-arriving older action at its decayed worth without moving the reference time', () => {
    const rollup = addToRollup(null, [contribution(4, days(14))]);
    const withLate = addToRollup(rollup, [contribution(4, days(0))]);
    expect({ refAt: withLate.refAt, value: withLate.value }).toEqual({ refAt: days(14), value: 5 }); // 4 + 4·¼
    expect(withLate.recent.map((c) => c.at)).toEqual([days(14), days(0)]);
  });

  it('is the same in one batch as in two', () => {
    const together = addToRollup(null, [contribution(3, T0), contribution(6, days(7))]);
    expect(together.value).toBe(7.5);
  });
});

describe('intentScore', () => {
  it('explains itself: engagement decayed to now, fit with reasons, the top actions with their worth now', () => {
    const rollup = addToRollup(null, [contribution(3, T0, '浏览了《精华护肤套装》'), contribution(6, days(7), '分享了《精华护肤套装》')]);
    const facts = { hasUnionId: true, phoneConsent: false, followsSalesperson: true, stage: 'interested' };
    expect(intentScore(rollup, facts, days(14))).toEqual({
      score: 27, // engagement 7.5·½ = 3.75 → 4, fit 10 + 8 + 5 = 23
      level: '低',
      engagement: 4,
      fit: 23,
      fitReasons: [
        { reason: '已添加销售的企业微信', points: 10 },
        { reason: '小程序与企业微信身份已打通', points: 8 },
        { reason: '处于意向阶段', points: 5 },
      ],
      topContributors: [
        { summary: '分享了《精华护肤套装》', points: 3, at: days(7).toISOString() },
        { summary: '浏览了《精华护肤套装》', points: 0.8, at: T0.toISOString() }, // 3·¼ = 0.75
      ],
      halfLifeDays: 7,
    });
  });

  it('caps engagement at 70 and the score at 100; a customer who never acted has fit only', () => {
    const busy = addToRollup(null, Array.from({ length: 30 }, (_, i) => contribution(6, T0, `share ${i}`)));
    const full = { hasUnionId: true, phoneConsent: true, followsSalesperson: true, stage: 'won' };
    expect(intentScore(busy, full, T0)).toMatchObject({ score: 100, level: '高', engagement: 70, fit: 30 });
    expect(intentScore(busy, full, T0).topContributors).toHaveLength(5);
    expect(intentScore(null, NO_FIT, T0)).toMatchObject({ score: 0, level: '低', engagement: 0, fit: 0, topContributors: [] });
  });

  it('draws the levels at 60 and 30', () => {
    expect([levelOf(60), levelOf(59), levelOf(30), levelOf(29)]).toEqual(['高', '中', '中', '低']);
  });
});

describe('contributionOf', () => {
  const base = { clientEventId: 'evt-00000001', sessionId: 'session-0001', page: 'pages/product/detail', occurredAt: T0.toISOString() };
  const product = { kind: 'product' as const, id: 'p1', title: '精华护肤套装' };
  it('weighs actions by how much they say about buying', () => {
    const of = (event: Omit<TrackEvent, 'clientEventId' | 'sessionId' | 'page' | 'occurredAt'>) => contributionOf({ ...base, ...event });
    expect(of({ type: 'page_view', target: product })).toEqual({ points: 3, summary: '浏览了《精华护肤套装》' });
    expect(of({ type: 'page_view', target: { kind: 'article', id: 'a1', title: '秋冬护肤' } })).toEqual({ points: 2, summary: '阅读了《秋冬护肤》' });
    expect(of({ type: 'share', target: product, shareChannel: 'chat' })).toEqual({ points: 6, summary: '分享了《精华护肤套装》' });
    expect(of({ type: 'page_leave', target: product, durationMs: 45_000 })).toEqual({ points: 2, summary: '在《精华护肤套装》停留了 45 秒' });
    expect(of({ type: 'page_leave', target: product, durationMs: 150_000 })).toEqual({ points: 4, summary: '在《精华护肤套装》停留了 150 秒' });
    expect(of({ type: 'page_leave', target: product, durationMs: 10_000 })).toBeNull();
    expect(of({ type: 'exposure', target: product })).toBeNull();
  });
});
