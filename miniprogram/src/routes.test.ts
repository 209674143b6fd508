import { routes } from './routes';

describe('routes', () => {
  it('has the pay page under the app’s own path and the path the 代客下单 card opens', () => {
    expect(Object.values(routes)).toEqual(expect.arrayContaining(['pages/order/index', 'pages/orders/pay', 'pages/orders/index', 'pages/cart/index', 'pages/checkout/index']));
  });

  it('keeps the home page first (printed codes open it)', () => {
    expect(Object.values(routes)[0]).toBe('pages/index/index');
  });
});
