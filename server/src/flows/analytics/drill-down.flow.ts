import { DRILL_DOWN_PAGE_SIZE, type DrillDownCustomer, type DrillDownQuery, type DrillDownResult } from '@zhike/shared/analytics';
import { AppError } from '../../platform/http/app-error';
import type { CustomerJourneyDocument, JourneyRepository } from '../../modules/analytics';
import type { CustomerRepository } from '../../modules/customers';
import { ofUserids, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';
import { drillDownCsv } from './drill-down-csv';
import {
  rawRecordSources,
  type DrillDownPopulation,
  type DrillDownPopulationName,
  type DrillDownSource,
  type ExtensionPopulation,
  type RawRecordDeps,
} from './drill-down-populations';

export interface DrillDownDeps extends RawRecordDeps {
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  customers: RawRecordDeps['customers'] & Pick<CustomerRepository, 'findByIds'>;
  /** Stage labels by key (the corp's pipeline). */
  stageLabels(): Promise<Map<string, string>>;
}

/** Shown for a customer whose journey has not been computed yet (before the first rebuild). */
const UNKNOWN_CHANNEL_LABEL = '未知';

/**
 * Every figure's customers, read from the raw records and shown the same way whatever the figure: newest
 * activity first, a page at a time, or all of them as CSV.
 */
export class DrillDownFlow {
  private readonly sources: { [P in DrillDownPopulationName]?: DrillDownSource<P> };

  constructor(private readonly deps: DrillDownDeps) {
    this.sources = rawRecordSources(deps);
  }

  /** Segments, RFM cells, churn risk and coverage come from the snapshot's owner, which registers them here. */
  register<P extends ExtensionPopulation>(population: P, source: DrillDownSource<P>): void {
    (this.sources as Record<P, DrillDownSource<P>>)[population] = source;
  }

  async page(viewer: AnalyticsViewer, query: DrillDownQuery, page: number): Promise<DrillDownResult> {
    const { title, customers } = await this.list(viewer, query);
    const start = (page - 1) * DRILL_DOWN_PAGE_SIZE;
    return { title, total: customers.length, page, pageSize: DRILL_DOWN_PAGE_SIZE, customers: customers.slice(start, start + DRILL_DOWN_PAGE_SIZE) };
  }

  /** The whole list as a spreadsheet, named after the population (and range). */
  async csv(viewer: AnalyticsViewer, query: DrillDownQuery): Promise<{ bytes: Buffer; filename: string }> {
    const { customers } = await this.list(viewer, query);
    const range = 'from' in query ? `-${query.from}-${query.to}` : '';
    return { bytes: drillDownCsv(customers), filename: `customers-${query.population}${range}.csv` };
  }

  private async list(viewer: AnalyticsViewer, query: DrillDownQuery): Promise<{ title: string; customers: DrillDownCustomer[] }> {
    const scope = await this.deps.scopes.resolve(viewer, 'department' in query ? query.department : undefined);
    if ('userid' in query && query.userid !== undefined && !ofUserids(scope, query.userid)) {
      throw new AppError('FORBIDDEN', '只能查看您负责的部门的销售', [{ field: 'query.userid', issue: '不是您部门的销售' }]);
    }
    const source = this.sources[query.population] as DrillDownSource<typeof query.population> | undefined;
    if (!source) throw new Error(`no drill-down source registered for ${query.population}`);
    const population = await source.population(viewer, scope, query as never);
    return { title: population.title, customers: await this.rows(viewer.corpId, population) };
  }

  private async rows(corpId: string, population: DrillDownPopulation): Promise<DrillDownCustomer[]> {
    const ids = [...new Set(population.customerIds)];
    const known = new Map((population.journeys ?? []).map((journey): [string, CustomerJourneyDocument] => [journey.customerId, journey]));
    const missing = ids.filter((id) => !known.has(id));
    const [customers, journeys, stages] = await Promise.all([this.deps.customers.findByIds(ids), this.deps.journeys.findMany(missing), this.deps.stageLabels()]);
    for (const journey of journeys) known.set(journey.customerId, journey);
    const owners = await this.deps.staff.directory(corpId, [...new Set([...known.values()].flatMap((journey) => (journey.ownerUserid ? [journey.ownerUserid] : [])))]);
    const rows = customers.map((customer): DrillDownCustomer => {
      const journey = known.get(customer.id);
      const owner = journey?.ownerUserid;
      const lastActiveAt = journey?.lastActiveAt ?? customer.lastActiveAt;
      return {
        customerId: customer.id,
        externalUserId: customer.identifiers.externalUserIds[0] ?? null,
        name: customer.displayName,
        avatar: customer.wecomProfile?.avatar ?? null,
        ownerUserid: owner ?? null,
        ownerName: owner ? (owners.get(owner)?.name ?? owner) : null,
        stage: customer.stage ? (stages.get(customer.stage) ?? customer.stage) : null,
        channelLabel: journey?.channelLabel ?? UNKNOWN_CHANNEL_LABEL,
        firstTouchAt: journey?.firstTouchAt?.toISOString() ?? null,
        lastActiveAt: lastActiveAt?.toISOString() ?? null,
        paidOrders: journey?.paidOrders ?? 0,
        netRevenueFen: journey?.netRevenueFen ?? 0,
      };
    });
    // Most recently active first; never active last; ties in a fixed order so pages do not overlap.
    return rows.sort((a, b) => (b.lastActiveAt ?? '').localeCompare(a.lastActiveAt ?? '') || a.customerId.localeCompare(b.customerId));
  }
}
