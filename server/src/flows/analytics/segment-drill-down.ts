import { RFM_CELL_LABELS } from '@zhike/shared/analytics';
import {
  COVERAGE_DAYS,
  matchSegment,
  rfmAverages,
  rfmCellOf,
  type ChurnRiskRepository,
  type CustomerJourneyDocument,
  type JourneyRepository,
  type RfmBuyer,
  type SegmentPopulationDeps,
  type SnapshotRepository,
} from '../../modules/analytics';
import type { FollowRepository } from '../../modules/follows';
import type { StaffService } from '../../modules/staff';
import { inDepartments, useridList } from './analytics-scope';
import type { DrillDownSources, ExtensionPopulation } from './drill-down-populations';
import type { SegmentsFlow } from './segments.flow';

const DAY_MS = 86_400_000;

export interface SnapshotDrillDownDeps {
  snapshots: Pick<SnapshotRepository, 'find'>;
  segments: Pick<SegmentsFlow, 'get'>;
  population: SegmentPopulationDeps;
  journeys: Pick<JourneyRepository, 'forEachJourney' | 'findMany'>;
  churnRisks: Pick<ChurnRiskRepository, 'list'>;
  follows: Pick<FollowRepository, 'listActiveOf'>;
  staff: Pick<StaffService, 'directory'>;
  now?: () => Date;
}

/**
 * The customers behind the snapshot's figures (RFM cells, segments, the churn-risk list, follow-up coverage),
 * for the drill-down flow. RFM cells use the snapshot's averages and time, so a cell lists the customers it
 * counted (as they are now); segments and coverage are evaluated now, from the raw records.
 */
export function snapshotDrillDownSources(deps: SnapshotDrillDownDeps): DrillDownSources<ExtensionPopulation> {
  const now = deps.now ?? (() => new Date());
  const nameOf = async (corpId: string, userid: string) => (await deps.staff.directory(corpId, [userid])).get(userid)?.name ?? userid;

  return {
    rfm: {
      async population(viewer, scope, query) {
        const snapshot = await deps.snapshots.find(viewer.corpId);
        const asOf = snapshot?.asOf ?? now();
        const buyers: RfmBuyer[] = [];
        const visible: { journey: CustomerJourneyDocument; buyer: RfmBuyer }[] = [];
        await deps.journeys.forEachJourney((journeys) => {
          for (const journey of journeys) {
            const { departmentId, paidOrders, netRevenueFen, lastPaidAt } = journey;
            if (paidOrders === 0 || !lastPaidAt) continue;
            const buyer = { departmentId, paidOrders, netRevenueFen, lastPaidAt };
            buyers.push(buyer);
            if (inDepartments(scope, departmentId)) visible.push({ journey, buyer });
          }
        });
        // Before the first snapshot the averages are those of every buyer now (what the first snapshot will say).
        const averages = snapshot?.rfm.averages ?? rfmAverages(buyers, asOf);
        const journeys = visible.filter(({ buyer }) => rfmCellOf(buyer, averages, asOf) === query.cell).map((b) => b.journey);
        return { title: `RFM「${RFM_CELL_LABELS[query.cell]}」客户`, customerIds: journeys.map((j) => j.customerId), journeys };
      },
    },

    segment: {
      async population(viewer, scope, query) {
        const segment = await deps.segments.get(viewer.corpId, query.segmentId);
        const { journeys } = await matchSegment(deps.population, viewer.corpId, segment.rules, scope.departments, now());
        return { title: `分群「${segment.name}」的客户`, customerIds: journeys.map((j) => j.customerId), journeys };
      },
    },

    churn_risk: {
      async population(viewer, scope, query) {
        // The drill-down flow has checked a userid in the query against the viewer's salespeople.
        const rows = await deps.churnRisks.list(viewer.corpId, query.userid !== undefined ? [query.userid] : useridList(scope));
        const whose = query.userid !== undefined ? `（${await nameOf(viewer.corpId, query.userid)}）` : '';
        return { title: `有流失风险的客户${whose}`, customerIds: rows.map((row) => row.customerId) };
      },
    },

    uncovered: {
      async population(viewer, _scope, query) {
        const follows = await deps.follows.listActiveOf(viewer.corpId, [query.userid]);
        const journeys = new Map((await deps.journeys.findMany(follows.map((f) => f.customerId))).map((j) => [j.customerId, j]));
        const coveredSince = now().getTime() - COVERAGE_DAYS * DAY_MS;
        const customerIds = follows
          .map((follow) => follow.customerId)
          .filter((customerId) => {
            const touchedAt = journeys.get(customerId)?.touchedBy[query.userid];
            return !touchedAt || touchedAt.getTime() < coveredSince;
          });
        return {
          title: `${await nameOf(viewer.corpId, query.userid)} 近 ${COVERAGE_DAYS} 天未跟进的客户`,
          customerIds,
          journeys: customerIds.flatMap((id) => journeys.get(id) ?? []),
        };
      },
    },
  };
}
