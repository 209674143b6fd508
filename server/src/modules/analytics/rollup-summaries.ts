import type { RollupIncrement } from './rollup-increments';

const onlyCounts = (counts: Record<string, number>, keep: (path: string) => boolean) => Object.fromEntries(Object.entries(counts).filter(([path]) => keep(path)));

/**
 * The summary rows an increment to a funnel or sales row also adds to (see SummaryRollupFamily): the day's
 * sales of the whole team, the day's funnel counts per department, and the day's funnel per channel across
 * departments. Deriving them here, from the increment itself, keeps each summary equal to the sum of its rows.
 */
export function summariesOf(increment: RollupIncrement): RollupIncrement[] {
  const { day } = increment.keyFields;
  switch (increment.family) {
    case 'sales':
      return [{ family: 'sales_days', id: String(day), keyFields: { day: day! }, counts: onlyCounts(increment.counts, (path) => !path.startsWith('daysToFirstOrder.')) }];
    case 'funnel': {
      const { channelKey, departmentId } = increment.keyFields;
      return [
        {
          family: 'funnel_days',
          id: `${day}|${departmentId}`,
          keyFields: { day: day!, departmentId: departmentId! },
          counts: onlyCounts(increment.counts, (path) => path === 'entered' || path.startsWith('reached.')),
        },
        { family: 'funnel_channels', id: `${day}|${channelKey}`, keyFields: { day: day!, channelKey: channelKey! }, counts: { ...increment.counts } },
      ];
    }
    default:
      return [];
  }
}
