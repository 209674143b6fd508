import type { JourneyRepository } from './journey.repository';
import type { RollupRepository } from './rollup.repository';

export interface AnalyticsLayoutSources {
  journeys: Pick<JourneyRepository, 'hasLegacyJourneys'>;
  rollups: Pick<RollupRepository, 'monthsWithoutSummaries'>;
}

/**
 * Why the stored analytics predate how the dashboards read them, or null when they do not: journeys still in the
 * single collection of before the 64 buckets (read by nothing), or months of rollups without their day summaries
 * (an admin's overview and funnel would show them empty). Only a rebuild from the raw records fixes either.
 */
export async function outdatedAnalyticsLayout(sources: AnalyticsLayoutSources): Promise<string | null> {
  if (await sources.journeys.hasLegacyJourneys()) return 'journeys kept in the collection of before the buckets';
  const months = await sources.rollups.monthsWithoutSummaries();
  return months.length ? `rollups without day summaries for ${months.join(', ')}` : null;
}
