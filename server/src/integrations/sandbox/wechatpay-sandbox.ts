import Router from '@koa/router';
import type { Context } from 'koa';
import { sleep } from '../common/retry-policy';
import type { SandboxClock } from './sandbox-clock';
import { demoWeChatPaySandboxKeys, type WeChatPaySandboxKeys } from './wechatpay-sandbox-keys';
import { SandboxPayError, WeChatPaySandboxLedger, type SandboxPayOrder, type SandboxRefund } from './wechatpay-sandbox-ledger';
import { WeChatPaySandboxNotifier, type NotificationDelivery, type NotificationTransport } from './wechatpay-sandbox-notifier';
import { WeChatPaySandboxSigner, type SignatureDistortion, type WeChatPaySigningMode } from './wechatpay-sandbox-signing';
import { refundNotificationView, refundView, transactionView } from './wechatpay-sandbox-views';
import type { SandboxWorld } from './world';

export interface WeChatPaySandboxOptions {
  keys?: WeChatPaySandboxKeys;
  /** Which key answers and notifications are signed with; switchable later (`useSigningMode`) to test a rollover. */
  signingMode?: WeChatPaySigningMode;
  /** Multiplies WeChat Pay's notification retry delays (15 s, 15 s, 30 s, 3 min…); 1 unless testing. */
  notifyScheduleScale?: number;
  notifyTimeoutMs?: number;
  /** A new refund turns SUCCESS (and is notified) after this long; null leaves it PROCESSING until `settleRefund`. */
  refundSettleDelayMs?: number | null;
}

export type WeChatPayOperation = 'jsapi' | 'query' | 'close' | 'refund' | 'refund-query';

/** What an API answer should do instead of its normal course, once. */
export type WeChatPayFault =
  /** A WeChat Pay error answer, signed (or signed wrongly, to forge one). */
  | { kind: 'error'; status: number; code: string; message: string; signature?: SignatureDistortion }
  /** An unsigned gateway failure (5xx). */
  | { kind: 'http-status'; status: number }
  | { kind: 'delay'; ms: number }
  /** The connection is cut before any answer. */
  | { kind: 'drop' }
  | SignatureDistortion;

export interface WeChatPayCall {
  operation: WeChatPayOperation;
  method: string;
  url: string;
  /** The `Wechatpay-Serial` the merchant sent (public-key mode). */
  wechatpaySerial?: string;
  signatureValid: boolean;
}

export type PaymentCompletion =
  | { outcome: 'success'; transactionId: string; notification: Promise<NotificationDelivery> }
  | { outcome: 'fail'; reason: string };

interface Answer {
  status: number;
  body?: unknown;
}

/**
 * A local WeChat Pay API v3 for one direct merchant (api.mch.weixin.qq.com): requests must carry the
 * merchant's signature, answers and notifications are signed with the platform certificate's key or the
 * WeChat Pay public key's, resources are AES-256-GCM encrypted with the APIv3 key, and notifications are
 * retried on WeChat Pay's schedule. The control methods play the payer and the bank.
 */
export class WeChatPaySandbox {
  readonly keys: WeChatPaySandboxKeys;
  readonly ledger: WeChatPaySandboxLedger;
  readonly signer: WeChatPaySandboxSigner;
  readonly notifier: WeChatPaySandboxNotifier;
  readonly calls: WeChatPayCall[] = [];
  refundSettleDelayMs: number | null;
  private readonly faults = new Map<WeChatPayOperation, WeChatPayFault[]>();
  private readonly settleTimers = new Set<NodeJS.Timeout>();

  constructor(
    readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
    options: WeChatPaySandboxOptions = {},
  ) {
    this.keys = options.keys ?? demoWeChatPaySandboxKeys();
    this.signer = new WeChatPaySandboxSigner(this.keys);
    this.signer.mode = options.signingMode ?? 'public-key';
    this.ledger = new WeChatPaySandboxLedger(
      { mchId: this.keys.mchId, appId: world.miniProgramAppId, openids: () => world.wechatUsers.map((user) => user.openid) },
      () => clock.now(),
    );
    this.notifier = new WeChatPaySandboxNotifier({
      apiV3Key: this.keys.apiV3Key,
      sign: (body, distortion) => this.signer.sign(body, distortion),
      now: () => clock.now(),
      scheduleScale: options.notifyScheduleScale ?? 1,
      timeoutMs: options.notifyTimeoutMs ?? 5_000,
    });
    this.refundSettleDelayMs = options.refundSettleDelayMs === undefined ? 3_000 : options.refundSettleDelayMs;
  }

  router(prefix: string): Router {
    const router = new Router({ prefix });
    router.post('/v3/pay/transactions/jsapi', this.handle(prefix, 'jsapi', (ctx) => ({ status: 200, body: { prepay_id: this.ledger.createJsapiOrder(ctx.request.body).prepayId } })));
    router.get('/v3/pay/transactions/out-trade-no/:outTradeNo', this.handle(prefix, 'query', (ctx) => ({ status: 200, body: transactionView(this.ledger.requireOrder(ctx.params.outTradeNo!, ctx.query.mchid)) })));
    router.post('/v3/pay/transactions/out-trade-no/:outTradeNo/close', this.handle(prefix, 'close', (ctx) => {
      this.ledger.close(ctx.params.outTradeNo!, (ctx.request.body as { mchid?: unknown } | undefined)?.mchid);
      return { status: 204 };
    }));
    router.post('/v3/refund/domestic/refunds', this.handle(prefix, 'refund', (ctx) => {
      const { refund, created } = this.ledger.refund(ctx.request.body);
      if (created) this.scheduleRefundSettlement(refund.outRefundNo);
      return { status: 200, body: refundView(refund) };
    }));
    router.get('/v3/refund/domestic/refunds/:outRefundNo', this.handle(prefix, 'refund-query', (ctx) => {
      const refund = this.ledger.findRefund(ctx.params.outRefundNo!);
      if (!refund) throw new SandboxPayError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
      return { status: 200, body: refundView(refund) };
    }));
    return router;
  }

  // ---- control API: what the payer, the bank and a tester do ----

  injectFault(operation: WeChatPayOperation, fault: WeChatPayFault, times = 1): void {
    const queue = this.faults.get(operation) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(operation, queue);
  }

  /** Switches the signing key of answers and notifications (a certificate → public-key rollover). */
  useSigningMode(mode: WeChatPaySigningMode): void {
    this.signer.mode = mode;
  }

  /** Moves WeChat Pay's signing clock against the wall clock (stale answers and notifications). */
  skewSignatureClock(ms: number): void {
    this.signer.skewMs = ms;
  }

  useNotificationTransport(transport: NotificationTransport): void {
    this.notifier.transport = transport;
  }

  /**
   * The payer confirms (or fails) in WeChat. Success records the transaction and starts the TRANSACTION.SUCCESS
   * notification to the order's notify_url; `paidFen` records a different amount than ordered. A failed
   * JSAPI payment changes nothing and is not notified (the payer may try again).
   */
  completePayment(outTradeNo: string, options: { outcome: 'success' | 'fail'; paidFen?: number }): PaymentCompletion {
    if (options.outcome === 'fail') {
      const order = this.ledger.findOrder(outTradeNo);
      if (!order) throw new SandboxPayError(404, 'ORDER_NOT_EXIST', '订单不存在');
      return { outcome: 'fail', reason: '支付失败，请稍后再试' };
    }
    const order = this.ledger.pay(outTradeNo, options.paidFen);
    const notification = this.notifier.send({ url: order.notifyUrl, eventType: 'TRANSACTION.SUCCESS', subject: outTradeNo, resource: transactionView(order) });
    return { outcome: 'success', transactionId: order.transactionId!, notification };
  }

  /** A WECHATPAY/SIGNTEST/ notification claiming the order is paid: the receiver must refuse it. Sent once. */
  sendSignatureProbe(outTradeNo: string): Promise<NotificationDelivery> {
    const order = this.ledger.findOrder(outTradeNo);
    if (!order) throw new SandboxPayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    const claimed: SandboxPayOrder = { ...order, state: 'SUCCESS', transactionId: order.transactionId ?? '4200000000000000000000000000', successTime: this.clock.now(), paidFen: order.totalFen };
    return this.notifier.send({ url: order.notifyUrl, eventType: 'TRANSACTION.SUCCESS', subject: outTradeNo, resource: transactionView(claimed), probe: true });
  }

  /** The bank's answer to a PROCESSING refund, notified to its notify_url; undefined if settled already or no notify_url. */
  settleRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' = 'SUCCESS'): Promise<NotificationDelivery> | undefined {
    const refund = this.ledger.settleRefund(outRefundNo, status);
    if (!refund?.notifyUrl) return undefined;
    return this.notifier.send({ url: refund.notifyUrl, eventType: `REFUND.${status}`, subject: outRefundNo, resource: refundNotificationView(refund, this.keys.mchId) });
  }

  order(outTradeNo: string): SandboxPayOrder | undefined {
    return this.ledger.findOrder(outTradeNo);
  }

  refund(outRefundNo: string): SandboxRefund | undefined {
    return this.ledger.findRefund(outRefundNo);
  }

  callsTo(operation: WeChatPayOperation): WeChatPayCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  /** Cancels pending notification retries and refund settlements. */
  stop(): void {
    this.notifier.stop();
    for (const timer of this.settleTimers) clearTimeout(timer);
    this.settleTimers.clear();
  }

  // ---- the API ----

  private scheduleRefundSettlement(outRefundNo: string): void {
    if (this.refundSettleDelayMs === null) return;
    const timer = setTimeout(() => {
      this.settleTimers.delete(timer);
      void this.settleRefund(outRefundNo);
    }, this.refundSettleDelayMs).unref();
    this.settleTimers.add(timer);
  }

  private handle(prefix: string, operation: WeChatPayOperation, answer: (ctx: Context & { params: Record<string, string | undefined> }) => Answer) {
    return async (ctx: Context & { params: Record<string, string | undefined> }): Promise<void> => {
      const fault = this.faults.get(operation)?.shift();
      if (fault?.kind === 'delay') await sleep(fault.ms);
      if (fault?.kind === 'drop') {
        ctx.req.socket.destroy();
        ctx.respond = false;
        return;
      }
      if (fault?.kind === 'http-status') {
        ctx.status = fault.status;
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统繁忙，请稍后重试' });
        return;
      }
      const canonicalUrl = ctx.originalUrl.slice(prefix.length);
      const signError = this.signer.verifyRequest({
        method: ctx.method,
        canonicalUrl,
        authorization: ctx.get('authorization') || undefined,
        body: ctx.method === 'GET' ? '' : (ctx.request.rawBody ?? ''),
      });
      const serial = ctx.get('wechatpay-serial');
      this.calls.push({ operation, method: ctx.method, url: canonicalUrl, ...(serial ? { wechatpaySerial: serial } : {}), signatureValid: !signError });
      let result: Answer;
      if (signError) result = { status: 401, body: signError };
      else if (fault?.kind === 'error') result = { status: fault.status, body: { code: fault.code, message: fault.message } };
      else result = this.attempt(() => answer(ctx));
      this.respond(ctx, result, fault?.kind === 'error' ? fault.signature : fault?.kind === 'delay' ? undefined : fault);
    };
  }

  private attempt(answer: () => Answer): Answer {
    try {
      return answer();
    } catch (error) {
      if (!(error instanceof SandboxPayError)) throw error;
      return { status: error.status, body: { code: error.code, message: error.errorMessage, ...(error.detail ? { detail: error.detail } : {}) } };
    }
  }

  /** Every answer is signed over its exact bytes (an empty body for 204). */
  private respond(ctx: Context, answer: Answer, distortion: SignatureDistortion | undefined): void {
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    ctx.set(this.signer.sign(text, distortion));
    ctx.status = answer.status;
    if (text) {
      ctx.type = 'application/json';
      ctx.body = text;
    }
  }
}
