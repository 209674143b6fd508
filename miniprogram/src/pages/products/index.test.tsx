import { act, fireEvent, render, screen } from '@testing-library/react';
import { ok, serveApi } from '../../test/api';
import { perfume, serum } from '../../test/catalog-fixtures';
import taro, { firePageHook, resetTaro } from '../../test/taro';
import { tracker } from '../../lib/tracking';
import ProductListPage from './index';

describe('ProductListPage', () => {
  beforeEach(resetTaro);

  it('shows every product with its price in yuan, the offer price crossed out, and its badges', async () => {
    serveApi({ 'GET /api/catalog/products': () => ok({ items: [serum, perfume] }) });

    render(<ProductListPage />);

    expect(await screen.findByText('精华护肤套装')).toBeTruthy();
    expect(screen.getByText('共 2 件')).toBeTruthy();
    expect(screen.getByText('¥399.00')).toBeTruthy();
    expect(screen.getByText('¥499.00').className).toBe('price-was');
    expect(screen.getByText('¥299.00')).toBeTruthy();
    expect(screen.getByText('热卖')).toBeTruthy();
    expect(screen.getByText('新品')).toBeTruthy();
    expect((document.getElementById(`exp-products-${perfume.id}`)!.querySelector('img') as HTMLImageElement).src).toBe('https://api.test/files/perfume.png');
  });

  it('records the page view and each product shown (on render: jsdom has no IntersectionObserver)', async () => {
    serveApi({ 'GET /api/catalog/products': () => ok({ items: [serum, perfume] }) });

    render(<ProductListPage />);
    act(() => void firePageHook('didShow'));
    await screen.findByText('精华护肤套装');

    const events = tracker().pending();
    expect(events.map((e) => [e.type, e.page, e.target?.title])).toEqual([
      ['page_view', 'pages/products/index', undefined],
      ['exposure', 'pages/products/index', '精华护肤套装'],
      ['exposure', 'pages/products/index', '晨露香氛'],
    ]);
  });

  it('opens a product on tap and records the tap', async () => {
    serveApi({ 'GET /api/catalog/products': () => ok({ items: [serum] }) });
    render(<ProductListPage />);
    act(() => void firePageHook('didShow'));

    fireEvent.click(await screen.findByText('精华护肤套装'));

    expect(taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: `/pages/product/index?id=${serum.id}` }));
    expect(tracker().pending().filter((e) => e.type === 'tap').map((e) => e.target)).toEqual([{ kind: 'product', id: serum.id, title: '精华护肤套装' }]);
  });

  it('says the shelf is being stocked when there are no products', async () => {
    serveApi({ 'GET /api/catalog/products': () => ok({ items: [] }) });
    render(<ProductListPage />);
    expect(await screen.findByText('新品正在上架')).toBeTruthy();
  });
});
