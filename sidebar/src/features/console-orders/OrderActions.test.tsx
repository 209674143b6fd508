import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AdminOrderView, OrderView } from '@zhike/shared/orders';
import { ADMIN_CHEN } from '../console-content/testing/console-fixtures';
import { fail, fakeConsoleApi, json, type FakeConsoleRoute } from '../console-content/testing/fake-console-api';
import OrdersScreen from './OrdersScreen';
import { PAID_ORDER } from './testing-fixtures';

const ORDER_PATH = `/api/admin/orders/${PAID_ORDER.orderNo}`;

/** What the refund endpoint answers: the plain order view, without the console's names. */
function plainView({ customerName: _customer, salespersonName: _salesperson, ...order }: AdminOrderView): OrderView {
  return order;
}

async function openPaidOrder(routes: Record<string, FakeConsoleRoute>) {
  const api = fakeConsoleApi({ 'GET /api/admin/orders': json({ orders: [PAID_ORDER], total: 1 }), ...routes });
  render(<OrdersScreen staff={ADMIN_CHEN} />);
  fireEvent.click(await screen.findByText(PAID_ORDER.orderNo));
  return api;
}

const row = () => screen.getByTestId('order-admin-row');
const detail = () => screen.getByTestId('order-detail');
const fieldOf = (element: HTMLElement) => element.closest('.form-field') as HTMLElement;
const errorsIn = (element: HTMLElement) => within(element).queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);
const refundBodies = (callsTo: ReturnType<typeof fakeConsoleApi>['callsTo']) => callsTo('POST', `${ORDER_PATH}/refunds`).map((call) => call.body as { requestId: string; amountFen: number; reason: string });

function fillRefund(amount: string | null, reason: string) {
  if (amount !== null) fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: amount } });
  fireEvent.change(screen.getByTestId('refund-reason'), { target: { value: reason } });
  fireEvent.click(screen.getByTestId('submit-refund'));
}

describe('订单管理 actions', () => {
  it('marks a paid order fulfilled with the note, and the row and history follow', async () => {
    const fulfilled: AdminOrderView = {
      ...PAID_ORDER,
      status: 'fulfilled',
      history: [...PAID_ORDER.history, { from: 'paid', to: 'fulfilled', at: '2026-11-25T02:00:00.000Z', by: 'chenjing', reason: '顺丰 SF001' }],
    };
    const { callsTo } = await openPaidOrder({ [`POST ${ORDER_PATH}/fulfil`]: json({ order: fulfilled }) });
    fireEvent.change(within(detail()).getByLabelText('发货备注'), { target: { value: ' 顺丰 SF001 ' } });
    fireEvent.click(screen.getByTestId('fulfil-order'));

    await waitFor(() => expect(row().getAttribute('data-status')).toBe('fulfilled'));
    expect(callsTo('POST', `${ORDER_PATH}/fulfil`).map((call) => call.body)).toEqual([{ note: '顺丰 SF001' }]);
    expect(within(detail()).getByRole('status').textContent).toBe('已标记完成');
    expect(within(detail()).getAllByTestId('order-history-step').at(-1)!.textContent).toBe('已支付 → 已完成chenjing · 2026-11-25 10:00顺丰 SF001');
    expect(screen.queryByTestId('fulfil-order')).toBeNull();
    expect(screen.getByTestId('refund-order')).toBeTruthy(); // a fulfilled order can still be refunded
  });

  it('shows the server’s reason when the order can no longer be fulfilled', async () => {
    await openPaidOrder({ [`POST ${ORDER_PATH}/fulfil`]: fail(409, 'CONFLICT', '只有已支付的订单可以标记完成') });
    fireEvent.click(screen.getByTestId('fulfil-order'));
    expect((await screen.findByTestId('form-error')).textContent).toContain('只有已支付的订单可以标记完成');
    expect(row().getAttribute('data-status')).toBe('paid');
  });

  it('refunds what is left by default, in fen, and shows the refunded amount', async () => {
    const refunded = { ...PAID_ORDER, status: 'refunded' as const, refundedFen: 39_900 };
    const { callsTo } = await openPaidOrder({ [`POST ${ORDER_PATH}/refunds`]: json({ order: plainView(refunded) }) });
    fireEvent.click(screen.getByTestId('refund-order'));
    expect((screen.getByTestId('refund-amount') as HTMLInputElement).value).toBe('299');
    fillRefund(null, ' 顾客退货 ');

    await waitFor(() => expect(row().getAttribute('data-status')).toBe('refunded'));
    const [body] = refundBodies(callsTo);
    expect(body).toEqual({ requestId: expect.stringMatching(/^[0-9a-f]{32}$/), amountFen: 29_900, reason: '顾客退货' });
    expect(within(row()).getAllByRole('cell')[5]!.textContent).toBe('¥399.00');
    expect(within(row()).getAllByRole('cell')[2]!.textContent).toBe('李娜'); // names kept from the list
    expect(within(detail()).getByRole('status').textContent).toBe('已退款 ¥299.00');
    expect(screen.queryByTestId('refund-order')).toBeNull(); // nothing left to refund
  });

  it('says a refund still processing upstream is submitted, not done', async () => {
    await openPaidOrder({ [`POST ${ORDER_PATH}/refunds`]: json({ order: plainView(PAID_ORDER) }) });
    fireEvent.click(screen.getByTestId('refund-order'));
    fillRefund('50', '少发一支');
    expect((await within(detail()).findByRole('status')).textContent).toBe('退款 ¥50.00 已提交，微信支付确认后更新已退金额');
  });

  it('shows the server’s 400 next to the amount in 元, and the next try is a new refund request', async () => {
    const { callsTo } = await openPaidOrder({
      [`POST ${ORDER_PATH}/refunds`]: [fail(400, 'VALIDATION_FAILED', '最多还能退 100.00 元', [{ field: 'body.amountFen', issue: '最多 10000 分' }]), json({ order: plainView(PAID_ORDER) })],
    });
    fireEvent.click(screen.getByTestId('refund-order'));
    fillRefund('150', '质量问题');

    await waitFor(() => expect(errorsIn(fieldOf(screen.getByTestId('refund-amount')))).toEqual([['body.amountFen', '最多可退 ¥100.00']]));
    expect(screen.getByTestId('form-error').textContent).toContain('最多还能退 100.00 元');
    expect(screen.getByTestId('refund-amount').getAttribute('aria-invalid')).toBe('true');

    fillRefund('100', '质量问题');
    await within(detail()).findByRole('status');
    const [first, second] = refundBodies(callsTo);
    expect(second!.amountFen).toBe(10_000);
    expect(second!.requestId).not.toBe(first!.requestId);
  });

  it('retries after a network failure with the same requestId, so the refund cannot happen twice', async () => {
    const { callsTo } = await openPaidOrder({ [`POST ${ORDER_PATH}/refunds`]: [{ status: 0 }, { status: 502 }, json({ order: plainView({ ...PAID_ORDER, refundedFen: 15_000 }) }), json({ order: plainView(PAID_ORDER) })] });
    fireEvent.click(screen.getByTestId('refund-order'));
    fillRefund('50', '少发一支');
    expect((await screen.findByTestId('refund-unanswered')).textContent).toContain('不会重复退款');

    fireEvent.click(screen.getByTestId('submit-refund'));
    await waitFor(() => expect(refundBodies(callsTo)).toHaveLength(2));
    await waitFor(() => expect((screen.getByTestId('submit-refund') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByTestId('refund-unanswered')).toBeTruthy(); // a 502 may have started it too
    fireEvent.click(screen.getByTestId('submit-refund'));
    expect((await within(detail()).findByRole('status')).textContent).toBe('已退款 ¥50.00');

    const [first, second, third] = refundBodies(callsTo);
    expect(new Set([first!.requestId, second!.requestId, third!.requestId]).size).toBe(1);
    expect(third).toEqual({ requestId: first!.requestId, amountFen: 5_000, reason: '少发一支' });

    // A new refund after the answer is a new request.
    fireEvent.click(screen.getByTestId('refund-order'));
    fillRefund('10', '补偿运费');
    await waitFor(() => expect(refundBodies(callsTo)).toHaveLength(4));
    expect(refundBodies(callsTo)[3]!.requestId).not.toBe(first!.requestId);
  });

  it('checks the form before sending: amount not in 元, above what is left, no reason', async () => {
    const { callsTo } = await openPaidOrder({});
    fireEvent.click(screen.getByTestId('refund-order'));
    fillRefund('12.345', ' ');
    expect(errorsIn(fieldOf(screen.getByTestId('refund-amount')))).toEqual([['body.amountFen', '请填写金额，如 99 或 99.90']]);
    expect(errorsIn(fieldOf(screen.getByTestId('refund-reason')))).toEqual([['body.reason', '请填写退款原因']]);
    fillRefund('300', '质量问题');
    expect(errorsIn(fieldOf(screen.getByTestId('refund-amount')))).toEqual([['body.amountFen', '最多可退 ¥299.00']]);
    expect(refundBodies(callsTo)).toHaveLength(0);
  });
});
