import { RFM_RULE } from '@zhike/shared/analytics';
import { rfmAverages, rfmCellOf, rfmReport, rfmSnapshot, type RfmBuyer } from './rfm';

const asOf = new Date('2026-11-30T04:00:00Z');
/** Paid `days` whole days and 5 hours before asOf: the extra hours never count as a day. */
const paidDaysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000 - 5 * 3_600_000);

// Six buyers. Averages by hand: R (2+10+30+4+54+20)/6 = 20 days, F (5+1+3+4+2+3)/6 = 3 orders,
// M (1200+700+600+50+100+950 yuan)/6 = 600 yuan = 60 000 fen.
const buyers: Record<string, RfmBuyer> = {
  a: { departmentId: 2, lastPaidAt: paidDaysAgo(2), paidOrders: 5, netRevenueFen: 120_000 }, // recent, frequent, valuable
  b: { departmentId: 2, lastPaidAt: paidDaysAgo(10), paidOrders: 1, netRevenueFen: 70_000 }, // recent, rare, valuable
  c: { departmentId: 2, lastPaidAt: paidDaysAgo(30), paidOrders: 3, netRevenueFen: 60_000 }, // old; F and M exactly average count as high
  d: { departmentId: 3, lastPaidAt: paidDaysAgo(4), paidOrders: 4, netRevenueFen: 5_000 }, // recent, frequent, cheap (refunds left 50 yuan)
  e: { departmentId: 3, lastPaidAt: paidDaysAgo(54), paidOrders: 2, netRevenueFen: 10_000 }, // old, rare, cheap
  f: { departmentId: 0, lastPaidAt: paidDaysAgo(20), paidOrders: 3, netRevenueFen: 95_000 }, // R exactly average counts as recent; no owner
};
const all = Object.values(buyers);

describe('rfm', () => {
  it('averages recency in whole days, frequency and net revenue over all buyers', () => {
    expect(rfmAverages(all, asOf)).toEqual({ recencyDays: 20, frequency: 3, monetaryFen: 60_000 });
    expect(rfmAverages([], asOf)).toEqual({ recencyDays: 0, frequency: 0, monetaryFen: 0 });
  });

  it('puts each buyer in the standard cell, averages counting as high', () => {
    const averages = { recencyDays: 20, frequency: 3, monetaryFen: 60_000 };
    const cells = Object.fromEntries(Object.entries(buyers).map(([key, buyer]) => [key, rfmCellOf(buyer, averages, asOf)]));
    expect(cells).toEqual({
      a: 'important_value',
      b: 'important_develop',
      c: 'important_keep',
      d: 'general_value',
      e: 'general_retain',
      f: 'important_value',
    });
  });

  it('keeps the cells per department for the snapshot', () => {
    expect(rfmSnapshot(all, asOf)).toEqual({
      buyers: 6,
      averages: { recencyDays: 20, frequency: 3, monetaryFen: 60_000 },
      byDepartment: {
        '0': { important_value: { customers: 1, netRevenueFen: 95_000 } },
        '2': {
          important_value: { customers: 1, netRevenueFen: 120_000 },
          important_develop: { customers: 1, netRevenueFen: 70_000 },
          important_keep: { customers: 1, netRevenueFen: 60_000 },
        },
        '3': { general_value: { customers: 1, netRevenueFen: 5_000 }, general_retain: { customers: 1, netRevenueFen: 10_000 } },
      },
    });
  });

  it('reports every cell to an admin, and only their departments to a manager, against the corp averages', () => {
    const snapshot = { asOf, rfm: rfmSnapshot(all, asOf) };
    const admin = rfmReport(snapshot, 'all');
    expect(admin).toMatchObject({ asOf: '2026-11-30T04:00:00.000Z', buyers: 6, averages: { recencyDays: 20, frequency: 3, monetaryFen: 60_000 }, rule: RFM_RULE });
    expect(admin.cells).toEqual([
      { cell: 'important_value', label: '重要价值', customers: 2, netRevenueFen: 215_000 },
      { cell: 'important_develop', label: '重要发展', customers: 1, netRevenueFen: 70_000 },
      { cell: 'important_keep', label: '重要保持', customers: 1, netRevenueFen: 60_000 },
      { cell: 'important_retain', label: '重要挽留', customers: 0, netRevenueFen: 0 },
      { cell: 'general_value', label: '一般价值', customers: 1, netRevenueFen: 5_000 },
      { cell: 'general_develop', label: '一般发展', customers: 0, netRevenueFen: 0 },
      { cell: 'general_keep', label: '一般保持', customers: 0, netRevenueFen: 0 },
      { cell: 'general_retain', label: '一般挽留', customers: 1, netRevenueFen: 10_000 },
    ]);

    const manager = rfmReport(snapshot, new Set([3]));
    expect(manager.buyers).toBe(2);
    expect(manager.averages).toEqual({ recencyDays: 20, frequency: 3, monetaryFen: 60_000 });
    expect(manager.cells.filter((c) => c.customers > 0).map((c) => [c.cell, c.customers, c.netRevenueFen])).toEqual([
      ['general_value', 1, 5_000],
      ['general_retain', 1, 10_000],
    ]);
  });

  it('reports empty cells before the first snapshot', () => {
    const report = rfmReport(null, 'all');
    expect(report.asOf).toBeNull();
    expect(report.buyers).toBe(0);
    expect(report.cells.every((c) => c.customers === 0 && c.netRevenueFen === 0)).toBe(true);
    expect(report.cells).toHaveLength(8);
  });
});
