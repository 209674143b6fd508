import type { AdminOrderView } from '@zhike/shared/orders';

/** A paid order a salesperson placed for 王小明, of ¥399 with ¥100 already refunded. */
export const PAID_ORDER: AdminOrderView = {
  orderNo: 'ZK2611250001ABCD',
  status: 'paid',
  items: [
    { productId: 'e00000000000000000000001', skuId: 'f00000000000000000000001', name: '精华护肤套装', skuName: '标准装', priceFen: 39_900, quantity: 1, amountFen: 39_900 },
    { productId: 'e00000000000000000000002', skuId: 'f00000000000000000000009', name: '修护手霜礼盒', skuName: '三支装', priceFen: 5_000, quantity: 2, amountFen: 10_000 },
  ],
  subtotalFen: 49_900,
  discountFen: 10_000,
  totalFen: 39_900,
  refundedFen: 10_000,
  createdBy: { kind: 'salesperson', userid: 'lina', name: '李娜' },
  salespersonUserid: 'lina',
  createdAt: '2026-11-24T16:30:00.000Z',
  expiresAt: '2026-11-24T17:00:00.000Z',
  paidAt: '2026-11-24T16:31:00.000Z',
  history: [
    { from: null, to: 'pending', at: '2026-11-24T16:30:00.000Z', by: 'lina', reason: '代客下单' },
    { from: 'pending', to: 'paid', at: '2026-11-24T16:31:00.000Z', by: 'wechatpay', reason: '支付成功' },
  ],
  customerName: '王小明',
  salespersonName: '李娜',
};

/** The customer's own checkout, still waiting for payment, with a payment that did not match held for review. */
export const PENDING_ORDER: AdminOrderView = {
  ...PAID_ORDER,
  orderNo: 'ZK2611250002WXYZ',
  status: 'pending',
  items: [PAID_ORDER.items[0]!],
  subtotalFen: 39_900,
  discountFen: 0,
  totalFen: 39_900,
  refundedFen: 0,
  createdBy: { kind: 'customer' },
  createdAt: '2026-11-25T01:05:00.000Z',
  paidAt: undefined,
  paymentIssue: '支付金额 ¥1.00 与订单金额 ¥399.00 不一致',
  history: [{ from: null, to: 'pending', at: '2026-11-25T01:05:00.000Z', by: 'customer', reason: '顾客下单' }],
  customerName: '赵敏',
};
