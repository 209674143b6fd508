import { FUNNEL_RULE, RFM_CELL_LABELS, RFM_RULE, type FunnelReport, type FunnelStepFigures, type OverviewReport, type RfmCell, type RfmReport, type SalespersonRow } from '@zhike/shared/analytics';
import type { StaffProfile } from '@zhike/shared/auth';

export const MANAGER_ZHANG: StaffProfile = { id: '665f1c2e9b1d8a0012340003', corpId: 'wwdemo0001', userid: 'zhangwei', name: '张伟', role: 'manager', departmentIds: [2, 3] };
export const ADMIN_CHEN: StaffProfile = { id: '665f1c2e9b1d8a0012340001', corpId: 'wwdemo0001', userid: 'chenjing', name: '陈静', role: 'admin', departmentIds: [4] };
export const SALES_LI: StaffProfile = { id: '665f1c2e9b1d8a0012340002', corpId: 'wwdemo0001', userid: 'lilei', name: '李雷', role: 'salesperson', departmentIds: [2] };

export const DEPARTMENTS = [
  { departmentId: 2, name: '华东销售部' },
  { departmentId: 3, name: '华南销售部' },
];

const RANGE = { from: '2026-10-28', to: '2026-11-26' };

export function overviewReport(overrides: Partial<OverviewReport> = {}): OverviewReport {
  return {
    range: RANGE,
    newContacts: { value: 45, previous: 40 },
    lostContacts: { value: 3, previous: 4 },
    paidOrders: { value: 12, previous: 0 },
    netRevenueFen: { value: 1_234_500, previous: 1_234_500 },
    firstOrders: { value: 7, previous: 5 },
    contentSent: { value: 200, previous: 160 },
    contentOpened: { value: 90, previous: 100 },
    daily: [
      { day: '2026-11-25', newContacts: 2, lostContacts: 0, paidOrders: 1, netRevenueFen: 19_900 },
      { day: '2026-11-26', newContacts: 1, lostContacts: 1, paidOrders: 0, netRevenueFen: 0 },
    ],
    ...overrides,
  };
}

const step = (figures: Partial<FunnelStepFigures> & Pick<FunnelStepFigures, 'step' | 'reached'>): FunnelStepFigures => ({
  fromPrevious: figures.reached,
  conversionRate: null,
  medianHoursFromPrevious: null,
  ...figures,
});

export function funnelReport(overrides: Partial<FunnelReport> = {}): FunnelReport {
  return {
    range: RANGE,
    rule: FUNNEL_RULE,
    entered: { value: 120, previous: 100 },
    steps: [
      step({ step: 'visitor', reached: 100 }),
      step({ step: 'fan', reached: 80, fromPrevious: 80, conversionRate: 0.8, medianHoursFromPrevious: 0.4 }),
      step({ step: 'contact', reached: 40, fromPrevious: 30, conversionRate: 0.375, medianHoursFromPrevious: 5.4 }),
      step({ step: 'engaged', reached: 20, fromPrevious: 20, conversionRate: 0.5, medianHoursFromPrevious: 36 }),
      step({ step: 'ordered', reached: 8, fromPrevious: 8, conversionRate: 0.4, medianHoursFromPrevious: 60 }),
      step({ step: 'repeat', reached: 2, fromPrevious: 2, conversionRate: 0.25, medianHoursFromPrevious: null }),
    ],
    byChannel: [
      {
        channelKey: 'channel:spring',
        label: '春季活码',
        steps: [
          step({ step: 'visitor', reached: 10 }),
          step({ step: 'fan', reached: 9, conversionRate: 0.9 }),
          step({ step: 'contact', reached: 9, conversionRate: 1 }),
          step({ step: 'engaged', reached: 6, conversionRate: 6 / 9 }),
          step({ step: 'ordered', reached: 3, conversionRate: 0.5 }),
          step({ step: 'repeat', reached: 0, conversionRate: 0 }),
        ],
      },
    ],
    cohorts: [
      { week: '2026-11-16', entered: 0, reached: { visitor: 0, fan: 0, contact: 0, engaged: 0, ordered: 0, repeat: 0 } },
      { week: '2026-11-23', entered: 10, reached: { visitor: 10, fan: 8, contact: 5, engaged: 3, ordered: 1, repeat: 0 } },
    ],
    ...overrides,
  };
}

export function salespersonRow(overrides: Partial<SalespersonRow> & Pick<SalespersonRow, 'userid' | 'name'>): SalespersonRow {
  return {
    departmentIds: [2],
    newContacts: 0,
    lostContacts: 0,
    followedCustomers: 0,
    coveredCustomers: 0,
    coverageRate: null,
    contentSent: 0,
    contentOpened: 0,
    openRate: null,
    paidOrders: 0,
    netRevenueFen: 0,
    firstOrders: 0,
    conversionRate: null,
    medianDaysToFirstOrder: null,
    ...overrides,
  };
}

export function rfmReport(customers: Partial<Record<RfmCell, number>> = {}): RfmReport {
  const cells = (Object.keys(RFM_CELL_LABELS) as RfmCell[]).map((cell) => ({ cell, label: RFM_CELL_LABELS[cell], customers: customers[cell] ?? 0, netRevenueFen: (customers[cell] ?? 0) * 10_000 }));
  return { asOf: '2026-11-26T01:00:00.000Z', buyers: cells.reduce((sum, cell) => sum + cell.customers, 0), averages: { recencyDays: 21.5, frequency: 1.8, monetaryFen: 45_678 }, cells, rule: RFM_RULE };
}

export const EMPTY_DRILL = { title: '客户名单', total: 0, page: 1, pageSize: 50, customers: [] };
