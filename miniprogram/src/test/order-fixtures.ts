import type { ProductView } from '@zhike/shared/catalog';
import type { OrderView, PaymentParamsResponse } from '@zhike/shared/orders';
import { serum } from './catalog-fixtures';

export const SKU_30ML = '64d000000000000000000001';
export const SKU_50ML = '64d000000000000000000002';
export const SKU_GIFT = '64d000000000000000000003';

/** The serum with three 规格: one on sale, one with 3 left, one sold out. */
export const serumWithSkus: ProductView = {
  ...serum,
  skus: [
    { id: SKU_30ML, name: '30ml 体验装', priceFen: 19_900, stock: 50, onSale: true },
    { id: SKU_50ML, name: '50ml 正装', priceFen: 39_900, stock: 3, onSale: true },
    { id: SKU_GIFT, name: '礼盒装', priceFen: 59_900, stock: 0, onSale: true },
  ],
};

export const ORDER_NO = 'ZK2611250001ABCD';

/** An unpaid order that 顾问李娜 placed for the customer, with a ¥20 discount, expiring in 15 minutes. */
export function pendingOrder(overrides: Partial<OrderView> = {}): OrderView {
  const createdAt = new Date(Date.now() - 60_000).toISOString();
  return {
    orderNo: ORDER_NO,
    status: 'pending',
    items: [
      { productId: serum.id, skuId: SKU_50ML, name: '精华护肤套装', skuName: '50ml 正装', priceFen: 39_900, quantity: 2, amountFen: 79_800 },
      { productId: serum.id, skuId: SKU_30ML, name: '精华护肤套装', skuName: '30ml 体验装', priceFen: 19_900, quantity: 1, amountFen: 19_900 },
    ],
    subtotalFen: 99_700,
    discountFen: 2_000,
    totalFen: 97_700,
    refundedFen: 0,
    createdBy: { kind: 'salesperson', userid: 'lina', name: '李娜' },
    salespersonUserid: 'lina',
    createdAt,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    history: [{ from: null, to: 'pending', at: createdAt, by: 'lina', reason: '代客下单' }],
    ...overrides,
  };
}

export function paidOrder(overrides: Partial<OrderView> = {}): OrderView {
  const order = pendingOrder();
  const paidAt = new Date().toISOString();
  return {
    ...order,
    status: 'paid',
    paidAt,
    history: [...order.history, { from: 'pending', to: 'paid', at: paidAt, by: 'wechatpay', reason: '微信支付通知' }],
    ...overrides,
  };
}

export const payParams: PaymentParamsResponse = {
  orderNo: ORDER_NO,
  payParams: {
    appId: 'wxtestappid',
    timeStamp: '1795000000',
    nonceStr: 'n0nce',
    package: 'prepay_id=wx2611250001',
    signType: 'RSA',
    paySign: 'c2lnbmF0dXJl',
  },
};
