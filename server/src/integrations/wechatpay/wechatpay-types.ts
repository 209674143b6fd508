/** What `Taro.requestPayment` / `wx.requestPayment` takes, built and signed by the server. */
export interface JsapiPayParams {
  appId: string;
  /** Seconds since the epoch, as a string of 10 digits. */
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=<id>` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** `trade_state`; REVOKED, USERPAYING and PAYERROR only happen to 付款码 payments. */
export type WeChatPayTradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A payment order as WeChat Pay reports it (query answer or TRANSACTION.SUCCESS notification). Money in fen. */
export interface WeChatPayTransaction {
  appid: string;
  mchid: string;
  outTradeNo: string;
  transactionId?: string;
  tradeState: WeChatPayTradeState;
  /** `amount.total`: what the order was for, as WeChat Pay recorded it — compare it with our order. */
  amountTotalFen: number;
  /** `amount.payer_total`: what the payer paid (less when a WeChat coupon covered part). */
  payerTotalFen?: number;
  successTime?: Date;
  payerOpenid?: string;
  attach?: string;
}

export type WeChatPayRefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface WeChatPayRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId?: string;
  status: WeChatPayRefundStatus;
  refundFen: number;
  totalFen: number;
  successTime?: Date;
}

export type WeChatPayNotification =
  | { id: string; eventType: 'TRANSACTION.SUCCESS'; transaction: WeChatPayTransaction }
  | { id: string; eventType: 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED'; refund: WeChatPayRefund };

export interface CreateJsapiOrderInput {
  outTradeNo: string;
  description: string;
  amountFen: number;
  /** The payer's openid under the mini-program appid. */
  openid: string;
  notifyUrl: string;
  /**
   * `time_expire`. Pass the order's own fixed expiry: asking again for the same out_trade_no with
   * different parameters (a new expiry included) is refused as a duplicate order number.
   */
  expiresAt: Date;
  attach?: string;
}

export interface RefundInput {
  outTradeNo: string;
  /** Our idempotency key for this refund: retry with the same number, never a new one. */
  outRefundNo: string;
  refundFen: number;
  /** The order's paid total, which WeChat Pay checks against its own record. */
  totalFen: number;
  reason?: string;
  notifyUrl: string;
}
