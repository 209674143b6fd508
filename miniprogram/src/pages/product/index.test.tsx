import { act, fireEvent, render, screen } from '@testing-library/react';
import { readCart } from '../../features/cart/cart-store';
import { readCheckoutDraft } from '../../features/orders/checkout-draft';
import { serumWithSkus, SKU_30ML, SKU_50ML } from '../../test/order-fixtures';
import { fail, ok, serveApi } from '../../test/api';
import { myInvitations, serum } from '../../test/catalog-fixtures';
import { loggedIn } from '../../test/session';
import taro, { firePageHook, resetTaro, sentRequests, setRouterParams, type FakeRequest } from '../../test/taro';
import { tracker } from '../../lib/tracking';
import ProductDetailPage from './index';

const PRODUCT = `GET /api/catalog/products/${serum.id}`;

describe('ProductDetailPage', () => {
  beforeEach(() => {
    resetTaro();
    setRouterParams({ id: serum.id });
  });

  it('shows the images, price, badges and description of the product', async () => {
    serveApi({ [PRODUCT]: () => ok({ product: serum }) });

    const { container } = render(<ProductDetailPage />);

    expect(await screen.findByText('精华护肤套装')).toBeTruthy();
    expect(screen.getByText('28 天焕亮肌肤')).toBeTruthy();
    expect(screen.getByText('¥399.00')).toBeTruthy();
    expect(screen.getByText('¥499.00')).toBeTruthy();
    expect(screen.getByText('老客专享')).toBeTruthy();
    expect(screen.getByText('不满意 7 天无理由退换。')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.product-gallery-image')).map((img) => (img as HTMLImageElement).src)).toEqual([
      'https://zhike.example.com/files/serum.png',
      'https://api.test/files/serum-2.png',
    ]);
  });

  it('reports the view with the product title once it is known, and the dwell time on hide', async () => {
    serveApi({ [PRODUCT]: () => ok({ product: serum }) });

    render(<ProductDetailPage />);
    act(() => void firePageHook('didShow'));
    expect(tracker().pending()).toHaveLength(0); // waiting for the title
    await screen.findByText('精华护肤套装');
    act(() => void firePageHook('didHide'));

    expect(tracker().pending().map((e) => [e.type, e.target])).toEqual([
      ['page_view', { kind: 'product', id: serum.id, title: '精华护肤套装' }],
      ['page_leave', { kind: 'product', id: serum.id, title: '精华护肤套装' }],
    ]);
  });

  it('sends the events with the customer token', async () => {
    loggedIn();
    serveApi({
      [PRODUCT]: () => ok({ product: serum }),
      'GET /api/referrals/mine': () => ok(myInvitations),
      'POST /api/events': (req) => ok({ accepted: (req.data as { events: { clientEventId: string }[] }).events.map((e) => e.clientEventId), duplicates: [], rejected: [] }),
    });
    render(<ProductDetailPage />);
    act(() => void firePageHook('didShow'));
    await screen.findByText('精华护肤套装');

    await act(() => tracker().flush());

    const sent = taro.request.mock.calls.map(([req]: [FakeRequest]) => req).find((req: FakeRequest) => req.url.endsWith('/api/events'))!;
    expect(sent.header).toEqual({ Authorization: 'Bearer token-wang-1' });
    expect((sent.data as { events: unknown[] }).events).toEqual([expect.objectContaining({ type: 'page_view', page: 'pages/product/index' })]);
    expect(tracker().pending()).toHaveLength(0);
  });

  it('shares the product with the customer invite code in the path, to chats and to Moments', async () => {
    loggedIn();
    serveApi({ [PRODUCT]: () => ok({ product: serum }), 'GET /api/referrals/mine': () => ok(myInvitations) });

    render(<ProductDetailPage />);
    act(() => void firePageHook('didShow'));
    await screen.findByText('精华护肤套装');
    await act(async () => undefined); // the invite code arrives
    expect(sentRequests()).toContain('GET /api/referrals/mine');

    const card = firePageHook('shareAppMessage', { from: 'menu' });
    expect(card).toEqual({ title: '精华护肤套装 · 28 天焕亮肌肤', path: `/pages/product/index?id=${serum.id}&inviter=WANG2026`, imageUrl: serum.coverUrl });
    const moments = firePageHook('shareTimeline');
    expect(moments).toEqual(expect.objectContaining({ query: `id=${serum.id}&inviter=WANG2026` }));

    const shares = tracker().pending().filter((e) => e.type === 'share');
    expect(shares.map((e) => [e.shareChannel, e.target?.id])).toEqual([
      ['chat', serum.id],
      ['timeline', serum.id],
    ]);
  });

  it('still shares (without an inviter) before the customer has logged in', async () => {
    serveApi({ [PRODUCT]: () => ok({ product: serum }) });
    render(<ProductDetailPage />);
    await screen.findByText('精华护肤套装');
    expect(firePageHook('shareAppMessage', { from: 'button' })).toEqual(expect.objectContaining({ path: `/pages/product/index?id=${serum.id}` }));
  });

  it('says the product is gone when the link is stale', async () => {
    serveApi({ [PRODUCT]: () => fail(404, 'NOT_FOUND', '商品不存在') });
    render(<ProductDetailPage />);
    expect(await screen.findByText('这件商品找不到了')).toBeTruthy();
  });

  it('offers 重试 when the network fails', async () => {
    taro.request.mockRejectedValue(new Error('offline'));
    render(<ProductDetailPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });

  describe('buying', () => {
    const openWithSkus = async () => {
      serveApi({ [PRODUCT]: () => ok({ product: serumWithSkus }) });
      render(<ProductDetailPage />);
      act(() => void firePageHook('didShow'));
      await screen.findByText('精华护肤套装');
    };
    const taps = () => tracker().pending().filter((e) => e.type === 'tap').map((e) => e.target?.id);

    it('offers the 规格 with a sold-out one greyed, and a quantity up to what is left', async () => {
      await openWithSkus();

      expect(screen.getByText('30ml 体验装').className).toBe('sku sku-chosen');
      expect(screen.getByText('礼盒装（缺货）').className).toBe('sku sku-off');
      fireEvent.click(screen.getByText('礼盒装（缺货）'));
      expect(screen.getByText('30ml 体验装').className).toBe('sku sku-chosen');

      fireEvent.click(screen.getByText('50ml 正装'));
      expect(screen.getByText('仅剩 3 件')).toBeTruthy();
      for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByText('+'));
      expect(document.querySelector('.stepper-value')?.textContent).toBe('3');
    });

    it('加入购物车 keeps the chosen 规格 and quantity, shows the count and tracks the tap', async () => {
      await openWithSkus();
      fireEvent.click(screen.getByText('50ml 正装'));
      fireEvent.click(screen.getByText('+'));
      fireEvent.click(screen.getByRole('button', { name: '加入购物车' }));

      expect(readCart()).toEqual([expect.objectContaining({ productId: serum.id, skuId: SKU_50ML, skuName: '50ml 正装', priceFen: 39_900, quantity: 2 })]);
      expect(document.querySelector('.product-cart-count')?.textContent).toBe('2');
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入购物车' }));
      expect(taps()).toEqual([`cart-add:${serum.id}`]);
    });

    it('立即购买 goes to checkout with just this line, leaving the cart alone', async () => {
      await openWithSkus();
      fireEvent.click(screen.getByRole('button', { name: '立即购买' }));

      expect(readCheckoutDraft()).toEqual(expect.objectContaining({ source: 'buyNow', lines: [expect.objectContaining({ skuId: SKU_30ML, quantity: 1 })] }));
      expect(readCart()).toEqual([]);
      expect(taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/checkout/index' }));
      expect(taps()).toEqual([`buy:${serum.id}`]);
    });

    it('cannot be bought without a 规格 on sale', async () => {
      serveApi({ [PRODUCT]: () => ok({ product: { ...serumWithSkus, skus: [] } }) });
      render(<ProductDetailPage />);
      await screen.findByText('精华护肤套装');

      expect(screen.getByText('暂无可购买的规格，可联系顾问')).toBeTruthy();
      expect((screen.getByRole('button', { name: '立即购买' }) as HTMLButtonElement).disabled).toBe(true);
      expect((screen.getByRole('button', { name: '加入购物车' }) as HTMLButtonElement).disabled).toBe(true);
    });
  });
});
