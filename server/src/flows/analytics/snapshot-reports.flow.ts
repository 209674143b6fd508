import { CHURN_RULE, type AnalyticsRefreshResult, type ChurnRiskReport, type RfmReport } from '@zhike/shared/analytics';
import { AppError } from '../../platform/http/app-error';
import { rfmReport, type AnalyticsSnapshotJob, type ChurnRiskRepository, type SnapshotRepository } from '../../modules/analytics';
import { ofUserids, useridList, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';

export interface SnapshotReportsDeps {
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  snapshots: Pick<SnapshotRepository, 'find'>;
  churnRisks: Pick<ChurnRiskRepository, 'top'>;
  job: Pick<AnalyticsSnapshotJob, 'refresh'>;
}

/** The reports read from the periodic snapshot: RFM cells and the churn-risk list, each within the viewer's scope. */
export class SnapshotReportsFlow {
  constructor(private readonly deps: SnapshotReportsDeps) {}

  async rfm(viewer: AnalyticsViewer, department?: number): Promise<RfmReport> {
    const [scope, snapshot] = await Promise.all([this.deps.scopes.resolve(viewer, department), this.deps.snapshots.find(viewer.corpId)]);
    return rfmReport(snapshot, scope.departments);
  }

  /** A salesperson sees their own customers, a manager those of their departments' salespeople, an admin everyone's. */
  async churnRisk(viewer: AnalyticsViewer, userid?: string): Promise<ChurnRiskReport> {
    const [scope, snapshot] = await Promise.all([this.deps.scopes.resolve(viewer), this.deps.snapshots.find(viewer.corpId)]);
    if (userid !== undefined && !ofUserids(scope, userid)) {
      throw new AppError('FORBIDDEN', viewer.role === 'salesperson' ? '只能查看自己的客户' : '只能查看您负责的部门的销售', [{ field: 'query.userid', issue: '不在您的查看范围内' }]);
    }
    const { total, byOwner, rows } = await this.deps.churnRisks.top(viewer.corpId, userid !== undefined ? [userid] : useridList(scope));
    return { asOf: snapshot?.asOf.toISOString() ?? null, rule: CHURN_RULE, total, byOwner, rows };
  }

  async refresh(): Promise<AnalyticsRefreshResult> {
    const { asOf, ...figures } = await this.deps.job.refresh();
    return { asOf: asOf.toISOString(), ...figures };
  }
}
