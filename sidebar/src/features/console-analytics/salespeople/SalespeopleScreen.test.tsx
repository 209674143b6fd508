import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SalespeopleReport } from '@zhike/shared/analytics';
import { fakeConsoleApi, fail, json } from '../../console-content/testing/fake-console-api';
import { DEPARTMENTS, EMPTY_DRILL, salespersonRow } from '../testing/analytics-fixtures';
import SalespeopleScreen from './SalespeopleScreen';

const REPORT: SalespeopleReport = {
  range: { from: '2026-11-01', to: '2026-11-26' },
  coverageDays: 7,
  coverageAsOf: '2026-11-26T00:00:00.000Z',
  rows: [
    salespersonRow({ userid: 'lilei', name: '李雷', newContacts: 12, lostContacts: 1, followedCustomers: 40, coveredCustomers: 30, coverageRate: 0.75, contentSent: 50, contentOpened: 20, openRate: 0.4, paidOrders: 6, netRevenueFen: 123_456, firstOrders: 3, conversionRate: 0.25, medianDaysToFirstOrder: 4.5 }),
    salespersonRow({ userid: 'hanmeimei', name: '韩梅梅', departmentIds: [3], newContacts: 20, followedCustomers: 10, coveredCustomers: 10, coverageRate: 1, paidOrders: 2, netRevenueFen: 9_900, firstOrders: 1, conversionRate: 0.05, medianDaysToFirstOrder: 2 }),
    salespersonRow({ userid: 'zhaoliu', name: '赵六', newContacts: 0, netRevenueFen: 0 }),
  ],
  departments: [
    { departmentId: 2, name: '华东销售部', newContacts: 12, lostContacts: 1, paidOrders: 6, netRevenueFen: 123_456, firstOrders: 3, conversionRate: 0.25 },
    { departmentId: 3, name: '华南销售部', newContacts: 20, lostContacts: 0, paidOrders: 2, netRevenueFen: 9_900, firstOrders: 1, conversionRate: 0.05 },
  ],
};

const API = {
  'GET /api/analytics/departments': json(DEPARTMENTS),
  'GET /api/analytics/salespeople': json(REPORT),
  'GET /api/analytics/customers': json(EMPTY_DRILL),
};

const names = () => screen.getAllByTestId('salespeople-table-row').map((row) => within(row).getAllByRole('cell')[0]!.textContent);

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/#/analytics-sales?from=2026-11-01&to=2026-11-26');
});

describe('SalespeopleScreen', () => {
  it('shows every figure of a salesperson: rates as %, fen as ¥, median days', async () => {
    fakeConsoleApi(API);
    render(<SalespeopleScreen />);
    const li = (await screen.findAllByTestId('salespeople-table-row')).find((row) => row.textContent!.includes('李雷'))!;
    expect(within(li).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['李雷', '华东销售部', '12', '1', '40', '30', '10', '75.0%', '50', '20', '40.0%', '6', '¥1,234.56', '3', '25.0%', '4.5 天']);
    const zhao = screen.getAllByTestId('salespeople-table-row').find((row) => row.textContent!.includes('赵六'))!;
    expect(within(zhao).getAllByRole('cell').map((cell) => cell.textContent).slice(7)).toEqual(['—', '0', '0', '—', '0', '¥0.00', '0', '—', '—']);
  });

  it('sorts by revenue first, flips on a second click, and keeps empty rates last', async () => {
    fakeConsoleApi(API);
    render(<SalespeopleScreen />);
    await screen.findAllByTestId('salespeople-table-row');
    expect(names()).toEqual(['李雷', '韩梅梅', '赵六']);
    expect(screen.getByTestId('salespeople-table-sort-netRevenueFen').closest('th')!.getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByTestId('salespeople-table-sort-newContacts'));
    expect(names()).toEqual(['韩梅梅', '李雷', '赵六']);
    expect(screen.getByTestId('salespeople-table-sort-newContacts').textContent).toBe('新增客户 ▼');
    fireEvent.click(screen.getByTestId('salespeople-table-sort-newContacts'));
    expect(names()).toEqual(['赵六', '李雷', '韩梅梅']);
    expect(screen.getByTestId('salespeople-table-sort-newContacts').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByTestId('salespeople-table-sort-newContacts').textContent).toBe('新增客户 ▲');

    fireEvent.click(screen.getByTestId('salespeople-table-sort-conversionRate'));
    expect(names()).toEqual(['李雷', '韩梅梅', '赵六']);
    fireEvent.click(screen.getByTestId('salespeople-table-sort-conversionRate'));
    expect(names()).toEqual(['韩梅梅', '李雷', '赵六']); // 赵六 has no rate: last either way
  });

  it('opens the customers behind a salesperson’s cell and behind a department’s', async () => {
    const api = fakeConsoleApi(API);
    render(<SalespeopleScreen />);
    fireEvent.click(await screen.findByTestId('drill-sales-lilei-firstOrders'));
    const drawer = await screen.findByRole('dialog', { name: '客户名单' });
    await within(drawer).findByText('没有符合条件的客户。');
    fireEvent.click(within(drawer).getByTestId('drill-close'));

    fireEvent.click(screen.getByTestId('drill-sales-hanmeimei-uncovered'));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByTestId('drill-close'));
    fireEvent.click(screen.getByTestId('drill-department-3-newContacts'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(3));

    expect(api.callsTo('GET', '/api/analytics/customers').map((call) => call.url)).toEqual([
      '/api/analytics/customers?population=paid&from=2026-11-01&to=2026-11-26&userid=lilei&firstOnly=true&page=1',
      '/api/analytics/customers?population=uncovered&userid=hanmeimei&page=1',
      '/api/analytics/customers?population=new_contacts&from=2026-11-01&to=2026-11-26&department=3&page=1',
    ]);
    expect(screen.getByTestId('drill-export-csv').getAttribute('href')).toBe('/api/analytics/customers?population=new_contacts&from=2026-11-01&to=2026-11-26&department=3&format=csv');
  });

  it('shows the server’s refusal of a department the manager does not lead, with 重试', async () => {
    window.history.replaceState(null, '', '/console/#/analytics-sales?from=2026-11-01&to=2026-11-26&department=9');
    const api = fakeConsoleApi({ ...API, 'GET /api/analytics/salespeople': fail(403, 'FORBIDDEN', '你只能查看自己负责的部门') });
    render(<SalespeopleScreen />);
    expect((await screen.findByRole('alert')).textContent).toBe('你只能查看自己负责的部门 重试');
    expect(api.callsTo('GET', '/api/analytics/salespeople')[0]!.url).toBe('/api/analytics/salespeople?from=2026-11-01&to=2026-11-26&department=9');
  });
});
