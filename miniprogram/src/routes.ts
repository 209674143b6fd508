/**
 * Every page of the app, in one place: app.config.ts builds `pages` from it, code navigates by name, and
 * the server's sandbox reads it (a flat table of string literals) for getwxacodeunlimit's page check.
 * The first entry is the page WeChat opens by default; printed poster codes point at it.
 */
export const routes = {
  home: 'pages/index/index',
  mine: 'pages/mine/index',
  productList: 'pages/products/index',
  productDetail: 'pages/product/index',
  articleList: 'pages/articles/index',
  articleDetail: 'pages/article/index',
  landing: 'pages/landing/index',
  salesperson: 'pages/salesperson/index',
  cart: 'pages/cart/index',
  checkout: 'pages/checkout/index',
  orderDetail: 'pages/order/index',
  // The 代客下单 card sent from the sidebar opens this path (`pages/orders/pay.html?orderNo=…`): the same pay page.
  orderPay: 'pages/orders/pay',
  orderList: 'pages/orders/index',
} as const;

export type RouteName = keyof typeof routes;
export type Route = (typeof routes)[RouteName];

/** Pages on the tab bar: WeChat opens them with switchTab, which cannot carry a query. */
export const tabRoutes = [routes.home, routes.mine] as const;
export type TabRoute = (typeof tabRoutes)[number];

export function isTabRoute(route: Route): route is TabRoute {
  return (tabRoutes as readonly Route[]).includes(route);
}
