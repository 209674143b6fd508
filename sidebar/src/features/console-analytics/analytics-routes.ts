/** The console hash routes of the analytics sections (`#/analytics?from=…`), shared by the nav entries and the screens' links. */
export const ANALYTICS_ROUTES = {
  overview: 'analytics',
  salespeople: 'analytics-sales',
  content: 'analytics-content',
  referrals: 'analytics-referrals',
  segments: 'analytics-segments',
  churn: 'analytics-churn',
} as const;
export type AnalyticsRoute = (typeof ANALYTICS_ROUTES)[keyof typeof ANALYTICS_ROUTES];
