import type { AdminOrderView } from '@zhike/shared/orders';
import { formatFen } from '@zhike/shared/money';
import { FieldError } from '../console-content/form/FieldError';
import { FormErrorBanner } from '../console-content/form/FormErrorBanner';
import { refundableFen } from './order-labels';
import { useRefundOrder, type RefundOutcome } from './use-refund-order';

const PLACED = [{ field: 'body.amountFen' }, { field: 'body.reason' }];

interface RefundFormProps {
  order: AdminOrderView;
  onRefunded: (order: AdminOrderView, outcome: RefundOutcome) => void;
  onCancel: () => void;
}

/** 退款: an amount in 元 (what is left, unless changed) and a reason; issues show next to their field. */
export function RefundForm({ order, onRefunded, onCancel }: RefundFormProps) {
  const refund = useRefundOrder(order, onRefunded);
  const { draft, error, sending } = refund;
  const details = error?.details ?? [];
  const invalid = (field: string) => details.some((detail) => detail.field === field) || undefined;
  return (
    <form
      className="order-action"
      aria-label="退款"
      data-testid="refund-form"
      onSubmit={(event) => {
        event.preventDefault();
        void refund.submit();
      }}
    >
      <FormErrorBanner error={error} placed={PLACED}>
        {refund.unanswered && <p data-testid="refund-unanswered">上次提交没有收到答复，退款可能已经发出。再次提交会沿用同一笔退款请求，不会重复退款。</p>}
      </FormErrorBanner>
      <fieldset className="editor-fieldset" disabled={sending}>
        <label className="form-field">
          <span className="form-label">退款金额（元，最多 {formatFen(refundableFen(order))}）</span>
          <input className="form-input" data-testid="refund-amount" aria-label="退款金额（元）" inputMode="decimal" aria-invalid={invalid('body.amountFen')} value={draft.amount} onChange={(event) => refund.setDraft({ ...draft, amount: event.target.value })} />
          <FieldError details={details} field="body.amountFen" />
        </label>
        <label className="form-field">
          <span className="form-label">退款原因</span>
          <input className="form-input" data-testid="refund-reason" aria-label="退款原因" maxLength={80} placeholder="如：尺码不合适，顾客退回" aria-invalid={invalid('body.reason')} value={draft.reason} onChange={(event) => refund.setDraft({ ...draft, reason: event.target.value })} />
          <FieldError details={details} field="body.reason" />
        </label>
      </fieldset>
      <span className="form-hint">退款经微信支付原路退回，提交后不能撤销。</span>
      <div className="editor-actions">
        <button type="submit" className="button button-danger" data-testid="submit-refund" disabled={sending}>
          {sending ? '提交中…' : '确认退款'}
        </button>
        <button type="button" className="button" disabled={sending} onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
