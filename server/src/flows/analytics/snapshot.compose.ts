import type { Connection } from 'mongoose';
import type { Logger } from '../../platform/logging/logger';
import { AnalyticsSnapshotJob, ChurnRiskRepository, SegmentRepository, SnapshotRepository, type JourneyRepository } from '../../modules/analytics';
import type { CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { IntentRollupRepository } from '../../modules/intent';
import type { StaffService } from '../../modules/staff';
import type { StagePipelineService } from '../../modules/stages';
import type { CorpTagRepository } from '../../modules/tags';
import type { AnalyticsScopes } from './analytics-scope';
import type { DrillDownFlow } from './drill-down.flow';
import { snapshotDrillDownSources } from './segment-drill-down';
import { SegmentsFlow } from './segments.flow';
import { SnapshotReportsFlow } from './snapshot-reports.flow';

export interface SnapshotAnalyticsSources {
  connection: Connection;
  corpId: string;
  log: Logger;
  journeys: JourneyRepository;
  scopes: AnalyticsScopes;
  /** The snapshot's populations (rfm, segment, churn_risk, uncovered) are registered on it. */
  drillDown: Pick<DrillDownFlow, 'register'>;
  customers: CustomerRepository;
  follows: FollowRepository;
  intent: IntentRollupRepository;
  staff: StaffService;
  tags: CorpTagRepository;
  pipeline: Pick<StagePipelineService, 'labels'>;
}

export interface SnapshotRouteDeps {
  segments: SegmentsFlow;
  reports: SnapshotReportsFlow;
}

export interface SnapshotAnalytics {
  /** Start it once the server listens (main.ts); tests call `refresh()` instead. */
  job: AnalyticsSnapshotJob;
  /** For the customer 360's churn-risk line. */
  churnRisks: ChurnRiskRepository;
  routes: SnapshotRouteDeps;
}

/** The periodic snapshot and what reads it: RFM, segments, churn risk, and their customer lists. */
export function composeSnapshotAnalytics(sources: SnapshotAnalyticsSources): SnapshotAnalytics {
  const { connection, corpId, journeys, scopes, staff } = sources;
  const snapshots = new SnapshotRepository(connection);
  const churnRisks = new ChurnRiskRepository(connection);
  const segmentRecords = new SegmentRepository(connection);
  const facts = { follows: sources.follows, customers: sources.customers, intent: sources.intent };
  const job = new AnalyticsSnapshotJob({
    corpId,
    journeys,
    facts,
    segments: segmentRecords,
    snapshots,
    churnRisks,
    customers: sources.customers,
    staff,
    ownerGroups: (corp) => scopes.ownerGroups(corp),
    log: sources.log,
  });
  const segments = new SegmentsFlow({
    segments: segmentRecords,
    snapshots,
    scopes,
    population: { journeys, facts },
    tags: sources.tags,
    stageLabels: () => sources.pipeline.labels(),
  });
  const drillDownSources = snapshotDrillDownSources({ snapshots, segments, population: { journeys, facts }, journeys, churnRisks, follows: sources.follows, staff });
  sources.drillDown.register('rfm', drillDownSources.rfm);
  sources.drillDown.register('segment', drillDownSources.segment);
  sources.drillDown.register('churn_risk', drillDownSources.churn_risk);
  sources.drillDown.register('uncovered', drillDownSources.uncovered);
  return { job, churnRisks, routes: { segments, reports: new SnapshotReportsFlow({ scopes, snapshots, churnRisks, job }) } };
}
