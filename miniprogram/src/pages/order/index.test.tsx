import { act, fireEvent, render, screen } from '@testing-library/react';
import { fail, ok, serveApi } from '../../test/api';
import { loggedIn } from '../../test/session';
import { ORDER_NO, paidOrder, payParams, pendingOrder } from '../../test/order-fixtures';
import taro, { firePageHook, resetTaro, sentRequests, setRouterParams } from '../../test/taro';
import { tracker } from '../../lib/tracking';
import OrderDetailPage from './index';
import OrderPayPage from '../orders/pay';

const ORDER = `GET /api/orders/${ORDER_NO}`;
const PAYMENT = `POST /api/orders/${ORDER_NO}/payment`;
const DEMO_PAY = 'POST /sandbox/demo/wechatpay/pay';

const countOf = (request: string) => sentRequests().filter((r) => r === request).length;
const payButton = () => screen.getByRole('button', { name: /立即支付|支付中…|已超时/ }) as HTMLButtonElement;

/** Lets the polling's 1-second waits pass, answering requests in between. */
async function passSeconds(seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i += 1) await act(() => jest.advanceTimersByTimeAsync(1000));
}

describe('OrderPage (the pay page)', () => {
  beforeEach(() => {
    resetTaro();
    loggedIn();
    setRouterParams({ orderNo: ORDER_NO });
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    delete process.env.TARO_ENV;
    jest.useRealTimers();
  });

  it('shows the lines, totals with the advisor discount, who ordered, the countdown and the history', async () => {
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }) });
    render(<OrderDetailPage />);

    expect(await screen.findByText('¥798.00')).toBeTruthy();
    expect(screen.getByText('50ml 正装 · ¥399.00 × 2')).toBeTruthy();
    expect(screen.getByText('¥997.00')).toBeTruthy();
    expect(screen.getByText('-¥20.00')).toBeTruthy();
    expect(screen.getAllByText('¥977.00')).toHaveLength(2); // the 应付 line and the bar
    expect(screen.getByText('顾问李娜为您下单')).toBeTruthy();
    expect(screen.getByText(/^剩余 1[45]:\d\d，超时订单将自动关闭$/)).toBeTruthy();
    expect(screen.getByText('代客下单')).toBeTruthy();
    expect(payButton().disabled).toBeFalsy();
  });

  it('pays: signed parameters, the WeChat pay sheet, then waits for the server to say 已支付', async () => {
    jest.useFakeTimers();
    serveApi({ [ORDER]: [() => ok({ order: pendingOrder() }), () => ok({ order: pendingOrder() }), () => ok({ order: paidOrder() })], [PAYMENT]: () => ok(payParams) });
    taro.requestPayment.mockResolvedValue({ errMsg: 'requestPayment:ok' });
    render(<OrderDetailPage />);
    act(() => void firePageHook('didShow'));
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());
    expect(tracker().pending().filter((e) => e.type === 'tap').map((e) => e.target?.id)).toEqual([`pay:${ORDER_NO}`]);
    expect(await screen.findByText('支付确认中…')).toBeTruthy();
    expect(taro.requestPayment).toHaveBeenCalledWith(expect.objectContaining({ package: 'prepay_id=wx2611250001', signType: 'RSA', paySign: 'c2lnbmF0dXJl' }));
    // The sheet's ok is not proof: the page still says 待支付 until the server does.
    expect(screen.queryByText('支付成功')).toBeNull();

    await passSeconds(1);
    expect(screen.queryByText('支付成功')).toBeNull();
    await passSeconds(1);

    expect(screen.getByText('支付成功')).toBeTruthy();
    expect(screen.getByText('已支付', { selector: '.pay-status-label' })).toBeTruthy();
    expect(screen.queryByText('支付确认中…')).toBeNull();
    expect(screen.queryByRole('button', { name: '立即支付' })).toBeNull();
    expect(countOf(ORDER)).toBe(3);
  });

  it('says the result is still being confirmed when the server has not heard within 15 seconds', async () => {
    jest.useFakeTimers();
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }), [PAYMENT]: () => ok(payParams) });
    taro.requestPayment.mockResolvedValue({ errMsg: 'requestPayment:ok' });
    render(<OrderDetailPage />);
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());
    await screen.findByText('支付确认中…');
    await passSeconds(15);

    expect(screen.getByText('支付结果确认中，可稍后在我的订单查看')).toBeTruthy();
    expect(screen.queryByText('支付成功')).toBeNull();
    expect(countOf(ORDER)).toBe(16);
    await passSeconds(5);
    expect(countOf(ORDER)).toBe(16); // polling has stopped
  });

  it('goes back to 立即支付 without a word when the customer closes the pay sheet', async () => {
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }), [PAYMENT]: () => ok(payParams) });
    taro.requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail cancel' });
    render(<OrderDetailPage />);
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());
    await act(async () => undefined);

    expect(await screen.findByRole('button', { name: '立即支付' })).toBeTruthy();
    expect(document.querySelector('.pay-error')).toBeNull();
    expect(screen.queryByText('支付确认中…')).toBeNull();
    expect(countOf(ORDER)).toBe(1);
  });

  it('shows why a payment failed and lets the customer try again', async () => {
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }), [PAYMENT]: () => ok(payParams) });
    taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail 银行卡余额不足' }).mockResolvedValueOnce({ errMsg: 'requestPayment:fail cancel' });
    render(<OrderDetailPage />);
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());
    expect(await screen.findByText('支付未完成：银行卡余额不足')).toBeTruthy();
    expect(payButton().disabled).toBeFalsy();
    fireEvent.click(payButton());
    await act(async () => undefined);
    expect(countOf(PAYMENT)).toBe(2);
  });

  it('shows the server refusing to pay a closed order, and the order as it now is', async () => {
    const closed = pendingOrder({ status: 'closed', history: [...pendingOrder().history, { from: 'pending', to: 'closed', at: new Date().toISOString(), by: 'system', reason: '超时未支付，自动关闭' }] });
    serveApi({ [ORDER]: [() => ok({ order: pendingOrder() }), () => ok({ order: closed })], [PAYMENT]: () => fail(409, 'CONFLICT', '订单已关闭，请重新下单') });
    render(<OrderDetailPage />);
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());

    expect(await screen.findByText('订单已关闭，请重新下单')).toBeTruthy();
    expect(await screen.findByText('已关闭', { selector: '.pay-status-label' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '立即支付' })).toBeNull();
    expect(taro.requestPayment).not.toHaveBeenCalled();
  });

  it('in the H5 demo, pays through the 演示支付 sheet and the WeChat Pay sandbox', async () => {
    process.env.TARO_ENV = 'h5';
    serveApi({ [ORDER]: [() => ok({ order: pendingOrder() }), () => ok({ order: paidOrder() })], [PAYMENT]: () => ok(payParams), [DEMO_PAY]: () => ok({ errMsg: 'requestPayment:ok' }) });
    render(<OrderDetailPage />);
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());
    expect(await screen.findByText('演示支付 · 不会真实扣款')).toBeTruthy();
    expect(document.querySelector('.demo-pay-amount')?.textContent).toBe('¥977.00');
    fireEvent.click(screen.getByRole('button', { name: '确认支付' }));

    expect(await screen.findByText('支付成功', {}, { timeout: 3000 })).toBeTruthy();
    const demoPay = taro.request.mock.calls.map(([req]) => req).find((req: { url: string }) => req.url.endsWith('/sandbox/demo/wechatpay/pay'));
    expect(demoPay.data).toEqual(payParams.payParams);
    expect(taro.requestPayment).not.toHaveBeenCalled();
  });

  it('in the H5 demo, 取消 in the sheet leaves the order unpaid, quietly', async () => {
    process.env.TARO_ENV = 'h5';
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }), [PAYMENT]: () => ok(payParams), [DEMO_PAY]: () => ok({ errMsg: 'requestPayment:fail cancel' }) });
    render(<OrderDetailPage />);
    await screen.findByText('¥798.00');

    fireEvent.click(payButton());
    fireEvent.click(await screen.findByRole('button', { name: '取消' }));

    expect(await screen.findByRole('button', { name: '立即支付' })).toBeTruthy();
    expect(screen.queryByText('演示支付 · 不会真实扣款')).toBeNull();
    expect(document.querySelector('.pay-error')).toBeNull();
    const demoPay = taro.request.mock.calls.map(([req]) => req).find((req: { url: string }) => req.url.endsWith('/sandbox/demo/wechatpay/pay'));
    expect(demoPay.data).toEqual({ ...payParams.payParams, cancel: true });
  });

  it('says a payment held for review is being looked after, with no 立即支付', async () => {
    serveApi({ [ORDER]: () => ok({ order: pendingOrder({ paymentIssue: '支付金额与订单金额不一致' }) }) });
    render(<OrderDetailPage />);
    expect(await screen.findByText('支付异常，顾问会联系您')).toBeTruthy();
    expect(payButton().disabled).toBe(true);
  });

  it('disables paying once the countdown has run out', async () => {
    serveApi({ [ORDER]: () => ok({ order: pendingOrder({ expiresAt: new Date(Date.now() - 1000).toISOString() }) }) });
    render(<OrderDetailPage />);
    expect(await screen.findByText('支付已超时，订单将自动关闭')).toBeTruthy();
    expect(payButton().disabled).toBe(true);
  });

  it("says so when the order is not the customer's", async () => {
    serveApi({ [ORDER]: () => fail(404, 'NOT_FOUND', '订单不存在') });
    render(<OrderDetailPage />);
    expect(await screen.findByText('找不到这个订单')).toBeTruthy();
  });
});

describe('OrderPayPage (pages/orders/pay, the 代客下单 card)', () => {
  beforeEach(() => {
    resetTaro();
    loggedIn();
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  it('opens the order the card names and reports the view under its own route', async () => {
    setRouterParams({ orderNo: ORDER_NO });
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }) });
    render(<OrderPayPage />);
    expect(await screen.findByText('顾问李娜为您下单')).toBeTruthy();
    act(() => void firePageHook('didShow'));
    expect(tracker().pending().map((e) => [e.type, e.page])).toEqual([['page_view', 'pages/orders/pay']]);
  });

  it('opens the pay sheet by itself when asked to (after 提交订单, or 去支付)', async () => {
    setRouterParams({ orderNo: ORDER_NO, pay: '1' });
    serveApi({ [ORDER]: () => ok({ order: pendingOrder() }), [PAYMENT]: () => ok(payParams) });
    taro.requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail cancel' });
    render(<OrderPayPage />);
    await screen.findByText('顾问李娜为您下单');
    await act(async () => undefined);

    expect(taro.requestPayment).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: '立即支付' })).toBeTruthy();
  });
});
