import crypto from 'node:crypto';
import { z } from 'zod';
import { rfc3339Beijing } from '../wechatpay/signature';

/** An error answer of WeChat Pay: HTTP status and `{code, message, detail?}`. */
export class SandboxPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errorMessage: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(`${status} ${code}: ${errorMessage}`);
  }
}

export type SandboxTradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';
export type SandboxRefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

export interface SandboxPayOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  totalFen: number;
  openid: string;
  notifyUrl: string;
  attach: string;
  expiresAt: number;
  /** Same out_trade_no with the same parameters is the same order; with others, a duplicate number. */
  fingerprint: string;
  prepayId: string;
  prepayIssuedAt: number;
  state: SandboxTradeState;
  transactionId?: string;
  successTime?: number;
  /** amount.total once paid; a test may make it differ from what was ordered. */
  paidFen?: number;
}

export interface SandboxRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  refundFen: number;
  totalFen: number;
  status: SandboxRefundStatus;
  createdAt: number;
  successTime?: number;
  notifyUrl?: string;
  reason?: string;
}

const PREPAY_TTL_MS = 2 * 3600_000;
const DEFAULT_ORDER_TTL_MS = 7 * 24 * 3600_000;
const REFUND_INTERVAL_MS = 60_000;
const REFUND_WINDOW_MS = 365 * 24 * 3600_000;
const MAX_REFUNDS_PER_ORDER = 50;

const paramError = (field: string, issue: string) => new SandboxPayError(400, 'PARAM_ERROR', `参数错误：${field}`, { field, value: '', issue, location: 'body' });

const JsapiOrderBody = z.object({
  appid: z.string(),
  mchid: z.string(),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().regex(/^[0-9A-Za-z_\-*]{6,32}$/),
  time_expire: z.iso.datetime({ offset: true }).optional(),
  attach: z.string().max(128).optional(),
  // WeChat Pay wants https; the sandbox also takes http, which is what the demo server speaks.
  notify_url: z.url({ protocol: /^https?$/ }).max(255).refine((url) => !url.includes('?'), 'no query string allowed'),
  amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').optional() }),
  payer: z.object({ openid: z.string().min(1) }),
});

const RefundBody = z.object({
  out_trade_no: z.string().min(1).optional(),
  transaction_id: z.string().min(1).optional(),
  out_refund_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  reason: z.string().optional().refine((reason) => reason === undefined || Buffer.byteLength(reason) <= 80, 'at most 80 bytes'),
  notify_url: z.url({ protocol: /^https?$/ }).max(255).optional(),
  amount: z.object({ refund: z.number().int().positive(), total: z.number().int().positive(), currency: z.literal('CNY') }),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw paramError(issue.path.join('.'), issue.message);
}

function digits(count: number): string {
  return Array.from(crypto.randomBytes(count), (byte) => String(byte % 10)).join('');
}

/** The orders and refunds of one merchant, with WeChat Pay's rules; times come from the sandbox clock. */
export class WeChatPaySandboxLedger {
  private readonly orders = new Map<string, SandboxPayOrder>();
  private readonly refunds = new Map<string, SandboxRefund>();

  constructor(
    private readonly merchant: { mchId: string; appId: string; openids: () => string[] },
    private readonly now: () => number,
  ) {}

  createJsapiOrder(body: unknown): SandboxPayOrder {
    const input = parse(JsapiOrderBody, body);
    if (input.appid !== this.merchant.appId || input.mchid !== this.merchant.mchId) throw new SandboxPayError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (!this.merchant.openids().includes(input.payer.openid)) throw new SandboxPayError(400, 'PARAM_ERROR', 'openid和appid不匹配');
    const now = this.now();
    const expiresAt = input.time_expire ? Date.parse(input.time_expire) : now + DEFAULT_ORDER_TTL_MS;
    if (expiresAt < now + 60_000) throw paramError('time_expire', 'must be at least one minute from now');
    const fingerprint = JSON.stringify([input.description, input.time_expire ?? '', input.attach ?? '', input.notify_url, input.amount.total, input.payer.openid]);
    const existing = this.findOrder(input.out_trade_no);
    if (existing) {
      if (existing.state === 'CLOSED') throw new SandboxPayError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.state !== 'NOTPAY') throw new SandboxPayError(400, 'ORDERPAID', '该订单已支付');
      if (existing.fingerprint !== fingerprint) throw new SandboxPayError(400, 'INVALID_REQUEST', '201 商户订单号重复');
      if (now - existing.prepayIssuedAt >= PREPAY_TTL_MS) Object.assign(existing, { prepayId: this.newPrepayId(), prepayIssuedAt: now });
      return existing;
    }
    const order: SandboxPayOrder = {
      appid: input.appid,
      mchid: input.mchid,
      outTradeNo: input.out_trade_no,
      description: input.description,
      totalFen: input.amount.total,
      openid: input.payer.openid,
      notifyUrl: input.notify_url,
      attach: input.attach ?? '',
      expiresAt,
      fingerprint,
      prepayId: this.newPrepayId(),
      prepayIssuedAt: now,
      state: 'NOTPAY',
    };
    this.orders.set(order.outTradeNo, order);
    return order;
  }

  /** The order, closed first if its time_expire has passed unpaid. */
  findOrder(outTradeNo: string): SandboxPayOrder | undefined {
    const order = this.orders.get(outTradeNo);
    if (order?.state === 'NOTPAY' && this.now() >= order.expiresAt) order.state = 'CLOSED';
    return order;
  }

  findByPrepayId(prepayId: string): SandboxPayOrder | undefined {
    const order = [...this.orders.values()].find((candidate) => candidate.prepayId === prepayId);
    return order && this.findOrder(order.outTradeNo);
  }

  prepayExpired(order: SandboxPayOrder): boolean {
    return this.now() - order.prepayIssuedAt >= PREPAY_TTL_MS;
  }

  requireOrder(outTradeNo: string, mchid: unknown): SandboxPayOrder {
    if (mchid !== this.merchant.mchId) throw paramError('mchid', 'mchid does not match the signing merchant');
    const order = this.findOrder(outTradeNo);
    if (!order) throw new SandboxPayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return order;
  }

  /** Closing a closed order again is fine; a paid one is not closable. */
  close(outTradeNo: string, mchid: unknown): void {
    const order = this.requireOrder(outTradeNo, mchid);
    if (order.state === 'SUCCESS' || order.state === 'REFUND') throw new SandboxPayError(400, 'ORDERPAID', '订单已支付');
    order.state = 'CLOSED';
  }

  /** The payer confirmed in WeChat: the order is paid (`paidFen` lets a test record a different amount). */
  pay(outTradeNo: string, paidFen?: number): SandboxPayOrder {
    const order = this.findOrder(outTradeNo);
    if (!order) throw new SandboxPayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.state === 'CLOSED') throw new SandboxPayError(400, 'ORDER_CLOSED', '订单已关闭');
    if (order.state !== 'NOTPAY') throw new SandboxPayError(400, 'ORDERPAID', '该订单已支付');
    Object.assign(order, { state: 'SUCCESS', transactionId: `4200${digits(24)}`, successTime: this.now(), paidFen: paidFen ?? order.totalFen });
    return order;
  }

  refund(body: unknown): { refund: SandboxRefund; created: boolean } {
    const input = parse(RefundBody, body);
    const order = input.out_trade_no
      ? this.findOrder(input.out_trade_no)
      : [...this.orders.values()].find((candidate) => candidate.transactionId === input.transaction_id);
    if (!order) throw new SandboxPayError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const existing = this.refunds.get(input.out_refund_no);
    if (existing) {
      if (existing.outTradeNo !== order.outTradeNo || existing.refundFen !== input.amount.refund) {
        throw new SandboxPayError(400, 'INVALID_REQUEST', '退款单号已存在，但请求参数与原请求不一致');
      }
      return { refund: existing, created: false };
    }
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') throw new SandboxPayError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    const now = this.now();
    if (now - order.successTime! > REFUND_WINDOW_MS) throw new SandboxPayError(400, 'INVALID_REQUEST', '订单已超过可退款的最大期限');
    if (input.amount.total !== order.paidFen) throw new SandboxPayError(400, 'INVALID_REQUEST', '订单金额与原订单不一致');
    const earlier = this.refundsOf(order.outTradeNo);
    if (earlier.length >= MAX_REFUNDS_PER_ORDER) throw new SandboxPayError(400, 'INVALID_REQUEST', '退款次数已达上限');
    const refundable = order.paidFen! - earlier.filter((refund) => refund.status !== 'CLOSED').reduce((sum, refund) => sum + refund.refundFen, 0);
    if (input.amount.refund > refundable) throw new SandboxPayError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    if (earlier.some((refund) => now - refund.createdAt < REFUND_INTERVAL_MS)) throw new SandboxPayError(429, 'FREQUENCY_LIMITED', '同一订单的部分退款需间隔1分钟');
    const refund: SandboxRefund = {
      outRefundNo: input.out_refund_no,
      refundId: `50${digits(30)}`,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId!,
      refundFen: input.amount.refund,
      totalFen: order.paidFen!,
      status: 'PROCESSING',
      createdAt: now,
      ...(input.notify_url ? { notifyUrl: input.notify_url } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    };
    this.refunds.set(refund.outRefundNo, refund);
    order.state = 'REFUND';
    return { refund, created: true };
  }

  findRefund(outRefundNo: string): SandboxRefund | undefined {
    return this.refunds.get(outRefundNo);
  }

  /** The bank's answer to a PROCESSING refund; undefined when it was already settled. */
  settleRefund(outRefundNo: string, status: Exclude<SandboxRefundStatus, 'PROCESSING'>): SandboxRefund | undefined {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new SandboxPayError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    if (refund.status !== 'PROCESSING') return undefined;
    refund.status = status;
    if (status === 'SUCCESS') refund.successTime = this.now();
    return refund;
  }

  private refundsOf(outTradeNo: string): SandboxRefund[] {
    return [...this.refunds.values()].filter((refund) => refund.outTradeNo === outTradeNo);
  }

  private newPrepayId(): string {
    const stamp = rfc3339Beijing(new Date(this.now())).slice(0, 19).replace(/\D/g, '');
    return `wx${stamp}${crypto.randomBytes(10).toString('hex')}`;
  }
}
