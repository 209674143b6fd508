import { z } from 'zod';
import type { WeChatPayRefund, WeChatPayTransaction } from './wechatpay-types';

const fen = z.number().int().min(0);
const time = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** A transaction as the query API answers it and TRANSACTION.SUCCESS carries it (D5/D6); only what we use. */
export const TransactionResource = z
  .object({
    appid: z.string().min(1),
    mchid: z.string().min(1),
    out_trade_no: z.string().min(1),
    transaction_id: z.string().min(1).optional(),
    trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
    attach: z.string().optional(),
    success_time: time.optional(),
    payer: z.object({ openid: z.string().optional() }).optional(),
    amount: z.object({ total: fen, payer_total: fen.optional() }),
  })
  .transform(
    (t): WeChatPayTransaction => ({
      appid: t.appid,
      mchid: t.mchid,
      outTradeNo: t.out_trade_no,
      tradeState: t.trade_state,
      amountTotalFen: t.amount.total,
      ...(t.transaction_id ? { transactionId: t.transaction_id } : {}),
      ...(t.amount.payer_total !== undefined ? { payerTotalFen: t.amount.payer_total } : {}),
      ...(t.success_time ? { successTime: t.success_time } : {}),
      ...(t.payer?.openid ? { payerOpenid: t.payer.openid } : {}),
      // WeChat Pay echoes attach as an empty string when none was given.
      ...(t.attach ? { attach: t.attach } : {}),
    }),
  );

/**
 * A refund as the refund APIs answer it (`status`) and REFUND.* notifications carry it (`refund_status`).
 */
export const RefundResource = z
  .object({
    out_refund_no: z.string().min(1),
    refund_id: z.string().min(1),
    out_trade_no: z.string().min(1),
    transaction_id: z.string().min(1).optional(),
    status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
    refund_status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
    success_time: time.optional(),
    amount: z.object({ refund: fen, total: fen }),
  })
  .refine((r) => r.status ?? r.refund_status, { message: 'status or refund_status is required', path: ['status'] })
  .transform(
    (r): WeChatPayRefund => ({
      outRefundNo: r.out_refund_no,
      refundId: r.refund_id,
      outTradeNo: r.out_trade_no,
      status: (r.status ?? r.refund_status)!,
      refundFen: r.amount.refund,
      totalFen: r.amount.total,
      ...(r.transaction_id ? { transactionId: r.transaction_id } : {}),
      ...(r.success_time ? { successTime: r.success_time } : {}),
    }),
  );
