import type { AnalyticsRangeQuery, OverviewReport, SalespeopleReport, SalespersonRow } from '@zhike/shared/analytics';
import type { AnalyticsSnapshotDocument, RollupRepository, SalesDayRollupDocument, SalesRollupDocument } from '../../modules/analytics';
import type { StaffRecord, StaffRepository } from '../../modules/staff';
import { daysOf, previousPeriod } from './analytics-days';
import { inDepartments, NO_DEPARTMENT, ofUserids, type AnalyticsScope, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';
import { departmentName, type DepartmentDirectory } from './department-directory';
import { addHistogram, count, entry, medianOfHistogram, ratio } from './rollup-figures';

export interface SalesReportsDeps {
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  rollups: Pick<RollupRepository, 'readDays'>;
  staff: Pick<StaffRepository, 'listUserids' | 'listByUserids'>;
  departments: Pick<DepartmentDirectory, 'all'>;
  /** The periodic snapshot (coverage per salesperson); null before the first one. */
  snapshot(corpId: string): Promise<AnalyticsSnapshotDocument | null>;
}

interface SalesTotals {
  newContacts: number;
  lostContacts: number;
  paidOrders: number;
  netRevenueFen: number;
  firstOrders: number;
  contentSent: number;
  contentOpened: number;
}

const zero = (): SalesTotals => ({ newContacts: 0, lostContacts: 0, paidOrders: 0, netRevenueFen: 0, firstOrders: 0, contentSent: 0, contentOpened: 0 });

function addTotals(target: SalesTotals, source: SalesTotals): void {
  for (const field of Object.keys(target) as (keyof SalesTotals)[]) target[field] += source[field];
}

function add(totals: SalesTotals, row: SalesDayRollupDocument): void {
  totals.newContacts += count(row.newContacts);
  totals.lostContacts += count(row.lostContacts);
  totals.paidOrders += count(row.paidOrders);
  totals.netRevenueFen += count(row.paidFen) - count(row.refundFen);
  totals.firstOrders += count(row.firstOrders);
  totals.contentSent += count(row.contentSent);
  totals.contentOpened += count(row.contentOpened);
}

function sum(rows: SalesDayRollupDocument[]): SalesTotals {
  const totals = zero();
  for (const row of rows) add(totals, row);
  return totals;
}

/** The overview and the salespeople table: both are sums of the sales rollup (day × salesperson). */
export class SalesReportsFlow {
  constructor(private readonly deps: SalesReportsDeps) {}

  async overview(viewer: AnalyticsViewer, query: AnalyticsRangeQuery): Promise<OverviewReport> {
    const scope = await this.deps.scopes.resolve(viewer, query.department);
    const previous = previousPeriod(query);
    const rows = await this.overviewRows(scope, previous.from, query.to);
    const current = sum(rows.filter((row) => row.day >= query.from));
    const before = sum(rows.filter((row) => row.day < query.from));
    const kpi = (field: keyof SalesTotals) => ({ value: current[field], previous: before[field] });
    const byDay = new Map<string, SalesTotals>();
    for (const row of rows) if (row.day >= query.from) add(entry(byDay, row.day, zero), row);
    return {
      range: { from: query.from, to: query.to },
      newContacts: kpi('newContacts'),
      lostContacts: kpi('lostContacts'),
      paidOrders: kpi('paidOrders'),
      netRevenueFen: kpi('netRevenueFen'),
      firstOrders: kpi('firstOrders'),
      contentSent: kpi('contentSent'),
      contentOpened: kpi('contentOpened'),
      daily: daysOf(query).map((day) => {
        const totals = byDay.get(day) ?? zero();
        return { day, newContacts: totals.newContacts, lostContacts: totals.lostContacts, paidOrders: totals.paidOrders, netRevenueFen: totals.netRevenueFen };
      }),
    };
  }

  /**
   * One row per salesperson the viewer may see: every active one (zeros included) and anyone who has left but
   * has figures in the range. Department rows group salespeople by the first of their departments the viewer
   * may see; money and contacts without a salesperson form the 未分配销售 row (admins only).
   */
  async salespeople(viewer: AnalyticsViewer, query: AnalyticsRangeQuery): Promise<SalespeopleReport> {
    const scope = await this.deps.scopes.resolve(viewer, query.department);
    const [rows, snapshot, names] = await Promise.all([this.rows(scope, query.from, query.to), this.deps.snapshot(viewer.corpId), this.deps.departments.all()]);
    const byUserid = new Map<string, { totals: SalesTotals; daysToFirstOrder: Map<number, number> }>();
    for (const row of rows) {
      const figures = entry(byUserid, row.userid, () => ({ totals: zero(), daysToFirstOrder: new Map<number, number>() }));
      add(figures.totals, row);
      addHistogram(figures.daysToFirstOrder, row.daysToFirstOrder);
    }
    const people = await this.people(viewer.corpId, scope, [...byUserid.keys()].filter((userid) => userid !== ''));
    const salespeople: SalespersonRow[] = people.map((person) => {
      const figures = byUserid.get(person.userid);
      const totals = figures?.totals ?? zero();
      const coverage = snapshot?.coverage[person.userid] ?? { followed: 0, covered: 0 };
      return {
        userid: person.userid,
        name: person.name,
        departmentIds: person.departmentIds,
        ...totals,
        followedCustomers: coverage.followed,
        coveredCustomers: coverage.covered,
        coverageRate: ratio(coverage.covered, coverage.followed),
        openRate: ratio(totals.contentOpened, totals.contentSent),
        conversionRate: ratio(totals.firstOrders, totals.newContacts),
        medianDaysToFirstOrder: medianOfHistogram(figures?.daysToFirstOrder ?? new Map()),
      };
    });
    const byDepartment = new Map<number, SalesTotals>();
    const departmentOf = (person: { departmentIds: number[] }) => person.departmentIds.find((id) => inDepartments(scope, id)) ?? person.departmentIds[0] ?? NO_DEPARTMENT;
    for (const person of people) addTotals(entry(byDepartment, departmentOf(person), zero), byUserid.get(person.userid)?.totals ?? zero());
    const unassigned = byUserid.get('');
    if (unassigned) addTotals(entry(byDepartment, NO_DEPARTMENT, zero), unassigned.totals);
    return {
      range: { from: query.from, to: query.to },
      coverageDays: snapshot?.coverageDays ?? 0,
      coverageAsOf: snapshot ? snapshot.asOf.toISOString() : null,
      rows: salespeople.sort((a, b) => b.netRevenueFen - a.netRevenueFen || a.userid.localeCompare(b.userid)),
      departments: [...byDepartment]
        .sort(([a], [b]) => a - b)
        .map(([departmentId, totals]) => ({
          departmentId,
          name: departmentName(names, departmentId),
          newContacts: totals.newContacts,
          lostContacts: totals.lostContacts,
          paidOrders: totals.paidOrders,
          netRevenueFen: totals.netRevenueFen,
          firstOrders: totals.firstOrders,
          conversionRate: ratio(totals.firstOrders, totals.newContacts),
        })),
    };
  }

  /** The whole team's day summaries for an unfiltered view (60 rows for 30 days, not thousands); else the scope's salespeople's rows. */
  private async overviewRows(scope: AnalyticsScope, from: string, to: string): Promise<SalesDayRollupDocument[]> {
    if (scope.userids === 'all') return this.deps.rollups.readDays<SalesDayRollupDocument>('sales_days', from, to);
    return this.rows(scope, from, to);
  }

  private async rows(scope: AnalyticsScope, from: string, to: string): Promise<SalesRollupDocument[]> {
    return (await this.deps.rollups.readDays<SalesRollupDocument>('sales', from, to)).filter((row) => ofUserids(scope, row.userid));
  }

  /** Active salespeople in scope, and those with figures (who may have left since); unknown userids by their id. */
  private async people(corpId: string, scope: AnalyticsScope, withFigures: string[]): Promise<Pick<StaffRecord, 'userid' | 'name' | 'departmentIds'>[]> {
    const candidates = scope.userids === 'all' ? [...new Set([...(await this.deps.staff.listUserids(corpId)), ...withFigures])] : [...scope.userids].filter((userid) => userid !== '');
    const records = await this.deps.staff.listByUserids(corpId, candidates);
    const known = new Set(records.map((record) => record.userid));
    const figures = new Set(withFigures);
    return [
      ...records.filter((record) => record.active || figures.has(record.userid)),
      ...withFigures.filter((userid) => !known.has(userid)).map((userid) => ({ userid, name: userid, departmentIds: [] })),
    ];
  }
}
