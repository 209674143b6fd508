import { act, fireEvent, render, screen } from '@testing-library/react';
import { addToCart, readCart } from '../../features/cart/cart-store';
import { readCheckoutDraft } from '../../features/orders/checkout-draft';
import { serumWithSkus, SKU_30ML, SKU_50ML } from '../../test/order-fixtures';
import taro, { firePageHook, resetTaro } from '../../test/taro';
import CartPage from './index';

const line = (skuId: string, quantity: number) => ({
  productId: serumWithSkus.id,
  skuId,
  name: serumWithSkus.name,
  skuName: skuId === SKU_30ML ? '30ml 体验装' : '50ml 正装',
  priceFen: skuId === SKU_30ML ? 19_900 : 39_900,
  coverUrl: serumWithSkus.coverUrl,
  quantity,
});

const total = () => document.querySelector('.buy-bar-total')?.textContent;

describe('CartPage', () => {
  beforeEach(resetTaro);

  it('lists the lines with a subtotal; quantities change and lines go, and the cart remembers', () => {
    addToCart(line(SKU_30ML, 1));
    addToCart(line(SKU_50ML, 2));
    render(<CartPage />);

    expect(screen.getByText('30ml 体验装')).toBeTruthy();
    expect(total()).toBe('¥997.00');
    expect(screen.getByRole('button', { name: '去结算（3）' })).toBeTruthy();

    fireEvent.click(screen.getAllByText('+')[0]!);
    expect(total()).toBe('¥1,196.00');
    fireEvent.click(screen.getAllByText('删除')[1]!);
    expect(total()).toBe('¥398.00');
    expect(readCart().map((l) => [l.skuId, l.quantity])).toEqual([[SKU_30ML, 2]]);
  });

  it('reads the cart again when the page shows (a product page added to it)', () => {
    render(<CartPage />);
    expect(screen.getByText('购物车还是空的')).toBeTruthy();
    addToCart(line(SKU_50ML, 1));
    act(() => void firePageHook('didShow'));
    expect(screen.getByText('50ml 正装')).toBeTruthy();
  });

  it('goes to checkout with the cart lines and a fresh requestId', () => {
    addToCart(line(SKU_30ML, 1));
    render(<CartPage />);
    fireEvent.click(screen.getByRole('button', { name: '去结算（1）' }));

    const draft = readCheckoutDraft();
    expect(draft).toEqual(expect.objectContaining({ source: 'cart', lines: [expect.objectContaining({ skuId: SKU_30ML, quantity: 1 })] }));
    expect(draft!.requestId).toMatch(/^ord_[A-Za-z0-9]{20}$/);
    expect(taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/checkout/index' }));
  });
});
