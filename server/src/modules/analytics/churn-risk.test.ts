import { assessChurnRisk, churnRisk, type ChurnFacts } from './churn-risk';

const DAY = 86_400_000;
const firstActiveAt = new Date('2026-11-01T02:00:00Z');
/** Active on 5 distinct days over 12 days: one activity every 3 days. */
const lastActiveAt = new Date(firstActiveAt.getTime() + 12 * DAY);
const fit = { followsSalesperson: true, hasUnionId: true, phoneConsent: false, stage: 'new' }; // 10 + 8 = 18 points
const facts = (overrides: Partial<ChurnFacts['journey']> = {}, rest: Partial<Omit<ChurnFacts, 'journey'>> = {}): ChurnFacts => ({
  journey: { steps: { contact: firstActiveAt }, activeDays: 5, firstActiveAt, lastActiveAt, ...overrides },
  ownerFollows: true,
  // 40 engagement points at the last activity: 18 + 40 = 58 then.
  intent: { rollup: { refAt: lastActiveAt, value: 40, recent: [] }, fit },
  ...rest,
});
const silentFor = (days: number, hours = 3) => new Date(lastActiveAt.getTime() + days * DAY + hours * 3_600_000);

describe('assessChurnRisk', () => {
  it('lists a customer silent for 12 days who used to come every 3 days, with the score decayed over 12 days', () => {
    // 40 × ½^(12/7) = 40 × 0.3048 = 12.19 → 12 engagement points now: 18 + 12 = 30.
    expect(assessChurnRisk(facts(), silentFor(12, 0))).toEqual({
      lastActiveAt,
      usualGapDays: 3,
      silentDays: 12,
      scoreAtLastActive: 58,
      scoreNow: 30,
      // (12 − 2×3) / (2×3 + 7) = 6/13 = 46%
      risk: 46,
      reason: '平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 30',
    });
  });

  it('never judges a customer with only 2 active days, however long the silence', () => {
    expect(assessChurnRisk(facts({ activeDays: 2 }), silentFor(100))).toBeNull();
  });

  it('leaves alone a silence within twice the usual gap, or shorter than 7 days', () => {
    expect(assessChurnRisk(facts(), silentFor(6))).toBeNull(); // gap 3, silent 6: not more than 2 × 3
    // Every 2 days, silent 6: overdue for their rhythm but below the 7-day floor.
    const everyTwoDays = facts({ firstActiveAt: new Date(lastActiveAt.getTime() - 8 * DAY) });
    expect(assessChurnRisk(everyTwoDays, silentFor(6))).toBeNull();
    expect(assessChurnRisk(everyTwoDays, silentFor(7))).toMatchObject({ usualGapDays: 2, silentDays: 7, risk: 27 }); // 3/11
  });

  it('skips fans who are not contacts, contacts their owner no longer follows, and customers never active', () => {
    expect(assessChurnRisk(facts({ steps: { fan: firstActiveAt } }), silentFor(30))).toBeNull();
    expect(assessChurnRisk(facts({}, { ownerFollows: false }), silentFor(30))).toBeNull();
    expect(assessChurnRisk(facts({ activeDays: 0, firstActiveAt: undefined, lastActiveAt: undefined }), silentFor(30))).toBeNull();
  });

  it('shows the gap to one decimal and leaves the score out when it has nothing to lose', () => {
    // 5 active days over 10 days: every 2.5 days; no engagement ever, so the score (fit alone) did not fall.
    const row = assessChurnRisk(
      facts({ firstActiveAt: new Date(lastActiveAt.getTime() - 10 * DAY) }, { intent: { rollup: null, fit } }),
      silentFor(9),
    );
    expect(row).toMatchObject({ usualGapDays: 2.5, silentDays: 9, scoreAtLastActive: 18, scoreNow: 18, risk: 33 }); // 4/12
    expect(row?.reason).toBe('平均每 2.5 天活跃一次，已 9 天未活跃');
  });
});

describe('churnRisk', () => {
  it('grows with the silence, shrinks with the usual gap, and stays within 1–100', () => {
    expect(churnRisk(1, 7)).toBe(56); // 5/9
    expect(churnRisk(3, 12)).toBe(46);
    expect(churnRisk(3, 19)).toBe(100); // 13/13
    expect(churnRisk(3, 40)).toBe(100);
    expect(churnRisk(14, 30)).toBe(6); // 2/35
    expect(churnRisk(99.9, 200)).toBe(1); // 0.2/206.8 rounds to 0, but a listed customer is at some risk
  });
});
