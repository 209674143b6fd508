import { act, fireEvent, render, screen } from '@testing-library/react';
import type { PlaceOrderRequest } from '@zhike/shared/orders';
import { addToCart, readCart } from '../../features/cart/cart-store';
import { readCheckoutDraft, startCheckout } from '../../features/orders/checkout-draft';
import { ok, serveApi } from '../../test/api';
import { loggedIn } from '../../test/session';
import { ORDER_NO, pendingOrder, serumWithSkus, SKU_30ML, SKU_50ML } from '../../test/order-fixtures';
import taro, { resetTaro, type FakeRequest, type FakeResponse } from '../../test/taro';
import CheckoutPage from './index';

const PLACE = 'POST /api/orders';
const line = (skuId: string, quantity: number) => ({
  productId: serumWithSkus.id,
  skuId,
  name: serumWithSkus.name,
  skuName: skuId === SKU_30ML ? '30ml 体验装' : '50ml 正装',
  priceFen: skuId === SKU_30ML ? 19_900 : 39_900,
  coverUrl: serumWithSkus.coverUrl,
  quantity,
});

const placed = () => taro.request.mock.calls.map(([req]: [FakeRequest]) => req).filter((req: FakeRequest) => req.url.endsWith('/api/orders'));
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
const refused = (statusCode: number, code: string, message: string, details: { field: string; issue: string }[] = []): FakeResponse => ({ statusCode, data: { error: { code, message, details } } });

describe('CheckoutPage', () => {
  beforeEach(() => {
    resetTaro();
    loggedIn();
  });

  it('places the cart as an order, empties those lines from the cart and opens the pay page', async () => {
    addToCart(line(SKU_30ML, 1));
    addToCart(line(SKU_50ML, 2));
    const draft = startCheckout('cart', readCart());
    serveApi({ [PLACE]: () => ({ statusCode: 201, data: { order: pendingOrder() } }) });
    render(<CheckoutPage />);

    expect(screen.getByText('30ml 体验装 · ¥199.00 × 1')).toBeTruthy();
    expect(screen.getAllByText('¥997.00')).toHaveLength(2);
    submit();
    await act(async () => undefined);

    const body = placed()[0]!.data as PlaceOrderRequest;
    expect(body).toEqual({
      requestId: draft.requestId,
      items: [
        { productId: serumWithSkus.id, skuId: SKU_30ML, quantity: 1 },
        { productId: serumWithSkus.id, skuId: SKU_50ML, quantity: 2 },
      ],
    });
    expect(placed()[0]!.header).toEqual({ Authorization: 'Bearer token-wang-1' });
    expect(taro.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: `/pages/order/index?orderNo=${ORDER_NO}&pay=1` }));
    expect(readCart()).toEqual([]);
    expect(readCheckoutDraft()).toBeNull();
  });

  it('leaves the cart alone for 立即购买', async () => {
    addToCart(line(SKU_30ML, 1));
    startCheckout('buyNow', [line(SKU_50ML, 1)]);
    serveApi({ [PLACE]: () => ({ statusCode: 201, data: { order: pendingOrder() } }) });
    render(<CheckoutPage />);
    submit();
    await act(async () => undefined);

    expect((placed()[0]!.data as PlaceOrderRequest).items).toEqual([{ productId: serumWithSkus.id, skuId: SKU_50ML, quantity: 1 }]);
    expect(readCart().map((l) => l.skuId)).toEqual([SKU_30ML]);
  });

  it('sends the same requestId again when an answer was lost, so the order is placed once', async () => {
    startCheckout('buyNow', [line(SKU_50ML, 1)]);
    serveApi({
      [PLACE]: [
        () => {
          throw new Error('connection reset');
        },
        () => ({ statusCode: 201, data: { order: pendingOrder() } }),
      ],
    });
    render(<CheckoutPage />);

    submit();
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    submit();
    await act(async () => undefined);

    const [first, second] = placed().map((req: FakeRequest) => (req.data as PlaceOrderRequest).requestId);
    expect(second).toBe(first);
    expect(taro.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('marks the line the server refused, and starts a new requestId for the corrected order', async () => {
    startCheckout('cart', [line(SKU_30ML, 1), line(SKU_50ML, 1)]);
    serveApi({ [PLACE]: () => refused(400, 'VALIDATION_FAILED', '请求参数有误', [{ field: 'body.items.1.skuId', issue: '规格不存在或已下架' }]) });
    render(<CheckoutPage />);

    submit();

    expect(await screen.findByText('规格不存在或已下架')).toBeTruthy();
    expect(screen.getByText('规格不存在或已下架').closest('.order-line')?.textContent).toContain('50ml 正装');
    submit();
    await act(async () => undefined);
    const [first, second] = placed().map((req: FakeRequest) => (req.data as PlaceOrderRequest).requestId);
    expect(second).not.toBe(first);
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it('says when stock ran out', async () => {
    startCheckout('buyNow', [line(SKU_50ML, 5)]);
    serveApi({ [PLACE]: () => refused(409, 'CONFLICT', '库存不足：精华护肤套装 50ml 正装') });
    render(<CheckoutPage />);
    submit();
    expect(await screen.findByText('库存不足：精华护肤套装 50ml 正装')).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交订单' })).toBeTruthy();
  });

  it('points to 我的订单 when there is nothing to check out (already submitted)', () => {
    render(<CheckoutPage />);
    expect(screen.getByText('没有要结算的商品')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看我的订单' }));
    expect(taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/orders/index' }));
  });
});
