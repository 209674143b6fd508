import {
  AnalyticsDepartments,
  AnalyticsRangeQuery,
  ContentReport,
  DrillDownPage,
  DrillDownQuery,
  DrillDownResult,
  FunnelReport,
  OverviewReport,
  ReferralsReport,
  ReferralTree,
  SalespeopleReport,
} from '@zhike/shared/analytics';
import { z } from 'zod';
import { FileDownload, type ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { AnalyticsRebuildSummary } from '../../modules/analytics/analytics-rebuild';
import { selectableDepartments } from './analytics-departments';
import type { AnalyticsScopes, AnalyticsViewer } from './analytics-scope';
import type { ContentReportFlow } from './content-report.flow';
import type { DepartmentDirectory } from './department-directory';
import type { DrillDownFlow } from './drill-down.flow';
import type { FunnelReportFlow } from './funnel-report.flow';
import type { ReferralReportsFlow } from './referral-reports.flow';
import type { SalesReportsFlow } from './sales-reports.flow';

export interface AnalyticsRouteDeps {
  scopes: Pick<AnalyticsScopes, 'selectable'>;
  departments: Pick<DepartmentDirectory, 'all'>;
  sales: SalesReportsFlow;
  funnel: FunnelReportFlow;
  content: ContentReportFlow;
  referrals: ReferralReportsFlow;
  drillDown: DrillDownFlow;
  /** Recomputes every journey and rollup from the raw records (with live recording held meanwhile). */
  rebuild(): Promise<AnalyticsRebuildSummary>;
}

/** The drill-down's population plus its page and format (`format=csv`: every row, as a file). */
const [funnel, newContacts, lostContacts, paid, content, invitees, rfm, segment, churnRisk, uncovered] = DrillDownQuery.options;
const PAGE = DrillDownPage.shape;
const DrillDownRequest = z.discriminatedUnion('population', [
  funnel.extend(PAGE),
  newContacts.extend(PAGE),
  lostContacts.extend(PAGE),
  paid.extend(PAGE),
  content.extend(PAGE),
  invitees.extend(PAGE),
  rfm.extend(PAGE),
  segment.extend(PAGE),
  churnRisk.extend(PAGE),
  uncovered.extend(PAGE),
]);

const CSV = 'text/csv; charset=utf-8';

/** The manager console's dashboards (rollups only), the customers behind each figure, and the admin's rebuild. */
export function registerAnalyticsRoutes(api: ApiRouter, deps: AnalyticsRouteDeps): void {
  const rangeReport = <T>(path: string, summary: string, response: z.ZodType<T>, report: (viewer: AnalyticsViewer, query: AnalyticsRangeQuery) => Promise<T>) =>
    api.add({
      method: 'GET',
      path,
      access: 'manager',
      tag: 'analytics',
      summary,
      query: AnalyticsRangeQuery,
      response,
      handler: async ({ query, principal }) => report(staffPrincipal(principal), query),
    });
  rangeReport('/api/analytics/overview', 'Top KPIs against the previous period, and the daily trend', OverviewReport, (viewer, query) => deps.sales.overview(viewer, query));
  rangeReport('/api/analytics/funnel', 'The funnel of the customers first touched in the range: steps, conversion, median hours, channels, weekly cohorts', FunnelReport, (viewer, query) =>
    deps.funnel.funnel(viewer, query),
  );
  rangeReport('/api/analytics/salespeople', 'Per salesperson and department: contacts, coverage, content, orders, revenue, conversion, speed, churn', SalespeopleReport, (viewer, query) =>
    deps.sales.salespeople(viewer, query),
  );
  rangeReport('/api/analytics/content', 'Per script and poster: sends, opens, scans, contacts, orders and revenue attributed', ContentReport, (viewer, query) => deps.content.content(viewer, query));
  rangeReport('/api/analytics/referrals', 'Referral cohort figures against the previous period, and the top referrers', ReferralsReport, (viewer, query) => deps.referrals.referrals(viewer, query));

  api.add({
    method: 'GET',
    path: '/api/analytics/referrals/tree/:customerId',
    access: 'manager',
    tag: 'analytics',
    summary: "One customer's referral tree: the chain up to the root inviter, and everyone below (5 levels at most)",
    params: z.strictObject({ customerId: z.string().min(1).max(64) }),
    response: ReferralTree,
    handler: async ({ params, principal }) => deps.referrals.tree(staffPrincipal(principal), params.customerId),
  });

  api.add({
    method: 'GET',
    path: '/api/analytics/departments',
    access: 'manager',
    tag: 'analytics',
    summary: 'The departments the viewer may filter the console by',
    response: AnalyticsDepartments,
    handler: async ({ principal }) => selectableDepartments(deps, staffPrincipal(principal)),
  });

  api.add({
    method: 'GET',
    path: '/api/analytics/customers',
    access: 'manager',
    tag: 'analytics',
    summary: 'The customers behind a figure, read from the raw records: a page as JSON, or every row as CSV (format=csv)',
    query: DrillDownRequest,
    response: DrillDownResult,
    download: { contentType: CSV },
    handler: async ({ query, principal }) => {
      const viewer = staffPrincipal(principal);
      if (query.format === 'json') return deps.drillDown.page(viewer, query, query.page);
      const { bytes, filename } = await deps.drillDown.csv(viewer, query);
      return new FileDownload(bytes, CSV, filename);
    },
  });

  api.add({
    method: 'POST',
    path: '/api/admin/analytics/rebuild',
    access: 'admin',
    tag: 'analytics',
    summary: 'Recomputes every journey and rollup from the raw records (timeline, content touches, identities)',
    response: z.object({ entries: z.number(), touches: z.number(), journeys: z.number(), rollupRows: z.number(), referrers: z.number(), durationMs: z.number() }),
    handler: async () => deps.rebuild(),
  });
}
