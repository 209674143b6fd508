import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CHURN_RULE } from '@zhike/shared/analytics';
import { funnelReport, overviewReport } from '../features/console-analytics/testing/analytics-fixtures';
import { ADMIN_CHEN, CATEGORIES, GREETING, SPRING_POSTER } from '../features/console-content/testing/console-fixtures';
import { fail, fakeConsoleApi, json } from '../features/console-content/testing/fake-console-api';
import { navigateTo } from '../lib/navigation';
import { STAFF_LI } from '../test-support/fake-api';
import { ConsolePage } from './ConsolePage';

jest.mock('../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));
jest.mock('../features/console-analytics/charts/echarts-runtime', () => ({ mountChart: jest.fn(() => ({ update: jest.fn(), dispose: jest.fn() })) }));
const navigate = jest.mocked(navigateTo);

const CONTENT_API = {
  'GET /api/scripts/categories': json({ categories: CATEGORIES }),
  'GET /api/scripts': json({ items: [GREETING], total: 1 }),
  'GET /api/posters/templates': json({ templates: [SPRING_POSTER] }),
  'GET /api/content/stats': json({ rows: [] }),
};

const ANALYTICS_API = {
  'GET /api/analytics/departments': json([{ departmentId: 2, name: '华东销售部' }]),
  'GET /api/analytics/overview': json(overviewReport()),
  'GET /api/analytics/funnel': json(funnelReport()),
  'GET /api/analytics/salespeople': json({ range: { from: '2026-11-01', to: '2026-11-26' }, coverageDays: 7, coverageAsOf: null, rows: [], departments: [] }),
  'GET /api/analytics/churn-risk': json({ asOf: null, rule: CHURN_RULE, total: 0, byOwner: [], rows: [] }),
};

function signedInAs(staff: typeof ADMIN_CHEN) {
  return fakeConsoleApi({ 'GET /api/auth/me': json({ staff }), ...CONTENT_API, ...ANALYTICS_API });
}

beforeEach(() => {
  jest.clearAllMocks();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/');
});

describe('ConsolePage', () => {
  it('shows the staff header, 数据分析 first in the nav, and opens 概览 first for an admin', async () => {
    signedInAs(ADMIN_CHEN);
    render(<ConsolePage />);

    expect((await screen.findByTestId('staff-name')).textContent).toBe('陈静');
    expect(screen.getByTestId('staff-role').textContent).toBe('管理员');
    const groups = screen.getAllByRole('group').map((group) => group.getAttribute('aria-label'));
    expect(groups[0]).toBe('数据分析');
    expect(within(screen.getByRole('group', { name: '数据分析' })).getAllByRole('link').map((link) => link.textContent)).toEqual(['概览', '销售业绩', '内容效果分析', '裂变推荐', '客户分群', '流失预警']);
    expect(within(screen.getByRole('group', { name: '内容' })).getAllByRole('link').map((link) => link.textContent)).toEqual(['话术管理', '海报模板', '内容效果']);
    expect(screen.getByTestId('console-nav-analytics').getAttribute('aria-current')).toBe('page');
    await screen.findByTestId('kpi-newContacts');
  });

  it('opens the analytics overview from a direct link with its range, and keeps the range across analytics sections', async () => {
    const { callsTo } = signedInAs({ ...ADMIN_CHEN, role: 'manager' });
    window.history.replaceState(null, '', '/console/#/analytics?from=2026-11-01&to=2026-11-26&department=2');
    render(<ConsolePage />);
    await screen.findByTestId('kpi-newContacts');
    expect(callsTo('GET', '/api/analytics/overview')[0]!.url).toBe('/api/analytics/overview?from=2026-11-01&to=2026-11-26&department=2');

    fireEvent.click(screen.getByTestId('console-nav-analytics-sales'));
    await screen.findByTestId('analytics-empty');
    expect(callsTo('GET', '/api/analytics/salespeople')[0]!.url).toBe('/api/analytics/salespeople?from=2026-11-01&to=2026-11-26&department=2');
    expect(window.location.hash).toBe('#/analytics-sales?from=2026-11-01&to=2026-11-26&department=2');
  });

  it('lands a salesperson on their own churn list, and keeps the dashboards for managers', async () => {
    const { calls } = signedInAs({ ...STAFF_LI, role: 'salesperson' });
    render(<ConsolePage />);
    expect((await screen.findByTestId('analytics-empty')).textContent).toBe('目前没有流失风险的客户');
    expect(screen.getByTestId('console-nav-analytics-churn').getAttribute('aria-current')).toBe('page');

    fireEvent.click(screen.getByTestId('console-nav-analytics'));
    expect((await screen.findByTestId('needs-permission')).textContent).toContain('需要主管权限');
    expect(calls.map((call) => call.path)).toEqual(['/api/auth/me', '/api/analytics/churn-risk']);
  });

  it('moves between screens through the hash, and reads the hash on load', async () => {
    signedInAs(ADMIN_CHEN);
    window.history.replaceState(null, '', '/console/#/stats');
    render(<ConsolePage />);
    await screen.findByText(/还没有内容发送记录/);

    fireEvent.click(screen.getByTestId('console-nav-posters'));
    expect(window.location.hash).toBe('#/posters');
    await screen.findByText('春季新品');
    expect(screen.getByTestId('console-nav-posters').getAttribute('aria-current')).toBe('page');

    act(() => {
      window.location.hash = '#/scripts'; // the browser's back button or a pasted link
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await screen.findByTestId('category-tree');
  });

  it('tells a salesperson politely that admin rights are needed, without asking the API', async () => {
    const { calls } = signedInAs({ ...STAFF_LI, role: 'salesperson' });
    window.history.replaceState(null, '', '/console/#/scripts');
    render(<ConsolePage />);

    expect((await screen.findByTestId('needs-permission')).textContent).toContain('需要管理员权限');
    fireEvent.click(screen.getByTestId('console-nav-stats'));
    expect((await screen.findByTestId('needs-permission')).textContent).toContain('需要主管权限');
    expect(calls.map((call) => call.path)).toEqual(['/api/auth/me']);
  });

  it('lets a manager open 内容效果 but not the admin screens', async () => {
    signedInAs({ ...ADMIN_CHEN, role: 'manager' });
    window.history.replaceState(null, '', '/console/#/stats');
    render(<ConsolePage />);
    await screen.findByText(/还没有内容发送记录/);
    fireEvent.click(screen.getByTestId('console-nav-posters'));
    await waitFor(() => expect(screen.getByTestId('needs-permission').textContent).toContain('需要管理员权限'));
  });

  it('sends a visitor without a session through WeCom OAuth back to the console', async () => {
    fakeConsoleApi({ 'GET /api/auth/me': fail(401, 'UNAUTHENTICATED', '请先登录') });
    render(<ConsolePage />);

    await screen.findByText('正在通过企业微信确认你的身份…');
    expect(navigate).toHaveBeenCalledWith('/api/auth/wecom/authorize?redirect=%2Fconsole%2F');
  });

  it('brings a visitor who opened a link to an analytics screen back to that screen after login', async () => {
    fakeConsoleApi({ 'GET /api/auth/me': fail(401, 'UNAUTHENTICATED', '请先登录') });
    window.history.replaceState(null, '', '/console/#/analytics-sales?from=2026-11-01&to=2026-11-26');
    render(<ConsolePage />);

    await screen.findByText('正在通过企业微信确认你的身份…');
    expect(navigate).toHaveBeenCalledWith('/api/auth/wecom/authorize?redirect=%2Fconsole%2F%23%2Fanalytics-sales%3Ffrom%3D2026-11-01%26to%3D2026-11-26');
  });
});
