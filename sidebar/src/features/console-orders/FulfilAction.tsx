import type { AdminOrderView } from '@zhike/shared/orders';
import { FieldError } from '../console-content/form/FieldError';
import { FormErrorBanner } from '../console-content/form/FormErrorBanner';
import { useFulfilOrder } from './use-fulfil-order';

/** 标记完成 for a paid order: shipped or handed over. The note goes into the order's history. */
export function FulfilAction({ order, onFulfilled }: { order: AdminOrderView; onFulfilled: (order: AdminOrderView) => void }) {
  const fulfil = useFulfilOrder(order, onFulfilled);
  const details = fulfil.error?.details ?? [];
  return (
    <form
      className="order-action"
      aria-label="标记完成"
      onSubmit={(event) => {
        event.preventDefault();
        void fulfil.submit();
      }}
    >
      <FormErrorBanner error={fulfil.error} placed={[{ field: 'body.note' }]} />
      <label className="form-field">
        <span className="form-label">发货备注（可不填）</span>
        <input className="form-input" aria-label="发货备注" maxLength={80} placeholder="如：顺丰 SF1234567890" value={fulfil.note} disabled={fulfil.sending} onChange={(event) => fulfil.setNote(event.target.value)} />
        <FieldError details={details} field="body.note" />
      </label>
      <button type="submit" className="button button-primary" data-testid="fulfil-order" disabled={fulfil.sending}>
        {fulfil.sending ? '提交中…' : '标记完成'}
      </button>
    </form>
  );
}
