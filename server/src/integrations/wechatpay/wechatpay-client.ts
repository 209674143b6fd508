import { z } from 'zod';
import type { Logger } from '../../platform/logging/logger';
import { AppError } from '../../platform/http/app-error';
import { backoffDelay, DEFAULT_RETRY, sleep, type RetryPolicy } from '../common/retry-policy';
import { parseUpstreamAnswer } from '../common/upstream-error';
import { paySignMessage, randomNonce, rfc3339Beijing, signSha256WithRsa } from './signature';
import { certificateSerial, type WeChatPayVerificationKeys } from './verification-keys';
import { WECHATPAY_UPSTREAM, WeChatPayApiError } from './wechatpay-api-error';
import { WeChatPayHttp } from './wechatpay-http';
import { createSigningLibrary, type LibraryOutput, type WeChatPaySigningLibrary } from './wechatpay-library';
import { RefundResource, TransactionResource } from './wechatpay-resources';
import type { CreateJsapiOrderInput, JsapiPayParams, RefundInput, WeChatPayRefund, WeChatPayTransaction } from './wechatpay-types';

export interface WeChatPayClientOptions {
  /** `https://api.mch.weixin.qq.com` or the sandbox. */
  apiBase: string;
  /** The mini-program appid: orders are created for it and requestPayment is signed with it. */
  appId: string;
  mchId: string;
  /** apiclient_key.pem */
  merchantPrivateKeyPem: string;
  /** apiclient_cert.pem, whose serial goes into every Authorization header. */
  merchantCertificatePem: string;
  /** What answers are verified with; its public-key id, if any, is sent as `Wechatpay-Serial`. */
  keys: WeChatPayVerificationKeys;
  timeoutMs: number;
  retry?: RetryPolicy;
  log?: Logger;
  now?: () => number;
}

const PrepayAnswer = z.object({ package: z.string().regex(/^prepay_id=.+$/) });

/** 404 codes that mean "no such order / refund" rather than a failure. */
const NOT_FOUND_CODES = new Set(['ORDER_NOT_EXIST', 'RESOURCE_NOT_EXISTS']);

/**
 * The one client of WeChat Pay API v3 (JSAPI payments of the mini-program, direct merchant). Requests are
 * signed by wechatpay-node-v3; transport, answer verification, retries and paySign are ours.
 *
 * Every call here is safe to repeat, because each carries the merchant's own key: the same out_trade_no
 * and parameters give back the same prepay_id, a refund is retried under the same out_refund_no, closing a
 * closed order is a no-op. So network failures and 5xx are retried, each attempt freshly signed.
 */
export class WeChatPayClient {
  readonly appId: string;
  readonly mchId: string;
  private readonly pay: WeChatPaySigningLibrary;
  private readonly retry: RetryPolicy;
  private readonly now: () => number;

  constructor(private readonly options: WeChatPayClientOptions) {
    this.appId = options.appId;
    this.mchId = options.mchId;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.now = options.now ?? Date.now;
    const http = new WeChatPayHttp({ apiBase: options.apiBase, timeoutMs: options.timeoutMs, keys: options.keys, now: this.now, log: options.log });
    this.pay = createSigningLibrary(
      {
        appId: options.appId,
        mchId: options.mchId,
        merchantCertificatePem: options.merchantCertificatePem,
        merchantPrivateKeyPem: options.merchantPrivateKeyPem,
        merchantSerial: certificateSerial(options.merchantCertificatePem),
        userAgent: 'zhike (wechatpay-node-v3/2.2.1)',
      },
      http,
    );
  }

  /** `POST /v3/pay/transactions/jsapi`, then the requestPayment parameters for the mini-program. */
  async createJsapiOrder(input: CreateJsapiOrderInput): Promise<{ prepayId: string; payParams: JsapiPayParams }> {
    const output = await this.withRetry(() =>
      this.pay.transactions_jsapi({
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: rfc3339Beijing(input.expiresAt),
        ...(input.attach !== undefined ? { attach: input.attach } : {}),
        notify_url: input.notifyUrl,
        amount: { total: input.amountFen, currency: 'CNY' },
        payer: { openid: input.openid },
      }),
    );
    const prepayId = parseUpstreamAnswer(WECHATPAY_UPSTREAM, PrepayAnswer, output.data).package.slice('prepay_id='.length);
    return { prepayId, payParams: this.signPayParams(prepayId) };
  }

  /**
   * requestPayment parameters for a prepay_id (valid about 2 h), signed here rather than by the library,
   * whose nonce comes from Math.random: `appId\ntimeStamp\nnonceStr\npackage\n`, SHA256withRSA.
   */
  signPayParams(prepayId: string): JsapiPayParams {
    const timeStamp = String(Math.floor(this.now() / 1000));
    const nonceStr = randomNonce();
    const prepayPackage = `prepay_id=${prepayId}`;
    const paySign = signSha256WithRsa(paySignMessage(this.appId, timeStamp, nonceStr, prepayPackage), this.options.merchantPrivateKeyPem);
    return { appId: this.appId, timeStamp, nonceStr, package: prepayPackage, signType: 'RSA', paySign };
  }

  /** The order as WeChat Pay knows it; null when WeChat Pay has no such order (ORDER_NOT_EXIST). */
  async queryOrder(outTradeNo: string): Promise<WeChatPayTransaction | null> {
    const output = await this.orNullWhenMissing(this.withRetry(() => this.pay.query({ out_trade_no: outTradeNo })));
    return output ? parseUpstreamAnswer(WECHATPAY_UPSTREAM, TransactionResource, output.data) : null;
  }

  /** Closes an unpaid order (204). A paid one cannot be closed: WeChatPayApiError `ORDERPAID`, then query it. */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.withRetry(() => this.pay.close(outTradeNo));
  }

  /** `POST /v3/refund/domestic/refunds`. PROCESSING only means accepted; the outcome comes by notification or query. */
  async refund(input: RefundInput): Promise<WeChatPayRefund> {
    const output = await this.withRetry(() =>
      this.pay.refunds({
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        ...(input.reason !== undefined ? { reason: input.reason } : {}),
        notify_url: input.notifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      }),
    );
    return parseUpstreamAnswer(WECHATPAY_UPSTREAM, RefundResource, output.data);
  }

  async queryRefund(outRefundNo: string): Promise<WeChatPayRefund | null> {
    const output = await this.orNullWhenMissing(this.withRetry(() => this.pay.find_refunds(outRefundNo)));
    return output ? parseUpstreamAnswer(WECHATPAY_UPSTREAM, RefundResource, output.data) : null;
  }

  private async orNullWhenMissing(call: Promise<LibraryOutput>): Promise<LibraryOutput | null> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof WeChatPayApiError && error.httpStatus === 404 && NOT_FOUND_CODES.has(error.wechatPayCode)) return null;
      throw error;
    }
  }

  /** Network failures and 5xx only; every other answer (verified or not) is final. */
  private async withRetry(call: () => Promise<LibraryOutput>): Promise<LibraryOutput> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const transient = error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE';
        if (!transient || attempt >= this.retry.attempts) throw error;
        await sleep(backoffDelay(this.retry, attempt));
      }
    }
  }
}
