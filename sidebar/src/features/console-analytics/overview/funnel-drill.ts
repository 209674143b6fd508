import type { DrillDownQuery, FunnelStep } from '@zhike/shared/analytics';
import type { AnalyticsFilter } from '../analytics-filter';

/** The customers of the range's cohort (first touch in it) who reached `step`, optionally of one channel. */
export function funnelDrill(range: Pick<AnalyticsFilter, 'from' | 'to' | 'department'>, step: FunnelStep, channelKey?: string): Extract<DrillDownQuery, { population: 'funnel' }> {
  return {
    population: 'funnel',
    from: range.from,
    to: range.to,
    step,
    ...(channelKey === undefined ? {} : { channelKey }),
    ...(range.department === null ? {} : { department: range.department }),
  };
}
