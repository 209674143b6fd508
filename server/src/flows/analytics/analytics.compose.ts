import type { Connection } from 'mongoose';
import type { WeComClient } from '../../integrations/wecom';
import type { Logger } from '../../platform/logging/logger';
import { AnalyticsDirectory, JourneyRepository, outdatedAnalyticsLayout, RollupRepository } from '../../modules/analytics';
import { AnalyticsRecorder } from '../../modules/analytics/analytics-recorder';
import { rebuildAnalytics, type AnalyticsRebuildSummary } from '../../modules/analytics/analytics-rebuild';
import { SnapshotRepository } from '../../modules/analytics/snapshot.repository';
import type { ChannelRepository } from '../../modules/channels';
import type { ContentTrackingRepository } from '../../modules/content-tracking';
import type { CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { OrderRepository } from '../../modules/orders';
import type { ReferralRepository } from '../../modules/referrals';
import type { StaffRepository, StaffService } from '../../modules/staff';
import type { StagePipelineService } from '../../modules/stages';
import type { TimelineRepository } from '../../modules/timeline';
import { AnalyticsScopes } from './analytics-scope';
import type { AnalyticsRouteDeps } from './analytics.routes';
import { ContentReportFlow } from './content-report.flow';
import { DepartmentDirectory } from './department-directory';
import { DrillDownFlow } from './drill-down.flow';
import { FunnelReportFlow } from './funnel-report.flow';
import { ReferralReportsFlow } from './referral-reports.flow';
import { SalesReportsFlow } from './sales-reports.flow';

export interface AnalyticsSources {
  connection: Connection;
  corpId: string;
  wecom: Pick<WeComClient, 'listDepartments'>;
  log: Logger;
  staff: StaffService;
  staffRecords: StaffRepository;
  customers: CustomerRepository;
  follows: FollowRepository;
  timeline: TimelineRepository;
  contentTracking: ContentTrackingRepository;
  referrals: ReferralRepository;
  orders: OrderRepository;
  channels: ChannelRepository;
  pipeline: Pick<StagePipelineService, 'labels'>;
  contentTitles(corpId: string): Promise<Map<string, string>>;
}

export interface Analytics {
  /** Keeps journeys and rollups current from the timeline, content touches and identities; stop it on shutdown. */
  recorder: AnalyticsRecorder;
  journeys: JourneyRepository;
  rollups: RollupRepository;
  scopes: AnalyticsScopes;
  /** Where the snapshot's populations (rfm, segment, churn_risk, uncovered) are registered. */
  drillDown: DrillDownFlow;
  routes: AnalyticsRouteDeps;
  /** Rebuilds when the stored analytics predate the current layout (after an upgrade); null when they do not. */
  rebuildIfOutdated(): Promise<AnalyticsRebuildSummary | null>;
}

/** The analytics: recording (attached to the timeline and content tracking here), the dashboards and the drill-downs. */
export function composeAnalytics(sources: AnalyticsSources): Analytics {
  const { connection, corpId, log } = sources;
  const journeys = new JourneyRepository(connection);
  const rollups = new RollupRepository(connection);
  const directory = new AnalyticsDirectory({ staff: sources.staffRecords, channels: sources.channels });
  const recorder = new AnalyticsRecorder({ timeline: sources.timeline, contentTracking: sources.contentTracking, customers: sources.customers, corpId, journeys, rollups, directory, log });
  recorder.attach();
  const scopes = new AnalyticsScopes(sources.staffRecords);
  const departments = new DepartmentDirectory({ wecom: sources.wecom, log });
  const snapshots = new SnapshotRepository(connection);
  let rebuilding: Promise<AnalyticsRebuildSummary> | null = null;
  const rebuild = () => {
    // A second request while one runs shares it: two rebuilds would each empty and refill the same collections.
    rebuilding ??= recorder
      .pauseWhile((witness) =>
        rebuildAnalytics({ corpId, timeline: sources.timeline, contentTracking: sources.contentTracking, customers: sources.customers, journeys, rollups, directory, log }, witness),
      )
      .finally(() => (rebuilding = null));
    return rebuilding;
  };
  const drillDown = new DrillDownFlow({
    scopes,
    journeys,
    customers: sources.customers,
    follows: sources.follows,
    orders: sources.orders,
    content: sources.contentTracking,
    referrals: sources.referrals,
    staff: sources.staff,
    channels: sources.channels,
    contentTitles: sources.contentTitles,
    stageLabels: () => sources.pipeline.labels(),
  });
  return {
    recorder,
    journeys,
    rollups,
    scopes,
    drillDown,
    routes: {
      scopes,
      departments,
      sales: new SalesReportsFlow({ scopes, rollups, staff: sources.staffRecords, departments, snapshot: (corp) => snapshots.find(corp) }),
      funnel: new FunnelReportFlow({ scopes, rollups, channels: sources.channels }),
      content: new ContentReportFlow({ scopes, rollups, contentTitles: sources.contentTitles }),
      referrals: new ReferralReportsFlow({ scopes, rollups, journeys, customers: sources.customers, referrals: sources.referrals }),
      drillDown,
      rebuild,
    },
    rebuildIfOutdated: async () => {
      const reason = await outdatedAnalyticsLayout({ journeys, rollups });
      if (!reason) return null;
      log.warn({ reason }, 'analytics: stored in an older layout; rebuilding from the raw records');
      return rebuild();
    },
  };
}
