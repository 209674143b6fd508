import { UNNAMED_CUSTOMER, type CustomerRepository } from '../customers';
import type { Logger } from '../../platform/logging/logger';
import type { AnalyticsSnapshotDocument } from './analytics.model';
import { assessChurnRisk, type ChurnAssessment } from './churn-risk';
import type { ChurnRiskDocument, ChurnRiskRepository } from './churn-risk.repository';
import { CustomerFacts, type CustomerFactsSources } from './customer-facts';
import type { JourneyRepository } from './journey.repository';
import { rfmSnapshot, type RfmBuyer } from './rfm';
import { matchesSegment } from './segment-rules';
import type { SegmentRepository } from './segment.repository';
import type { SnapshotRepository } from './snapshot.repository';

/** A customer counts as covered when their salesperson did something for them within this many days. */
export const COVERAGE_DAYS = 7;
export const SNAPSHOT_INTERVAL_MS = 10 * 60_000;
/** After start-up, once the server is listening (and the demo seeded), not in the way of the first requests. */
export const SNAPSHOT_FIRST_DELAY_MS = 5_000;
const DAY_MS = 86_400_000;

export interface AnalyticsSnapshotDeps {
  corpId: string;
  journeys: Pick<JourneyRepository, 'forEachJourney'>;
  facts: CustomerFactsSources;
  segments: Pick<SegmentRepository, 'list'>;
  snapshots: Pick<SnapshotRepository, 'save'>;
  churnRisks: Pick<ChurnRiskRepository, 'replaceAll'>;
  /** Names and avatars of the customers at risk. */
  customers: Pick<CustomerRepository, 'findByIds'>;
  /** The owners' names (StaffService.directory). */
  staff: { directory(corpId: string, userids: string[]): Promise<ReadonlyMap<string, { name: string }>> };
  /** The salesperson sets the dashboards ask about (departments, managers): each gets a churn digest of its own. */
  ownerGroups(corpId: string): Promise<string[][]>;
  log: Pick<Logger, 'info' | 'error'>;
  now?: () => Date;
}

export interface SnapshotSummary {
  asOf: Date;
  /** Journeys read, buyers among them, customers listed at churn risk. */
  customers: number;
  buyers: number;
  churnRisks: number;
  durationMs: number;
}

interface AtRisk {
  customerId: string;
  externalUserId: string;
  ownerUserid: string;
  departmentId: number;
  assessment: ChurnAssessment;
}

/**
 * The figures that are not sums of days, recomputed from the raw records in one pass over the journeys:
 * follow-up coverage per salesperson, RFM cells per department, segment sizes per department, and the
 * churn-risk list. Every 10 minutes, and on demand (admin refresh).
 */
export class AnalyticsSnapshotJob {
  private running: Promise<SnapshotSummary> | null = null;
  private readonly now: () => Date;

  constructor(private readonly deps: AnalyticsSnapshotDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Recomputes now; a call while a run is under way waits for that run instead of starting another. */
  refresh(): Promise<SnapshotSummary> {
    this.running ??= this.compute().finally(() => (this.running = null));
    return this.running;
  }

  /** Runs shortly after start-up and then every interval; the timers never keep the process alive. Returns stop. */
  start(firstDelayMs = SNAPSHOT_FIRST_DELAY_MS, intervalMs = SNAPSHOT_INTERVAL_MS): () => void {
    const run = () => void this.refresh().catch((error: unknown) => this.deps.log.error({ err: error }, 'analytics snapshot failed; the next run retries'));
    const first = setTimeout(run, firstDelayMs);
    const every = setInterval(run, intervalMs);
    first.unref();
    every.unref();
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }

  private async compute(): Promise<SnapshotSummary> {
    const { corpId } = this.deps;
    const asOf = this.now();
    const [facts, segments] = await Promise.all([CustomerFacts.load(this.deps.facts, corpId), this.deps.segments.list(corpId)]);

    const coverage: AnalyticsSnapshotDocument['coverage'] = {};
    for (const follows of facts.allFollows()) for (const { userid } of follows) (coverage[userid] ??= { followed: 0, covered: 0 }).followed += 1;
    const coveredSince = asOf.getTime() - COVERAGE_DAYS * DAY_MS;
    const buyers: RfmBuyer[] = [];
    const segmentCounts: AnalyticsSnapshotDocument['segments'] = Object.fromEntries(segments.map((segment) => [segment.id, {}]));
    const atRisk: AtRisk[] = [];
    let customers = 0;

    await this.deps.journeys.forEachJourney((journeys) => {
      for (const journey of journeys) {
        customers += 1;
        const { customerId, departmentId } = journey;
        for (const { userid } of facts.followsOf(customerId)) {
          const touchedAt = journey.touchedBy[userid];
          if (touchedAt && touchedAt.getTime() >= coveredSince) coverage[userid]!.covered += 1;
        }
        if (journey.paidOrders > 0 && journey.lastPaidAt) {
          buyers.push({ departmentId, paidOrders: journey.paidOrders, netRevenueFen: journey.netRevenueFen, lastPaidAt: journey.lastPaidAt });
        }
        if (segments.length) {
          const segmentFacts = facts.segmentFacts(journey, asOf);
          for (const segment of segments) {
            if (!matchesSegment(segment.rules, segmentFacts, asOf)) continue;
            const counts = segmentCounts[segment.id]!;
            counts[departmentId] = (counts[departmentId] ?? 0) + 1;
          }
        }
        const ownerFollow = facts.ownerFollowOf(journey);
        const assessment = assessChurnRisk({ journey, ownerFollows: Boolean(ownerFollow), intent: { rollup: facts.engagementOf(customerId), fit: facts.fitOf(customerId) } }, asOf);
        if (assessment && ownerFollow) atRisk.push({ customerId, externalUserId: ownerFollow.externalUserId, ownerUserid: ownerFollow.userid, departmentId, assessment });
      }
    });

    // The list first: once the snapshot says asOf, the churn list it points to is there.
    await this.deps.churnRisks.replaceAll(corpId, await this.churnRows(atRisk), asOf, await this.deps.ownerGroups(corpId));
    const rfm = rfmSnapshot(buyers, asOf);
    await this.deps.snapshots.save({ _id: corpId, asOf, coverageDays: COVERAGE_DAYS, coverage, rfm, segments: segmentCounts });
    const summary = { asOf, customers, buyers: rfm.buyers, churnRisks: atRisk.length, durationMs: this.now().getTime() - asOf.getTime() };
    this.deps.log.info(summary, 'analytics snapshot');
    return summary;
  }

  private async churnRows(atRisk: AtRisk[]): Promise<Omit<ChurnRiskDocument, 'asOf' | 'corpId'>[]> {
    const [customers, owners] = await Promise.all([
      this.deps.customers.findByIds(atRisk.map((row) => row.customerId)),
      this.deps.staff.directory(this.deps.corpId, [...new Set(atRisk.map((row) => row.ownerUserid))]),
    ]);
    const byId = new Map(customers.map((customer) => [customer.id, customer]));
    return atRisk.map(({ customerId, externalUserId, ownerUserid, departmentId, assessment }) => {
      const customer = byId.get(customerId);
      return {
        _id: customerId,
        customerId,
        departmentId,
        externalUserId,
        name: customer?.displayName ?? UNNAMED_CUSTOMER,
        avatar: customer?.wecomProfile?.avatar ?? null,
        ownerUserid,
        ownerName: owners.get(ownerUserid)?.name ?? null,
        ...assessment,
      };
    });
  }
}
