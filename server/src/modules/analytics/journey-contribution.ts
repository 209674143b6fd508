import { FUNNEL_STEPS } from '@zhike/shared/analytics';
import { shanghaiDay } from '@zhike/shared/time';
import type { CustomerJourneyDocument, FunnelRollupKey, JourneyContribution, ReferralRollupKey } from './analytics.model';
import { addCounts, nonZero, type ReferrerIncrement, type RollupIncrement } from './rollup-increments';

const HOUR_MS = 3_600_000;

export const funnelRowId = (key: FunnelRollupKey) => `${key.day}|${key.channelKey}|${key.departmentId}`;
export const referralRowId = (key: ReferralRollupKey) => `${key.day}|${key.departmentId}`;

/** What one journey adds to the cohort rollups as it stands: its funnel row, its referral cohort row, its inviter's totals. */
export function contributionOf(journey: CustomerJourneyDocument): JourneyContribution {
  const contribution: JourneyContribution = {};
  if (journey.firstTouchAt) {
    const counts: Record<string, number> = { entered: 1 };
    FUNNEL_STEPS.forEach((step, index) => {
      const at = journey.steps[step];
      if (!at) return;
      counts[`reached.${step}`] = 1;
      const previousStep = index === 0 ? undefined : FUNNEL_STEPS[index - 1]!;
      if (!previousStep) {
        counts[`fromPrevious.${step}`] = 1;
        return;
      }
      const previous = journey.steps[previousStep];
      if (!previous) return;
      counts[`fromPrevious.${step}`] = 1;
      // Only customers who took the steps in order have a time between them.
      if (at >= previous) counts[`lagHours.${step}.${Math.floor((at.getTime() - previous.getTime()) / HOUR_MS)}`] = 1;
    });
    contribution.funnel = { key: { day: shanghaiDay(journey.firstTouchAt), channelKey: journey.channelKey, departmentId: journey.departmentId }, counts };
  }
  if (journey.referrerId && journey.referredAt) {
    const activated = journey.activatedAt ? 1 : 0;
    const converted = journey.paidOrders > 0 ? 1 : 0;
    contribution.referralCohort = { key: { day: shanghaiDay(journey.referredAt), departmentId: journey.departmentId }, counts: { invited: 1, activated, converted } };
    contribution.referrer = {
      inviterId: journey.referrerId,
      ...(journey.referrerName ? { name: journey.referrerName } : {}),
      counts: { invited: 1, activated, converted, revenueFen: journey.netRevenueFen },
    };
  }
  return contribution;
}

export interface ContributionChange {
  rollups: RollupIncrement[];
  referrers: ReferrerIncrement[];
}

/**
 * What to add to the rollups when a journey's contribution goes from `before` to `after`: the new rows'
 * counts minus the old rows' counts, merged where the rows are the same; rows left with nothing are omitted.
 */
export function contributionChange(before: JourneyContribution | undefined, after: JourneyContribution): ContributionChange {
  const rollups = new Map<string, RollupIncrement>();
  const referrers = new Map<string, ReferrerIncrement>();
  const add = (contribution: JourneyContribution | undefined, sign: number) => {
    if (contribution?.funnel) {
      const { key, counts } = contribution.funnel;
      addRow(rollups, { family: 'funnel', id: funnelRowId(key), keyFields: { ...key }, counts: {} }, counts, sign);
    }
    if (contribution?.referralCohort) {
      const { key, counts } = contribution.referralCohort;
      addRow(rollups, { family: 'referrals', id: referralRowId(key), keyFields: { ...key }, counts: {} }, counts, sign);
    }
    if (contribution?.referrer) {
      const { inviterId, name, counts } = contribution.referrer;
      const row = referrers.get(inviterId) ?? { inviterId, counts: {} };
      if (sign > 0 && name) row.name = name;
      addCounts(row.counts, counts, sign);
      referrers.set(inviterId, row);
    }
  };
  add(after, 1);
  add(before, -1);
  return {
    rollups: [...rollups.values()].map((row) => ({ ...row, counts: nonZero(row.counts) })).filter((row) => Object.keys(row.counts).length > 0),
    // A row whose counts cancel out still carries a name the inviter's totals may not have yet.
    referrers: [...referrers.values()].map((row) => ({ ...row, counts: nonZero(row.counts) })).filter((row) => Object.keys(row.counts).length > 0 || row.name),
  };
}

function addRow(rows: Map<string, RollupIncrement>, empty: RollupIncrement, counts: Record<string, number>, sign: number): void {
  const key = `${empty.family}|${empty.id}`;
  const row = rows.get(key) ?? empty;
  addCounts(row.counts, counts, sign);
  rows.set(key, row);
}
