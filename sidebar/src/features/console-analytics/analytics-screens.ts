/**
 * The analytics screens in one lazily loaded chunk: they share the filter bar, the drill-down and the tables,
 * and anything two chunks share moves into the `common` chunk every page loads up front. ECharts is not in
 * here either: charts/EChart.tsx loads it as a chunk of its own.
 */
export { default as OverviewScreen } from './overview/OverviewScreen';
export { default as SalespeopleScreen } from './salespeople/SalespeopleScreen';
export { default as ContentScreen } from './content/ContentScreen';
export { default as ReferralsScreen } from './referrals/ReferralsScreen';
export { default as SegmentsScreen } from './segments/SegmentsScreen';
export { default as ChurnScreen } from './churn/ChurnScreen';
