import type { ErrorDetail } from '@zhike/shared/errors';
import { formatFen } from '@zhike/shared/money';
import { fenToYuanInput, parseYuan } from '../../lib/yuan-input';

/** The refund form as typed: the amount in 元, the reason the customer's history will show. */
export interface RefundDraft {
  amount: string;
  reason: string;
}

/** Refunds are most often of everything that is left, so that is where the amount starts. */
export function initialRefundDraft(leftFen: number): RefundDraft {
  return { amount: fenToYuanInput(leftFen), reason: '' };
}

/**
 * The amount in fen and the trimmed reason, or the issues the form can see itself, named by the server's
 * paths so they show in the same places. The server checks again, against refunds still in progress too.
 */
export function toRefundInput(draft: RefundDraft, leftFen: number): { amountFen: number; reason: string } | { issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  const amountFen = parseYuan(draft.amount);
  if (amountFen === null) issues.push({ field: 'body.amountFen', issue: '请填写金额，如 99 或 99.90' });
  else if (amountFen < 1) issues.push({ field: 'body.amountFen', issue: '退款金额至少 ¥0.01' });
  else if (amountFen > leftFen) issues.push({ field: 'body.amountFen', issue: `最多可退 ${formatFen(leftFen)}` });
  const reason = draft.reason.trim();
  if (!reason) issues.push({ field: 'body.reason', issue: '请填写退款原因' });
  if (issues.length > 0 || amountFen === null) return { issues };
  return { amountFen, reason };
}

/** The server states the cap in fen ("最多 29900 分"); people read money in 元. */
export function readableRefundIssues(details: readonly ErrorDetail[]): ErrorDetail[] {
  return details.map((detail) => ({ ...detail, issue: detail.issue.replace(/最多 (\d+) 分/, (_, fen: string) => `最多可退 ${formatFen(Number(fen))}`) }));
}
