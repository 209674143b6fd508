import {
  AnalyticsDepartments,
  AnalyticsRefreshResult,
  ChurnRiskReport,
  ContentReport,
  DrillDownResult,
  FunnelReport,
  OverviewReport,
  ReferralTree,
  ReferralsReport,
  RfmReport,
  SalespeopleReport,
  SegmentView,
  type DrillDownQuery,
  type SaveSegmentRequest,
} from '@zhike/shared/analytics';
import { StagePipelineResponse, type StageDefinition } from '@zhike/shared/stages';
import { TagLibraryResponse, type CorpTagView } from '@zhike/shared/tags';
import { z } from 'zod';
import { getJson, postJson } from '../../lib/http';
import { sendJson } from '../../lib/http-write';
import { rangeSearch, type AnalyticsFilter } from './analytics-filter';
import { drillDownPath } from './drill-down/drill-down-path';

// Deleting answers something we do not read (the list drops the segment), so any JSON is fine.
const AnyBody = { parse: (input: unknown) => input };

/** The departments the viewer may filter by (a manager: the ones they lead; an admin: all, 0 = 无归属). */
export const fetchDepartments = () => getJson('/api/analytics/departments', AnalyticsDepartments);
export const fetchOverview = (filter: AnalyticsFilter) => getJson(`/api/analytics/overview?${rangeSearch(filter)}`, OverviewReport);
export const fetchFunnel = (filter: AnalyticsFilter) => getJson(`/api/analytics/funnel?${rangeSearch(filter)}`, FunnelReport);
export const fetchSalespeople = (filter: AnalyticsFilter) => getJson(`/api/analytics/salespeople?${rangeSearch(filter)}`, SalespeopleReport);
export const fetchContent = (filter: AnalyticsFilter) => getJson(`/api/analytics/content?${rangeSearch(filter)}`, ContentReport);
export const fetchReferrals = (filter: AnalyticsFilter) => getJson(`/api/analytics/referrals?${rangeSearch(filter)}`, ReferralsReport);
export const fetchReferralTree = (customerId: string) => getJson(`/api/analytics/referrals/tree/${encodeURIComponent(customerId)}`, ReferralTree);

/** RFM has no date range (it is "as of now"); the department still narrows it. */
export function fetchRfm(department: number | null): Promise<RfmReport> {
  return getJson(`/api/analytics/rfm${department === null ? '' : `?department=${department}`}`, RfmReport);
}

/** Everyone at risk the viewer may see (a salesperson: their own customers); the screen narrows by owner itself. */
export const fetchChurnRisk = (userid = '') => getJson(`/api/analytics/churn-risk${userid ? `?userid=${encodeURIComponent(userid)}` : ''}`, ChurnRiskReport);

/** Recomputes the snapshot (coverage, RFM, segment sizes, churn risk) now; admins only. */
export const recomputeSnapshot = () => postJson('/api/admin/analytics/refresh', {}, AnalyticsRefreshResult);

export const fetchSegments = () => getJson('/api/analytics/segments', z.array(SegmentView));

export function saveSegment(id: string | null, request: SaveSegmentRequest): Promise<SegmentView> {
  return id === null ? sendJson('POST', '/api/admin/segments', request, SegmentView) : sendJson('PUT', `/api/admin/segments/${encodeURIComponent(id)}`, request, SegmentView);
}

export async function deleteSegment(id: string): Promise<void> {
  await sendJson('DELETE', `/api/admin/segments/${encodeURIComponent(id)}`, undefined, AnyBody);
}

export const fetchDrillDown = (query: DrillDownQuery, page: number) => getJson(drillDownPath(query, { page }), DrillDownResult);

export async function fetchTagLibrary(): Promise<CorpTagView[]> {
  return (await getJson('/api/tags', TagLibraryResponse)).tags;
}

export async function fetchStagePipeline(): Promise<StageDefinition[]> {
  return (await getJson('/api/stages', StagePipelineResponse)).stages;
}
