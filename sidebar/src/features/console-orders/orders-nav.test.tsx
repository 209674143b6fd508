import { fireEvent, render, screen, within } from '@testing-library/react';
import { ConsolePage } from '../../pages/ConsolePage';
import { ADMIN_CHEN } from '../console-content/testing/console-fixtures';
import { fakeConsoleApi, json } from '../console-content/testing/fake-console-api';
import { PAID_ORDER } from './testing-fixtures';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/');
});

describe('订单管理 in the console nav', () => {
  it('sits under 商城 next to 商品管理, and a manager opens it (lazily) to look, without actions', async () => {
    fakeConsoleApi({ 'GET /api/auth/me': json({ staff: { ...ADMIN_CHEN, role: 'manager' } }), 'GET /api/content/stats': json({ rows: [] }), 'GET /api/admin/orders': json({ orders: [PAID_ORDER], total: 1 }) });
    render(<ConsolePage />);
    const group = await screen.findByRole('group', { name: '商城' });
    expect(within(group).getAllByRole('link').map((link) => link.textContent)).toEqual(['商品管理', '订单管理']);

    fireEvent.click(screen.getByTestId('console-nav-orders'));
    expect(window.location.hash).toBe('#/orders');
    fireEvent.click(await screen.findByText(PAID_ORDER.orderNo));
    expect(screen.getByTestId('order-detail')).toBeTruthy();
    expect(screen.queryByTestId('fulfil-order')).toBeNull();
  });
});
