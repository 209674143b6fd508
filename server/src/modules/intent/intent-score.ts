import type { CustomerIntentResponse, IntentLevel, TrackEvent } from '@zhike/shared/events';

/** An action's weight halves every week: last week's browsing counts half as much as today's. */
export const HALF_LIFE_MS = 7 * 24 * 60 * 60 * 1000;
/** Engagement can make at most 70 of the 100 points; the rest is fit, so a busy browser is not "sure to buy". */
export const ENGAGEMENT_CAP = 70;
/** How many recent contributions the rollup keeps to explain the score (older ones have decayed anyway). */
export const RECENT_KEPT = 30;
const TOP_CONTRIBUTORS = 5;

/** One action's part of the engagement, before decay. */
export interface Contribution {
  /** The event it came from (customerId-scoped clientEventId), so an explanation can point at it. */
  key: string;
  summary: string;
  points: number;
  at: Date;
}

/**
 * Engagement as one number decayed to `refAt`, updated incrementally: value(t) = value · ½^((t − refAt)/H).
 * Adding an action decays the stored value to the newer reference time and adds the action's decayed points.
 */
export interface EngagementRollup {
  refAt: Date;
  value: number;
  recent: Contribution[];
}

/** Facts about the customer that make a purchase likelier, whatever they did lately. */
export interface FitFacts {
  hasUnionId: boolean;
  /** Tapped the official getPhoneNumber button (not collected yet: always false until it is). */
  phoneConsent: boolean;
  followsSalesperson: boolean;
  stage: string;
}

const STAGE_FIT: Record<string, number> = { contacted: 2, interested: 5, won: 5, repeat: 5 };
const STAGE_NAMES: Record<string, string> = { contacted: '已初步沟通', interested: '处于意向阶段', won: '已成交', repeat: '已复购' };

export function decayFactor(ageMs: number, halfLifeMs = HALF_LIFE_MS): number {
  // An event a little ahead of the server clock counts as now, never more than its points.
  return 0.5 ** (Math.max(0, ageMs) / halfLifeMs);
}

const quoted = (event: TrackEvent) => `《${event.target?.title ?? event.target?.id ?? event.page}》`;

/** What an action is worth and how it reads; exposures (a product scrolled past) are not worth anything. */
export function contributionOf(event: TrackEvent): Omit<Contribution, 'key' | 'at'> | null {
  const kind = event.target?.kind;
  switch (event.type) {
    case 'page_view':
      if (kind === 'product') return { points: 3, summary: `浏览了${quoted(event)}` };
      if (kind === 'article') return { points: 2, summary: `阅读了${quoted(event)}` };
      if (kind === 'poster') return { points: 2, summary: `打开了海报${quoted(event)}` };
      return { points: 1, summary: `访问了${quoted(event)}` };
    case 'page_leave': {
      // Dwell on a product or an article is interest; dwell elsewhere (the home page left open) is not.
      const seconds = Math.round((event.durationMs ?? 0) / 1000);
      if ((kind !== 'product' && kind !== 'article') || seconds < 30) return null;
      return { points: seconds >= 120 ? 4 : 2, summary: `在${quoted(event)}停留了 ${seconds} 秒` };
    }
    case 'share':
      return { points: 6, summary: `分享了${quoted(event)}` };
    case 'tap':
      return { points: 1, summary: `点击了${quoted(event)}` };
    case 'exposure':
      return null;
  }
}

export function addToRollup(rollup: EngagementRollup | null, contributions: Contribution[], halfLifeMs = HALF_LIFE_MS): EngagementRollup {
  const start = rollup ?? { refAt: new Date(0), value: 0, recent: [] };
  if (contributions.length === 0) return start;
  const refAt = new Date(Math.max(start.refAt.getTime(), ...contributions.map((c) => c.at.getTime())));
  const value =
    start.value * decayFactor(refAt.getTime() - start.refAt.getTime(), halfLifeMs) +
    contributions.reduce((sum, c) => sum + c.points * decayFactor(refAt.getTime() - c.at.getTime(), halfLifeMs), 0);
  const recent = [...contributions, ...start.recent].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, RECENT_KEPT);
  return { refAt, value, recent };
}

export function fitOf(facts: FitFacts): { fit: number; reasons: { reason: string; points: number }[] } {
  const reasons = [
    ...(facts.followsSalesperson ? [{ reason: '已添加销售的企业微信', points: 10 }] : []),
    ...(facts.hasUnionId ? [{ reason: '小程序与企业微信身份已打通', points: 8 }] : []),
    ...(facts.phoneConsent ? [{ reason: '授权了手机号', points: 7 }] : []),
    ...(STAGE_FIT[facts.stage] ? [{ reason: STAGE_NAMES[facts.stage]!, points: STAGE_FIT[facts.stage]! }] : []),
  ];
  return { fit: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

export function levelOf(score: number): IntentLevel {
  return score >= 60 ? '高' : score >= 30 ? '中' : '低';
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The score at `now`, with what made it: engagement decayed to now (capped), fit, and the top actions. */
export function intentScore(rollup: EngagementRollup | null, facts: FitFacts, now: Date, halfLifeMs = HALF_LIFE_MS): CustomerIntentResponse {
  const engagementNow = rollup ? rollup.value * decayFactor(now.getTime() - rollup.refAt.getTime(), halfLifeMs) : 0;
  const engagement = Math.min(ENGAGEMENT_CAP, Math.round(engagementNow));
  const { fit, reasons } = fitOf(facts);
  const score = Math.min(100, engagement + fit);
  const topContributors = (rollup?.recent ?? [])
    .map((c) => ({ summary: c.summary, points: oneDecimal(c.points * decayFactor(now.getTime() - c.at.getTime(), halfLifeMs)), at: c.at.toISOString() }))
    .filter((c) => c.points > 0)
    .sort((a, b) => b.points - a.points || Date.parse(b.at) - Date.parse(a.at))
    .slice(0, TOP_CONTRIBUTORS);
  return { score, level: levelOf(score), engagement, fit, fitReasons: reasons, topContributors, halfLifeDays: halfLifeMs / 86_400_000 };
}
