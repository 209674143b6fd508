import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CHURN_RULE, type ChurnRiskRow } from '@zhike/shared/analytics';
import { fakeConsoleApi, json } from '../../console-content/testing/fake-console-api';
import { EMPTY_DRILL, MANAGER_ZHANG, SALES_LI } from '../testing/analytics-fixtures';
import ChurnScreen from './ChurnScreen';

const row = (overrides: Partial<ChurnRiskRow> & Pick<ChurnRiskRow, 'customerId' | 'name'>): ChurnRiskRow => ({
  externalUserId: null,
  avatar: null,
  ownerUserid: 'lilei',
  ownerName: '李雷',
  lastActiveAt: '2026-11-14T04:00:00.000Z',
  usualGapDays: 3,
  silentDays: 12,
  scoreAtLastActive: 58,
  scoreNow: 18.4,
  risk: 80,
  reason: '平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 18',
  ...overrides,
});

const HAN = { userid: 'hanmeimei', name: '韩梅梅', total: 1 };
const LI = { userid: 'lilei', name: '李雷', total: 1 };
const REPORT = {
  asOf: '2026-11-26T00:00:00.000Z',
  rule: CHURN_RULE,
  total: 2,
  byOwner: [HAN, LI],
  rows: [
    row({ customerId: 'cus_sun', name: '孙丽', externalUserId: 'wm_demo_sun', risk: 45.6, silentDays: 9 }),
    row({ customerId: 'cus_chen', name: '陈总', ownerUserid: 'hanmeimei', ownerName: '韩梅梅', risk: 92, silentDays: 30, usualGapDays: 7.25 }),
  ],
};

describe('ChurnScreen', () => {
  it('gives a salesperson their list, riskiest first, with the id to copy and no manager columns', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const api = fakeConsoleApi({ 'GET /api/analytics/churn-risk': json({ ...REPORT, total: 1, byOwner: [LI], rows: [REPORT.rows[0]!] }) });
    render(<ChurnScreen staff={SALES_LI} />);

    const sun = await screen.findByTestId('churn-table-row');
    expect(within(sun).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '孙孙丽wm_demo_sun复制ID',
      '平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 18',
      '9 天',
      '3 天',
      '2026-11-14 12:00',
      '58 → 18',
      '46',
    ]);
    expect(within(sun).getByRole('meter', { name: '流失风险' }).getAttribute('aria-valuenow')).toBe('46');
    expect(screen.queryByTestId('drill-churn-total')).toBeNull();
    expect(screen.queryByTestId('churn-owner-filter')).toBeNull();
    expect(api.callsTo('GET', '/api/analytics/churn-risk')[0]!.url).toBe('/api/analytics/churn-risk');

    await act(async () => fireEvent.click(within(sun).getByTestId('copy-external-userid')));
    expect(writeText).toHaveBeenCalledWith('wm_demo_sun');
    expect(within(sun).getByTestId('copy-external-userid').textContent).toBe('已复制');
  });

  it('lets a manager narrow to one salesperson and open that list as customers', async () => {
    const api = fakeConsoleApi({
      'GET /api/analytics/churn-risk': [json(REPORT), json({ ...REPORT, total: 1, byOwner: [HAN], rows: [REPORT.rows[1]!] })],
      'GET /api/analytics/customers': json(EMPTY_DRILL),
    });
    render(<ChurnScreen staff={MANAGER_ZHANG} />);
    await screen.findAllByTestId('churn-table-row');
    expect(screen.getAllByTestId('churn-table-row').map((tr) => within(tr).getAllByRole('cell')[1]!.textContent)).toEqual(['韩梅梅', '李雷']);
    expect(screen.getByTestId('drill-churn-total').textContent).toBe('2');

    fireEvent.change(screen.getByTestId('churn-owner-filter'), { target: { value: 'hanmeimei' } });
    await waitFor(() => expect(screen.getByTestId('drill-churn-total').textContent).toBe('1'));
    expect(api.callsTo('GET', '/api/analytics/churn-risk')[1]!.url).toBe('/api/analytics/churn-risk?userid=hanmeimei');
    expect(screen.getAllByTestId('churn-table-row')).toHaveLength(1);
    // Everyone stays selectable while narrowed.
    expect(within(screen.getByTestId('churn-owner-filter')).getAllByRole('option').map((option) => option.textContent)).toEqual(['全部', '韩梅梅', '李雷']);
    fireEvent.click(screen.getByTestId('drill-churn-total'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(1));
    expect(api.callsTo('GET', '/api/analytics/customers')[0]!.url).toBe('/api/analytics/customers?population=churn_risk&userid=hanmeimei&page=1');
  });

  it('says so when nobody is at risk', async () => {
    fakeConsoleApi({ 'GET /api/analytics/churn-risk': json({ ...REPORT, total: 0, byOwner: [], rows: [] }) });
    render(<ChurnScreen staff={SALES_LI} />);
    expect((await screen.findByTestId('analytics-empty')).textContent).toBe('目前没有流失风险的客户');
  });
});
