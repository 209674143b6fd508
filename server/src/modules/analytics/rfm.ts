import { RFM_CELL_LABELS, RFM_CELL_RULE, RFM_RULE, RfmCell, type RfmReport } from '@zhike/shared/analytics';
import type { AnalyticsSnapshotDocument } from './analytics.model';

const DAY_MS = 86_400_000;

/** A customer with at least one paid order, as the journey records them. */
export interface RfmBuyer {
  departmentId: number;
  paidOrders: number;
  netRevenueFen: number;
  lastPaidAt: Date;
}

export interface RfmAverages {
  recencyDays: number;
  frequency: number;
  monetaryFen: number;
}

export type RfmSnapshot = AnalyticsSnapshotDocument['rfm'];
type CellFigures = { customers: number; netRevenueFen: number };

/** Whole days from `at` to `asOf` (a purchase 2 days and 5 hours ago is 2 days old). */
export function wholeDaysBetween(at: Date, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - at.getTime()) / DAY_MS));
}

/** Averages over every buyer given; zeros when there is none. */
export function rfmAverages(buyers: readonly RfmBuyer[], asOf: Date): RfmAverages {
  if (buyers.length === 0) return { recencyDays: 0, frequency: 0, monetaryFen: 0 };
  const sum = (value: (buyer: RfmBuyer) => number) => buyers.reduce((total, buyer) => total + value(buyer), 0);
  return {
    recencyDays: sum((b) => wholeDaysBetween(b.lastPaidAt, asOf)) / buyers.length,
    frequency: sum((b) => b.paidOrders) / buyers.length,
    monetaryFen: sum((b) => b.netRevenueFen) / buyers.length,
  };
}

/** The cell of one buyer against the averages: recent = not older than average, frequent/valuable = not below it. */
export function rfmCellOf(buyer: RfmBuyer, averages: RfmAverages, asOf: Date): RfmCell {
  const r = wholeDaysBetween(buyer.lastPaidAt, asOf) <= averages.recencyDays;
  const f = buyer.paidOrders >= averages.frequency;
  const m = buyer.netRevenueFen >= averages.monetaryFen;
  return RfmCell.options.find((cell) => RFM_CELL_RULE[cell].r === r && RFM_CELL_RULE[cell].f === f && RFM_CELL_RULE[cell].m === m)!;
}

/** The snapshot's RFM part: the corp-wide averages, and per department the customers and revenue of each cell. */
export function rfmSnapshot(buyers: readonly RfmBuyer[], asOf: Date): RfmSnapshot {
  const averages = rfmAverages(buyers, asOf);
  const byDepartment: RfmSnapshot['byDepartment'] = {};
  for (const buyer of buyers) {
    const cells = (byDepartment[String(buyer.departmentId)] ??= {});
    const figures = (cells[rfmCellOf(buyer, averages, asOf)] ??= { customers: 0, netRevenueFen: 0 });
    figures.customers += 1;
    figures.netRevenueFen += buyer.netRevenueFen;
  }
  return { buyers: buyers.length, averages, byDepartment };
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * What one viewer sees: the cells summed over the departments they may see ('all' for admins, department 0
 * included). The averages stay the corp's, so a cell means the same in every department.
 */
export function rfmReport(snapshot: { asOf: Date; rfm: RfmSnapshot } | null, departments: 'all' | ReadonlySet<number>): RfmReport {
  const totals = new Map<RfmCell, CellFigures>(RfmCell.options.map((cell) => [cell, { customers: 0, netRevenueFen: 0 }]));
  for (const [departmentId, cells] of Object.entries(snapshot?.rfm.byDepartment ?? {})) {
    if (departments !== 'all' && !departments.has(Number(departmentId))) continue;
    for (const [cell, figures] of Object.entries(cells)) {
      const total = totals.get(cell as RfmCell);
      if (!total) continue;
      total.customers += figures.customers;
      total.netRevenueFen += figures.netRevenueFen;
    }
  }
  const averages = snapshot?.rfm.averages ?? { recencyDays: 0, frequency: 0, monetaryFen: 0 };
  const cells = [...totals].map(([cell, figures]) => ({ cell, label: RFM_CELL_LABELS[cell], ...figures }));
  return {
    asOf: snapshot ? snapshot.asOf.toISOString() : null,
    buyers: cells.reduce((sum, cell) => sum + cell.customers, 0),
    averages: { recencyDays: oneDecimal(averages.recencyDays), frequency: oneDecimal(averages.frequency), monetaryFen: Math.round(averages.monetaryFen) },
    cells,
    rule: RFM_RULE,
  };
}
