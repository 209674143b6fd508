import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReferralTree, ReferralsReport } from '@zhike/shared/analytics';
import { fakeConsoleApi, json } from '../../console-content/testing/fake-console-api';
import { DEPARTMENTS, EMPTY_DRILL } from '../testing/analytics-fixtures';
import ReferralsScreen from './ReferralsScreen';

const REPORT: ReferralsReport = {
  range: { from: '2026-11-01', to: '2026-11-26' },
  invited: { value: 10, previous: 8 },
  activated: { value: 6, previous: 6 },
  converted: { value: 2, previous: 0 },
  referredRevenueFen: { value: 59_800, previous: 29_900 },
  topReferrers: [{ customerId: 'cus_wang', name: '王小明', invited: 4, activated: 3, converted: 1, revenueFen: 29_900 }],
};

const TREE: ReferralTree = {
  invitedBy: [{ customerId: 'cus_root', name: '老周' }],
  root: {
    customerId: 'cus_wang',
    name: '王小明',
    at: '2026-10-01T02:00:00.000Z',
    channel: 'share',
    ordered: true,
    revenueFen: 19_900,
    children: [
      { customerId: 'cus_zhao', name: '赵雪', at: '2026-11-02T02:00:00.000Z', channel: 'poster', ordered: true, revenueFen: 29_900, children: [{ customerId: 'cus_qian', name: '钱多多', at: null, channel: 'share', ordered: false, revenueFen: 0, children: [] }] },
    ],
  },
  truncated: false,
};

const API = {
  'GET /api/analytics/departments': json(DEPARTMENTS),
  'GET /api/analytics/referrals': json(REPORT),
  'GET /api/analytics/referrals/tree/cus_wang': json(TREE),
  'GET /api/analytics/customers': json(EMPTY_DRILL),
};

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/#/analytics-referrals?from=2026-11-01&to=2026-11-26');
});

describe('ReferralsScreen', () => {
  it('shows the referral KPIs and the top referrers with their rates', async () => {
    fakeConsoleApi(API);
    render(<ReferralsScreen />);
    expect((await screen.findByTestId('kpi-invited-change')).textContent).toBe('▲25.0%');
    expect(screen.getByTestId('kpi-referredRevenueFen').textContent).toContain('¥598.00');
    const row = screen.getByTestId('referrers-table-row');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['王小明', '4', '3', '75.0%', '1', '25.0%', '¥299.00']);
  });

  it('opens a referrer’s tree, indented by level, and the list of whom they invited', async () => {
    const api = fakeConsoleApi(API);
    render(<ReferralsScreen />);
    fireEvent.click(await screen.findByTestId('referral-tree-open-cus_wang'));
    const tree = await screen.findByTestId('referral-tree');
    await within(tree).findAllByTestId('referral-node');
    expect(within(tree).getByTestId('referral-chain').textContent).toBe('邀请链：老周 › 王小明');
    const nodes = within(tree).getAllByTestId('referral-node').map((node) => node.querySelector('.referral-node') as HTMLElement);
    expect(nodes.map((node) => [node.style.paddingLeft, node.textContent])).toEqual([
      ['0px', '王小明分享已下单营收 ¥199.00邀请 1 人2026-10-01 10:00 被邀请'],
      ['20px', '赵雪海报已下单营收 ¥299.00邀请 1 人2026-11-02 10:00 被邀请'],
      ['40px', '钱多多分享未下单营收 ¥0.00'],
    ]);

    fireEvent.click(screen.getByTestId('drill-referrer-cus_wang-invited'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(1));
    expect(api.callsTo('GET', '/api/analytics/customers')[0]!.url).toBe('/api/analytics/customers?population=invitees&inviterId=cus_wang&page=1');
  });
});
