import { act, render, screen } from '@testing-library/react';
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
});
