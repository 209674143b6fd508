import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_CHEN, CATEGORIES, GREETING, SPRING_POSTER } from '../features/console-content/testing/console-fixtures';
import { fail, fakeConsoleApi, json } from '../features/console-content/testing/fake-console-api';
import { navigateTo } from '../lib/navigation';
import { STAFF_LI } from '../test-support/fake-api';
import { ConsolePage } from './ConsolePage';

jest.mock('../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));
const navigate = jest.mocked(navigateTo);

const CONTENT_API = {
  'GET /api/scripts/categories': json({ categories: CATEGORIES }),
  'GET /api/scripts': json({ items: [GREETING], total: 1 }),
  'GET /api/posters/templates': json({ templates: [SPRING_POSTER] }),
  'GET /api/content/stats': json({ rows: [] }),
};

function signedInAs(staff: typeof ADMIN_CHEN) {
  return fakeConsoleApi({ 'GET /api/auth/me': json({ staff }), ...CONTENT_API });
}

beforeEach(() => {
  jest.clearAllMocks();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/');
});

describe('ConsolePage', () => {
  it('shows the staff header and the 内容 section of the nav, and opens 话术管理 first for an admin', async () => {
    signedInAs(ADMIN_CHEN);
    render(<ConsolePage />);

    expect((await screen.findByTestId('staff-name')).textContent).toBe('陈静');
    expect(screen.getByTestId('staff-role').textContent).toBe('管理员');
    const group = screen.getByRole('group', { name: '内容' });
    expect(within(group).getAllByRole('link').map((link) => link.textContent)).toEqual(['话术管理', '海报模板', '内容效果']);
    expect(screen.getByTestId('console-nav-scripts').getAttribute('aria-current')).toBe('page');
    await screen.findByTestId('category-tree');
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
    render(<ConsolePage />);
    await screen.findByText(/还没有内容发送记录/); // the first screen a manager may open
    fireEvent.click(screen.getByTestId('console-nav-posters'));
    await waitFor(() => expect(screen.getByTestId('needs-permission').textContent).toContain('需要管理员权限'));
  });

  it('sends a visitor without a session through WeCom OAuth back to the console', async () => {
    fakeConsoleApi({ 'GET /api/auth/me': fail(401, 'UNAUTHENTICATED', '请先登录') });
    render(<ConsolePage />);

    await screen.findByText('正在通过企业微信确认你的身份…');
    expect(navigate).toHaveBeenCalledWith('/api/auth/wecom/authorize?redirect=%2Fconsole%2F');
  });
});
