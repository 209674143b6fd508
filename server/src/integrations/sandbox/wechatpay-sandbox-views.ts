import { rfc3339Beijing } from '../wechatpay/signature';
import type { SandboxPayOrder, SandboxRefund } from './wechatpay-sandbox-ledger';

const TRADE_STATE_DESC = { NOTPAY: '订单未支付', SUCCESS: '支付成功', REFUND: '转入退款', CLOSED: '订单已关闭' } as const;

const time = (ms: number) => rfc3339Beijing(new Date(ms));

/** An order as the query API answers it and TRANSACTION.SUCCESS carries it. */
export function transactionView(order: SandboxPayOrder): Record<string, unknown> {
  const paid = order.transactionId !== undefined;
  return {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    ...(paid ? { transaction_id: order.transactionId, trade_type: 'JSAPI', bank_type: 'OTHERS', success_time: time(order.successTime!) } : {}),
    trade_state: order.state,
    trade_state_desc: TRADE_STATE_DESC[order.state],
    attach: order.attach,
    ...(paid ? { payer: { openid: order.openid } } : {}),
    amount: paid
      ? { total: order.paidFen, payer_total: order.paidFen, currency: 'CNY', payer_currency: 'CNY' }
      : { total: order.totalFen, payer_currency: 'CNY' },
    promotion_detail: [],
  };
}

/** A refund as the refund APIs answer it. */
export function refundView(refund: SandboxRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime !== undefined ? { success_time: time(refund.successTime) } : {}),
    create_time: time(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      settlement_refund: refund.refundFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

/** A refund as REFUND.* notifications carry it (`refund_status`, fewer fields). */
export function refundNotificationView(refund: SandboxRefund, mchid: string): Record<string, unknown> {
  return {
    mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successTime !== undefined ? { success_time: time(refund.successTime) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen },
  };
}
