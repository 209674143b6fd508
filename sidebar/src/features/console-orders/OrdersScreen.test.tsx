import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_CHEN } from '../console-content/testing/console-fixtures';
import { fail, fakeConsoleApi, json, type FakeConsoleRoute } from '../console-content/testing/fake-console-api';
import OrdersScreen from './OrdersScreen';
import { PAID_ORDER, PENDING_ORDER } from './testing-fixtures';

const MANAGER = { ...ADMIN_CHEN, role: 'manager' as const };

function api(list: FakeConsoleRoute = json({ orders: [PENDING_ORDER, PAID_ORDER], total: 2 })) {
  return fakeConsoleApi({ 'GET /api/admin/orders': list });
}

const rowOf = (orderNo: string) => screen.getAllByTestId('order-admin-row').find((row) => row.getAttribute('data-order-no') === orderNo)!;
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('订单管理 screen', () => {
  it('lists the orders with customer, salesperson, items, money in 元, status, Beijing time and the 支付异常 marker', async () => {
    const { calls } = api();
    render(<OrdersScreen staff={ADMIN_CHEN} />);
    await screen.findByText('王小明');

    expect(cellsOf(rowOf(PAID_ORDER.orderNo))).toEqual([PAID_ORDER.orderNo, '王小明', '李娜', '精华护肤套装 ×1 等 2 种', '¥399.00', '¥100.00', '已支付', '2026-11-25 00:30']);
    expect(cellsOf(rowOf(PENDING_ORDER.orderNo))).toEqual([PENDING_ORDER.orderNo, '赵敏', '李娜', '精华护肤套装 ×1', '¥399.00', '—', '待支付支付异常', '2026-11-25 09:05']);
    expect(rowOf(PAID_ORDER.orderNo).getAttribute('data-status')).toBe('paid');
    expect(within(rowOf(PENDING_ORDER.orderNo)).getByTestId('payment-issue').getAttribute('title')).toBe(PENDING_ORDER.paymentIssue);
    expect(calls.map((call) => call.url)).toEqual(['/api/admin/orders?limit=50&offset=0']);
  });

  it('asks the server for one status per tab, from its first page', async () => {
    const { calls } = api([json({ orders: [PENDING_ORDER, PAID_ORDER], total: 2 }), json({ orders: [PAID_ORDER], total: 1 })]);
    render(<OrdersScreen staff={ADMIN_CHEN} />);
    await screen.findByText('王小明');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['全部', '待支付', '已支付', '已完成', '已关闭', '已退款']);

    fireEvent.click(screen.getByTestId('order-filter-paid'));
    await waitFor(() => expect(screen.getAllByTestId('order-admin-row')).toHaveLength(1));
    expect(screen.getByTestId('order-filter-paid').getAttribute('aria-selected')).toBe('true');
    const query = calls[1]!.query;
    expect([query.get('status'), query.get('limit'), query.get('offset')]).toEqual(['paid', '50', '0']);
  });

  it('pages through 50 orders at a time', async () => {
    const { calls } = api(json({ orders: [PAID_ORDER], total: 120 }));
    render(<OrdersScreen staff={ADMIN_CHEN} />);
    expect(await screen.findByText('第 1–50 条，共 120 条')).toBeTruthy();
    fireEvent.click(screen.getByTestId('orders-next-page'));
    expect(await screen.findByText('第 51–100 条，共 120 条')).toBeTruthy();
    expect(calls[1]!.query.get('offset')).toBe('50');
  });

  it('opens an order: lines, totals and the history with who and why', async () => {
    api();
    render(<OrdersScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByText(PAID_ORDER.orderNo));
    const detail = screen.getByTestId('order-detail');

    expect(within(detail).getAllByTestId('order-line').map((line) => within(line).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['精华护肤套装（标准装）', '¥399.00', '1', '¥399.00'],
      ['修护手霜礼盒（三支装）', '¥50.00', '2', '¥100.00'],
    ]);
    expect(within(detail).getByTestId('order-totals').textContent).toBe('商品小计¥499.00优惠-¥100.00实付¥399.00已退¥100.00');
    expect(within(detail).getAllByTestId('order-history-step').map((step) => step.textContent)).toEqual([
      '下单 → 待支付李娜 · 2026-11-25 00:30代客下单',
      '待支付 → 已支付微信支付 · 2026-11-25 00:31支付成功',
    ]);
    expect(rowOf(PAID_ORDER.orderNo).getAttribute('aria-selected')).toBe('true');
  });

  it('shows a manager the orders and their detail, but no actions', async () => {
    api();
    render(<OrdersScreen staff={MANAGER} />);
    fireEvent.click(await screen.findByText(PAID_ORDER.orderNo));
    expect(screen.getByTestId('order-detail')).toBeTruthy();
    expect(screen.queryByTestId('fulfil-order')).toBeNull();
    expect(screen.queryByTestId('refund-order')).toBeNull();
  });

  it('offers each action only where the status allows it', async () => {
    api();
    render(<OrdersScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByText(PENDING_ORDER.orderNo));
    expect(within(screen.getByTestId('order-detail')).getByRole('alert').textContent).toContain(PENDING_ORDER.paymentIssue);
    expect(screen.queryByTestId('fulfil-order')).toBeNull();
    expect(screen.queryByTestId('refund-order')).toBeNull();
  });

  it('explains whom to ask when the server refuses the viewer', async () => {
    api(fail(403, 'FORBIDDEN', '没有权限执行此操作'));
    render(<OrdersScreen staff={{ ...ADMIN_CHEN, role: 'salesperson' }} />);
    expect((await screen.findByTestId('needs-permission')).textContent).toContain('需要主管权限');
  });

  it('says what failed and loads again on 重试', async () => {
    api([fail(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), json({ orders: [PAID_ORDER], total: 1 })]);
    render(<OrdersScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('王小明')).toBeTruthy();
  });
});
