import { serumWithSkus, SKU_30ML, SKU_50ML } from '../../test/order-fixtures';
import taro, { resetTaro } from '../../test/taro';
import { addToCart, cartCount, linesTotalFen, readCart, removeFromCart, setCartQuantity, type CartLine } from './cart-store';

const line = (skuId: string, quantity: number, priceFen = 19_900): CartLine => ({
  productId: serumWithSkus.id,
  skuId,
  name: serumWithSkus.name,
  skuName: skuId === SKU_30ML ? '30ml 体验装' : '50ml 正装',
  priceFen,
  coverUrl: serumWithSkus.coverUrl,
  quantity,
});

describe('cart store', () => {
  beforeEach(resetTaro);
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('adds lines, adds to the same SKU, and totals at the prices seen', () => {
    addToCart(line(SKU_30ML, 1));
    addToCart(line(SKU_50ML, 2, 39_900));
    addToCart(line(SKU_30ML, 2));

    expect(readCart().map((l) => [l.skuId, l.quantity])).toEqual([
      [SKU_30ML, 3],
      [SKU_50ML, 2],
    ]);
    expect(cartCount()).toBe(5);
    expect(linesTotalFen(readCart())).toBe(3 * 19_900 + 2 * 39_900);
  });

  it('keeps quantities between 1 and 99', () => {
    addToCart(line(SKU_30ML, 98));
    addToCart(line(SKU_30ML, 5));
    expect(readCart()[0]!.quantity).toBe(99);
    setCartQuantity(SKU_30ML, 0);
    expect(readCart()[0]!.quantity).toBe(1);
  });

  it('removes lines and forgets an emptied cart', () => {
    addToCart(line(SKU_30ML, 1));
    addToCart(line(SKU_50ML, 1));
    removeFromCart([SKU_30ML]);
    expect(readCart().map((l) => l.skuId)).toEqual([SKU_50ML]);
    removeFromCart([SKU_50ML]);
    expect(readCart()).toEqual([]);
  });

  it('keeps a cart per WeChat user of the demo phone, surviving a restart', () => {
    window.history.replaceState(null, '', '/mp/?wxUser=o_demo_wang');
    addToCart(line(SKU_30ML, 2));
    window.history.replaceState(null, '', '/mp/?wxUser=o_demo_zhao');
    expect(readCart()).toEqual([]);
    window.history.replaceState(null, '', '/mp/?wxUser=o_demo_wang');
    expect(readCart().map((l) => l.quantity)).toEqual([2]);
  });

  it('drops stored entries it cannot read', () => {
    addToCart(line(SKU_30ML, 1));
    taro.setStorageSync('zhike.cart', [{ skuId: 'x' }, line(SKU_50ML, 1)]);
    expect(readCart().map((l) => l.skuId)).toEqual([SKU_50ML]);
  });
});
