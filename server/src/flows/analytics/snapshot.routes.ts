import { AnalyticsRefreshResult, ChurnRiskQuery, ChurnRiskReport, RfmQuery, RfmReport } from '@zhike/shared/analytics';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { SnapshotReportsFlow } from './snapshot-reports.flow';

/** RFM, churn risk and the snapshot's manual refresh. */
export function registerSnapshotRoutes(api: ApiRouter, reports: SnapshotReportsFlow): void {
  api.add({
    method: 'GET',
    path: '/api/analytics/rfm',
    access: 'manager',
    tag: 'analytics',
    summary: 'Buyers in the standard RFM cells, from the latest snapshot, within the departments the viewer may see',
    query: RfmQuery,
    response: RfmReport,
    handler: async ({ query, principal }) => reports.rfm(staffPrincipal(principal), query.department),
  });

  api.add({
    method: 'GET',
    path: '/api/analytics/churn-risk',
    access: 'salesperson',
    tag: 'analytics',
    summary: "Customers whose engagement is decaying, with the reason, most at risk first (a salesperson's own only)",
    query: ChurnRiskQuery,
    response: ChurnRiskReport,
    handler: async ({ query, principal }) => reports.churnRisk(staffPrincipal(principal), query.userid),
  });

  api.add({
    method: 'POST',
    path: '/api/admin/analytics/refresh',
    access: 'admin',
    tag: 'analytics',
    summary: 'Recomputes the snapshot now (coverage, RFM, segment sizes, churn risk) instead of at the next 10-minute run',
    response: AnalyticsRefreshResult,
    handler: async () => reports.refresh(),
  });
}
