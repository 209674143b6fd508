import { intentScore, type EngagementRollup, type FitFacts } from '../intent';
import type { CustomerJourneyDocument } from './analytics.model';
import { wholeDaysBetween } from './rfm';

const DAY_MS = 86_400_000;
/** Fewer active days give no rhythm to judge against. */
export const CHURN_MIN_ACTIVE_DAYS = 3;
/** Silence shorter than this is never a risk, however regular the customer was. */
export const CHURN_MIN_SILENT_DAYS = 7;

export interface ChurnFacts {
  journey: Pick<CustomerJourneyDocument, 'steps' | 'activeDays' | 'firstActiveAt' | 'lastActiveAt'>;
  /** The customer's owner still follows them (a contact who deleted the owner is churned, not at risk). */
  ownerFollows: boolean;
  intent: { rollup: EngagementRollup | null; fit: FitFacts };
}

export interface ChurnAssessment {
  lastActiveAt: Date;
  usualGapDays: number;
  silentDays: number;
  scoreAtLastActive: number;
  scoreNow: number;
  risk: number;
  reason: string;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * How overdue the customer is against their own rhythm, 1–100: the silence beyond twice the usual gap, over
 * (twice the gap + 7 days). It grows with the silence and shrinks with the gap, so a daily visitor silent for
 * a week (56) ranks above a fortnightly one silent for 30 days (6); 100 once the overdue part reaches the
 * denominator.
 */
export function churnRisk(usualGapDays: number, silentDays: number): number {
  const overdue = silentDays - 2 * usualGapDays;
  return Math.max(1, Math.min(100, Math.round((100 * overdue) / (2 * usualGapDays + CHURN_MIN_SILENT_DAYS))));
}

/** The assessment for a customer at risk, or null: not a followed contact, too few active days, or not overdue. */
export function assessChurnRisk({ journey, ownerFollows, intent }: ChurnFacts, asOf: Date): ChurnAssessment | null {
  const { firstActiveAt, lastActiveAt, activeDays } = journey;
  if (!journey.steps.contact || !ownerFollows || activeDays < CHURN_MIN_ACTIVE_DAYS || !firstActiveAt || !lastActiveAt) return null;
  const usualGapDays = oneDecimal((lastActiveAt.getTime() - firstActiveAt.getTime()) / DAY_MS / (activeDays - 1));
  const silentDays = wholeDaysBetween(lastActiveAt, asOf);
  if (silentDays <= 2 * usualGapDays || silentDays < CHURN_MIN_SILENT_DAYS) return null;
  const { rollup, fit } = intent;
  const scoreAtLastActive = intentScore(rollup, fit, rollup?.refAt ?? lastActiveAt).score;
  const scoreNow = intentScore(rollup, fit, asOf).score;
  const fell = scoreNow < scoreAtLastActive ? `；意向分从 ${scoreAtLastActive} 降到 ${scoreNow}` : '';
  return {
    lastActiveAt,
    usualGapDays,
    silentDays,
    scoreAtLastActive,
    scoreNow,
    risk: churnRisk(usualGapDays, silentDays),
    reason: `平均每 ${usualGapDays} 天活跃一次，已 ${silentDays} 天未活跃${fell}`,
  };
}
