import { SegmentRules } from '@zhike/shared/analytics';
import { matchesSegment, segmentSummary, type SegmentFacts } from './segment-rules';

const asOf = new Date('2026-11-30T04:00:00Z');
const daysAgo = (days: number, hours = 0) => new Date(asOf.getTime() - days * 86_400_000 - hours * 3_600_000);
const customer = (overrides: Partial<SegmentFacts> = {}): SegmentFacts => ({
  tagIds: ['et_level_a', 'local_vip'],
  stage: 'interested',
  score: 60,
  lastActiveAt: daysAgo(29, 23),
  paidOrders: 0,
  ...overrides,
});

describe('matchesSegment', () => {
  it('needs any one of the tags, from WeCom or local-only', () => {
    expect(matchesSegment({ tagIds: ['et_level_b', 'local_vip'] }, customer(), asOf)).toBe(true);
    expect(matchesSegment({ tagIds: ['et_level_b'] }, customer(), asOf)).toBe(false);
    expect(matchesSegment({ tagIds: ['et_level_a'] }, customer({ tagIds: [] }), asOf)).toBe(false);
  });

  it('needs every rule given to hold', () => {
    const rules = { tagIds: ['et_level_a'], stages: ['interested', 'won'], minScore: 60, activeWithinDays: 30 };
    expect(matchesSegment(rules, customer(), asOf)).toBe(true);
    expect(matchesSegment(rules, customer({ stage: 'new' }), asOf)).toBe(false);
    expect(matchesSegment(rules, customer({ score: 59 }), asOf)).toBe(false);
  });

  it('includes both ends of a score range', () => {
    const range = { minScore: 40, maxScore: 60 };
    expect([39, 40, 60, 61].map((score) => matchesSegment(range, customer({ score }), asOf))).toEqual([false, true, true, false]);
  });

  it('counts activity in whole days: 29 days 23 hours is within 30 days, 30 days is not', () => {
    expect(matchesSegment({ activeWithinDays: 30 }, customer(), asOf)).toBe(true);
    expect(matchesSegment({ activeWithinDays: 30 }, customer({ lastActiveAt: daysAgo(30) }), asOf)).toBe(false);
    expect(matchesSegment({ activeWithinDays: 30 }, customer({ lastActiveAt: undefined }), asOf)).toBe(false);
    expect(matchesSegment({ inactiveForDays: 30 }, customer(), asOf)).toBe(false);
    expect(matchesSegment({ inactiveForDays: 30 }, customer({ lastActiveAt: daysAgo(30) }), asOf)).toBe(true);
    expect(matchesSegment({ inactiveForDays: 30 }, customer({ lastActiveAt: undefined }), asOf)).toBe(true); // never active
  });

  it('tells buyers from customers without a paid order', () => {
    expect(matchesSegment({ hasOrdered: true }, customer({ paidOrders: 1 }), asOf)).toBe(true);
    expect(matchesSegment({ hasOrdered: true }, customer(), asOf)).toBe(false);
    expect(matchesSegment({ hasOrdered: false }, customer(), asOf)).toBe(true);
  });
});

describe('segmentSummary', () => {
  const names = {
    tags: new Map([
      ['et_level_a', 'A类客户'],
      ['local_vip', 'VIP'],
    ]),
    stages: new Map([
      ['interested', '意向'],
      ['won', '成交'],
    ]),
  };

  it('reads the rules in one Chinese line, in a fixed order', () => {
    expect(segmentSummary({ activeWithinDays: 30, minScore: 60, tagIds: ['et_level_a', 'local_vip'] }, names)).toBe('标签：A类客户 或 VIP；意向分 ≥ 60；30 天内活跃');
    expect(segmentSummary({ stages: ['interested', 'won'], minScore: 40, maxScore: 80, hasOrdered: false }, names)).toBe('阶段：意向 或 成交；意向分 40–80；未下单');
    expect(segmentSummary({ maxScore: 20, inactiveForDays: 60, hasOrdered: true }, names)).toBe('意向分 ≤ 20；至少 60 天未活跃；已下单');
  });

  it('shows the id of a tag that no longer has a name', () => {
    expect(segmentSummary({ tagIds: ['et_gone'] }, names)).toBe('标签：et_gone');
  });
});

describe('SegmentRules (the shared schema the routes validate with)', () => {
  const issues = (rules: object) => {
    const parsed = SegmentRules.safeParse(rules);
    return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('refuses rules that can match nobody or everybody', () => {
    expect(issues({})).toEqual([['tagIds', '至少设置一个条件']]);
    expect(issues({ tagIds: [] })).toEqual([['tagIds', '至少设置一个条件']]);
    expect(issues({ minScore: 70, maxScore: 30 })).toEqual([['minScore', '最低分不能高于最高分']]);
    expect(issues({ activeWithinDays: 7, inactiveForDays: 30 })).toEqual([['inactiveForDays', '“近期活跃”和“沉默”不能同时设置']]);
  });
});
