import { act, fireEvent, render, screen } from '@testing-library/react';
import { ok, serveApi } from '../../test/api';
import { loggedIn } from '../../test/session';
import { ORDER_NO, paidOrder, pendingOrder } from '../../test/order-fixtures';
import taro, { firePageHook, resetTaro, sentRequests, setRouterParams } from '../../test/taro';
import OrderListPage from './index';

const ORDERS = 'GET /api/orders';
const PAID_NO = 'ZK2611240009WXYZ';
const CLOSED_NO = 'ZK2611200003QRST';

const urls = () => taro.navigateTo.mock.calls.map(([options]) => options.url);

function serveOrders() {
  serveApi({
    [ORDERS]: () =>
      ok({
        orders: [
          pendingOrder(),
          paidOrder({ orderNo: PAID_NO, items: [pendingOrder().items[1]!], totalFen: 19_900 }),
          pendingOrder({ orderNo: CLOSED_NO, status: 'closed' }),
        ],
      }),
  });
}

describe('OrderListPage (我的订单)', () => {
  beforeEach(() => {
    resetTaro();
    loggedIn();
  });

  it('lists the orders with status chips, totals and a countdown on the unpaid one', async () => {
    serveOrders();
    render(<OrderListPage />);

    expect(await screen.findAllByText('精华护肤套装 等 3 件')).toHaveLength(2);
    expect(Array.from(document.querySelectorAll('.order-chip')).map((chip) => chip.textContent)).toEqual(['待支付', '已支付', '已关闭']);
    expect(screen.getAllByText('¥977.00')).toHaveLength(2); // the unpaid and the closed order
    expect(screen.getByText(/^剩余 1[45]:\d\d$/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '去支付' })).toHaveLength(1);
  });

  it('去支付 opens the pay page ready to pay; tapping a row opens the order', async () => {
    serveOrders();
    render(<OrderListPage />);
    await screen.findAllByText('精华护肤套装 等 3 件');

    fireEvent.click(screen.getByRole('button', { name: '去支付' }));
    fireEvent.click(screen.getByText('精华护肤套装'));

    expect(urls()).toEqual([`/pages/order/index?orderNo=${ORDER_NO}&pay=1`, `/pages/order/index?orderNo=${PAID_NO}`]);
  });

  it('opens at the tab 我的 asked for, and switches tabs', async () => {
    setRouterParams({ status: 'pending' });
    serveOrders();
    render(<OrderListPage />);
    await screen.findAllByText('精华护肤套装 等 3 件');
    expect(document.querySelectorAll('.orders-row')).toHaveLength(1);

    fireEvent.click(screen.getByText('已完成'));
    expect(screen.getByText('没有已完成的订单')).toBeTruthy();
    fireEvent.click(screen.getByText('全部'));
    expect(document.querySelectorAll('.orders-row')).toHaveLength(3);
  });

  it('loads again when coming back from a pay page', async () => {
    serveOrders();
    render(<OrderListPage />);
    act(() => void firePageHook('didShow'));
    await screen.findAllByText('精华护肤套装 等 3 件');
    act(() => void firePageHook('didShow'));
    await screen.findAllByText('精华护肤套装 等 3 件');
    expect(sentRequests().filter((r) => r === ORDERS)).toHaveLength(2);
  });

  it('says so when there are no orders yet', async () => {
    serveApi({ [ORDERS]: () => ok({ orders: [] }) });
    render(<OrderListPage />);
    expect(await screen.findByText('还没有订单')).toBeTruthy();
  });
});
