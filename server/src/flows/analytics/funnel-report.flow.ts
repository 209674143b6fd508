import { FUNNEL_RULE, FUNNEL_STEPS, type AnalyticsRangeQuery, type FunnelReport, type FunnelStep, type FunnelStepFigures } from '@zhike/shared/analytics';
import { CHANNEL_LABELS, type FunnelChannelRollupDocument, type FunnelDayRollupDocument, type FunnelRollupDocument, type RollupRepository } from '../../modules/analytics';
import type { ChannelRepository } from '../../modules/channels';
import { addDays, mondayOf, previousPeriod } from './analytics-days';
import { inDepartments, type AnalyticsScope, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';
import { addHistogram, count, entry, medianOfHistogram, ratio } from './rollup-figures';

export interface FunnelReportDeps {
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  rollups: Pick<RollupRepository, 'readDays'>;
  channels: Pick<ChannelRepository, 'list'>;
}

const CHANNEL_PREFIX = 'channel:';
export const DELETED_CHANNEL_LABEL = '已删除渠道';

/** How a first-touch channel is shown: a 渠道活码 by its name (deleted ones keep theirs while the record lasts). */
export function channelLabel(channelKey: string, channelNames: Map<string, string>): string {
  if (channelKey.startsWith(CHANNEL_PREFIX)) return channelNames.get(channelKey.slice(CHANNEL_PREFIX.length)) ?? DELETED_CHANNEL_LABEL;
  return Object.hasOwn(CHANNEL_LABELS, channelKey) ? CHANNEL_LABELS[channelKey as keyof typeof CHANNEL_LABELS] : channelKey;
}

/** Each step's figures over a set of funnel rollup rows (one cohort, or one channel of it). */
export function stepFigures(rows: FunnelChannelRollupDocument[]): FunnelStepFigures[] {
  let previousReached = 0;
  return FUNNEL_STEPS.map((step, index) => {
    const reached = rows.reduce((sum, row) => sum + count(row.reached?.[step]), 0);
    const lags = new Map<number, number>();
    for (const row of rows) addHistogram(lags, row.lagHours?.[step]);
    const first = index === 0;
    const fromPrevious = first ? reached : rows.reduce((sum, row) => sum + count(row.fromPrevious?.[step]), 0);
    const figures = {
      step,
      reached,
      fromPrevious,
      conversionRate: first ? null : ratio(fromPrevious, previousReached),
      medianHoursFromPrevious: first ? null : medianOfHistogram(lags),
    };
    previousReached = reached;
    return figures;
  });
}

const entered = (rows: { entered: number }[]) => rows.reduce((sum, row) => sum + count(row.entered), 0);

/**
 * The funnel of the customers first touched in the range (the cohort), by the steps they have reached by now.
 * Cohort weeks cover whole weeks, so the day summaries read reach from the Monday of `from` (or the previous
 * period's start) to the Sunday after `to`.
 */
export class FunnelReportFlow {
  constructor(private readonly deps: FunnelReportDeps) {}

  async funnel(viewer: AnalyticsViewer, query: AnalyticsRangeQuery): Promise<FunnelReport> {
    const scope = await this.deps.scopes.resolve(viewer, query.department);
    const previous = previousPeriod(query);
    const firstWeek = mondayOf(query.from);
    const lastWeek = mondayOf(query.to);
    const readFrom = previous.from < firstWeek ? previous.from : firstWeek;
    const [inRange, days, channels] = await Promise.all([
      this.rowsInRange(scope, query),
      this.deps.rollups.readDays<FunnelDayRollupDocument>('funnel_days', readFrom, addDays(lastWeek, 6)),
      this.deps.channels.list(viewer.corpId, true),
    ]);
    const dayRows = days.filter((row) => inDepartments(scope, row.departmentId));
    const channelNames = new Map(channels.map((channel): [string, string] => [channel.id, channel.name]));

    const byChannel = new Map<string, FunnelChannelRollupDocument[]>();
    for (const row of inRange) entry(byChannel, row.channelKey, () => []).push(row);
    const byWeek = new Map<string, FunnelDayRollupDocument[]>();
    for (const row of dayRows) if (row.day >= firstWeek) entry(byWeek, mondayOf(row.day), () => []).push(row);
    const weeks: string[] = [];
    for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7)) weeks.push(week);

    return {
      range: { from: query.from, to: query.to },
      rule: FUNNEL_RULE,
      entered: { value: entered(inRange), previous: entered(dayRows.filter((row) => row.day >= previous.from && row.day <= previous.to)) },
      steps: stepFigures(inRange),
      byChannel: [...byChannel]
        .map(([channelKey, channelRows]) => ({ channelKey, label: channelLabel(channelKey, channelNames), entered: entered(channelRows), steps: stepFigures(channelRows) }))
        .sort((a, b) => b.entered - a.entered || a.channelKey.localeCompare(b.channelKey))
        .map(({ channelKey, label, steps }) => ({ channelKey, label, steps })),
      cohorts: weeks.map((week) => {
        const weekRows = byWeek.get(week) ?? [];
        const reached = Object.fromEntries(FUNNEL_STEPS.map((step) => [step, weekRows.reduce((sum, row) => sum + count(row.reached?.[step]), 0)])) as Record<FunnelStep, number>;
        return { week, entered: entered(weekRows), reached };
      }),
    };
  }

  /**
   * The cohort's rows with channels and times between steps: for the whole team the per-channel summaries (one
   * row per channel and day, where departments have one each), for departments their own rows.
   */
  private async rowsInRange(scope: AnalyticsScope, query: AnalyticsRangeQuery): Promise<FunnelChannelRollupDocument[]> {
    if (scope.departments === 'all') return this.deps.rollups.readDays<FunnelChannelRollupDocument>('funnel_channels', query.from, query.to);
    const rows = await this.deps.rollups.readDays<FunnelRollupDocument>('funnel', query.from, query.to);
    return rows.filter((row) => inDepartments(scope, row.departmentId));
  }
}
