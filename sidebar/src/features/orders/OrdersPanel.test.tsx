import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as ww from '@wecom/jssdk';
import type { ProductView } from '@zhike/shared/catalog';
import type { ChatMessage } from '@zhike/shared/content';
import type { CustomerOrdersSummary, OrderView } from '@zhike/shared/orders';
import { fail, fakeConsoleApi, json, type FakeConsoleRoute } from '../console-content/testing/fake-console-api';
import { OrdersPanel } from './OrdersPanel';
import { PENDING_REFRESH_MS } from './use-customer-orders';

jest.mock('@wecom/jssdk', () => ({ __esModule: true, env: { isWeCom: true }, sendChatMessage: jest.fn() }));
const sdk = jest.mocked(ww);

const EXTERNAL = 'wm/EXT 01';
const ORDERS_PATH = '/api/customers/by-external-userid/wm%2FEXT%2001/orders';

const SERUM: ProductView = {
  id: 'e00000000000000000000001',
  name: '精华护肤套装',
  subtitle: '',
  coverUrl: 'http://zhike.test/files/aaaa',
  imageUrls: [],
  priceFen: 39_900,
  badges: [],
  description: [],
  onSale: true,
  skus: [
    { id: 'f00000000000000000000001', name: '标准装', priceFen: 39_900, stock: 200, onSale: true },
    { id: 'f00000000000000000000002', name: '礼盒装', priceFen: 45_900, stock: 5, onSale: true },
  ],
};
const SOLD_OUT: ProductView = { ...SERUM, id: 'e00000000000000000000002', name: '晨露香氛', skus: [{ id: 'f00000000000000000000003', name: '50ml', priceFen: 29_900, stock: 0, onSale: true }] };

function order(over: Partial<OrderView> = {}): OrderView {
  return {
    orderNo: 'ZK2611250001ABCD',
    status: 'paid',
    items: [{ productId: SERUM.id, skuId: 'f00000000000000000000001', name: '精华护肤套装', skuName: '标准装', priceFen: 39_900, quantity: 1, amountFen: 39_900 }],
    subtotalFen: 39_900,
    discountFen: 0,
    totalFen: 39_900,
    refundedFen: 0,
    createdBy: { kind: 'customer' },
    createdAt: '2026-11-24T16:30:00.000Z',
    expiresAt: '2026-11-24T17:00:00.000Z',
    paidAt: '2026-11-24T16:31:00.000Z',
    history: [],
    ...over,
  };
}

const SUMMARY: CustomerOrdersSummary = { orders: [order()], lifetimeValueFen: 39_900, paidOrders: 1 };
const CARD: ChatMessage = { msgtype: 'miniprogram', miniprogram: { appid: 'wxdemo', title: '您的专属订单：精华护肤套装', imgUrl: 'http://zhike.test/files/aaaa', page: 'pages/orders/pay.html?orderNo=ZK2611250002WXYZ' } };
const PLACED = { order: order({ orderNo: 'ZK2611250002WXYZ', status: 'pending', subtotalFen: 91_800, discountFen: 1_000, totalFen: 90_800, createdBy: { kind: 'salesperson', userid: 'lina' } }), message: CARD };

function api(extra: Record<string, FakeConsoleRoute> = {}) {
  return fakeConsoleApi({ [`GET ${ORDERS_PATH}`]: json(SUMMARY), 'GET /api/catalog/products': json({ items: [SERUM, SOLD_OUT] }), ...extra });
}

const product = (productId: string) => screen.getAllByTestId('order-product').find((li) => li.getAttribute('data-product-id') === productId)!;

async function composeSerumOrder(discount: string) {
  render(<OrdersPanel externalUserId={EXTERNAL} />);
  fireEvent.click(await screen.findByTestId('new-order'));
  await screen.findAllByTestId('order-product');
  fireEvent.click(within(product(SERUM.id)).getByRole('checkbox'));
  fireEvent.change(screen.getByTestId('order-sku'), { target: { value: 'f00000000000000000000002' } });
  fireEvent.change(screen.getByTestId('order-quantity'), { target: { value: '2' } });
  fireEvent.change(screen.getByTestId('order-discount'), { target: { value: discount } });
}

beforeEach(() => jest.clearAllMocks());
afterEach(() => jest.useRealTimers());

describe('OrdersPanel', () => {
  it('shows lifetime value, paid orders and each order with status, total, items and Beijing time', async () => {
    const refunded = order({ orderNo: 'ZK2611200009QQQQ', status: 'refunded', refundedFen: 12_900, paymentIssue: '支付金额 100 分与订单金额 39900 分不符' });
    api({ [`GET ${ORDERS_PATH}`]: json({ ...SUMMARY, orders: [order(), refunded] }) });
    render(<OrdersPanel externalUserId={EXTERNAL} />);

    expect((await screen.findByTestId('orders-ltv')).textContent).toBe('¥399.00');
    expect(screen.getByTestId('orders-paid-count').textContent).toBe('1');
    const rows = screen.getAllByTestId('order-row');
    expect(rows.map((row) => row.getAttribute('data-order-no'))).toEqual(['ZK2611250001ABCD', 'ZK2611200009QQQQ']);
    expect(rows[0]!.textContent).toContain('已支付');
    expect(rows[0]!.textContent).toContain('¥399.00');
    expect(rows[0]!.textContent).toContain('精华护肤套装（标准装）× 1');
    expect(rows[0]!.textContent).toContain('2026-11-25 00:30'); // 16:30 UTC is the next day in Beijing
    expect(rows[1]!.textContent).toContain('已退款');
    expect(within(rows[1]!).getByRole('alert').textContent).toBe('支付待核实：支付金额 100 分与订单金额 39900 分不符');
  });

  it('places an order with SKU, quantity and a discount in 元, then sends the card the server built', async () => {
    const { callsTo } = api({ [`POST ${ORDERS_PATH}`]: json(PLACED, 201) });
    sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok' } as never);
    await composeSerumOrder('10');
    expect(screen.getByText(/应付/).textContent).toBe('小计 ¥918.00 · 优惠 ¥10.00 · 应付 ¥908.00');
    // Nothing in stock: cannot be chosen.
    expect((within(product(SOLD_OUT.id)).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('place-order'));

    expect((await screen.findByTestId('order-send-status')).textContent).toBe('已发送');
    const [placed] = callsTo('POST', ORDERS_PATH);
    expect(placed!.body).toEqual({ requestId: expect.stringMatching(/^[a-f0-9]{32}$/), items: [{ productId: SERUM.id, skuId: 'f00000000000000000000002', quantity: 2 }], discountFen: 1_000, note: '' });
    expect(sdk.sendChatMessage).toHaveBeenCalledWith(CARD);
    // The list is fetched again so the new order shows.
    await waitFor(() => expect(callsTo('GET', ORDERS_PATH)).toHaveLength(2));
  });

  it('shows the admin’s discount cap next to the discount, in 元', async () => {
    api({ [`POST ${ORDERS_PATH}`]: fail(400, 'VALIDATION_FAILED', '优惠超出上限：最多优惠订单金额的 10%', [{ field: 'body.discountFen', issue: '最多 9180 分' }]) });
    await composeSerumOrder('200');
    fireEvent.click(screen.getByTestId('place-order'));

    const issue = await screen.findByTestId('field-error');
    expect([issue.getAttribute('data-field'), issue.textContent]).toEqual(['body.discountFen', '最多可优惠 ¥91.80']);
    expect(screen.getByTestId('order-error').textContent).toContain('优惠超出上限：最多优惠订单金额的 10%');
    expect(sdk.sendChatMessage).not.toHaveBeenCalled();
  });

  it('retries a request lost on the network with the same requestId, and a fresh one for the next order', async () => {
    const { callsTo } = api({ [`POST ${ORDERS_PATH}`]: [{ status: 0 }, json(PLACED, 201), json(PLACED, 201)] });
    sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok' } as never);
    await composeSerumOrder('');
    fireEvent.click(screen.getByTestId('place-order'));
    expect((await screen.findByTestId('order-error')).textContent).toContain('网络连接失败');
    fireEvent.click(screen.getByTestId('place-order'));
    await screen.findByTestId('order-send-status');
    fireEvent.click(screen.getByRole('button', { name: '再下一单' }));
    fireEvent.click(within(product(SERUM.id)).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('place-order'));
    await screen.findByTestId('order-send-status');

    const ids = callsTo('POST', ORDERS_PATH).map((call) => (call.body as { requestId: string }).requestId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('says 已取消 or 发送失败 plainly, and sending again re-sends the same card without a second order', async () => {
    const { callsTo } = api({ [`POST ${ORDERS_PATH}`]: json(PLACED, 201) });
    sdk.sendChatMessage.mockRejectedValueOnce({ errMsg: 'sendChatMessage:cancel' }).mockRejectedValueOnce({ errMsg: 'sendChatMessage:fail no permission' }).mockResolvedValue({ errMsg: 'sendChatMessage:ok' } as never);
    await composeSerumOrder('');
    fireEvent.click(screen.getByTestId('place-order'));
    expect((await screen.findByTestId('order-send-status')).textContent).toBe('已取消');
    fireEvent.click(screen.getByTestId('resend-order'));
    await waitFor(() => expect(screen.getByTestId('order-send-status').textContent).toMatch(/^发送失败：.*客户联系权限/));
    fireEvent.click(screen.getByTestId('resend-order'));
    await waitFor(() => expect(screen.getByTestId('order-send-status').textContent).toBe('已发送'));
    expect(callsTo('POST', ORDERS_PATH)).toHaveLength(1);
    expect(sdk.sendChatMessage).toHaveBeenCalledTimes(3);
  });

  it('looks again while an order awaits payment, so 已支付 shows without reopening the tab', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T16:35:00Z') });
    const pending = order({ status: 'pending', paidAt: undefined });
    const { callsTo } = api({ [`GET ${ORDERS_PATH}`]: [json({ orders: [pending], lifetimeValueFen: 0, paidOrders: 0 }), json(SUMMARY)] });
    render(<OrdersPanel externalUserId={EXTERNAL} />);
    await waitFor(() => expect(screen.getByTestId('order-row').getAttribute('data-status')).toBe('pending'));
    await act(async () => {
      jest.advanceTimersByTime(PENDING_REFRESH_MS);
    });
    await waitFor(() => expect(screen.getByTestId('order-row').getAttribute('data-status')).toBe('paid'));
    expect(screen.getByTestId('orders-ltv').textContent).toBe('¥399.00');
    expect(callsTo('GET', ORDERS_PATH)).toHaveLength(2);
  });
});
