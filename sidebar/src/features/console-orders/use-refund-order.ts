import type { AdminOrderView } from '@zhike/shared/orders';
import { useRef, useState } from 'react';
import { ApiError } from '../../lib/http';
import { newRequestId } from '../../lib/request-id';
import { localFormError, toFormError, type FormError } from '../console-content/form/form-error';
import { refundableFen } from './order-labels';
import { refundOrder } from './orders-admin.api';
import { initialRefundDraft, readableRefundIssues, toRefundInput, type RefundDraft } from './refund-draft';

/** How a refund went: `settled` when WeChat Pay confirmed it at once, else it is processing upstream. */
export interface RefundOutcome {
  amountFen: number;
  settled: boolean;
}

/**
 * One refund of one order. The requestId lives until the server has answered for it: a try that failed on the
 * way (network, 5xx) may have reached the server, so the next try sends the same id and cannot refund twice.
 * A clear answer (done, or a 4xx) ends it; the next refund gets a new id.
 */
export function useRefundOrder(order: AdminOrderView, onRefunded: (order: AdminOrderView, outcome: RefundOutcome) => void) {
  const [draft, setDraft] = useState<RefundDraft>(() => initialRefundDraft(refundableFen(order)));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [unanswered, setUnanswered] = useState(false);
  const requestId = useRef<string | null>(null);
  const busy = useRef(false);

  async function submit() {
    if (busy.current) return;
    const input = toRefundInput(draft, refundableFen(order));
    if ('issues' in input) {
      setError(localFormError(input.issues));
      return;
    }
    busy.current = true;
    setSending(true);
    setError(null);
    requestId.current ??= newRequestId();
    try {
      const refunded = await refundOrder(order.orderNo, { requestId: requestId.current, ...input });
      requestId.current = null;
      setUnanswered(false);
      // The refund answer is the plain order view; the names come from the row it was opened from.
      onRefunded({ ...order, ...refunded }, { amountFen: input.amountFen, settled: refunded.refundedFen > order.refundedFen });
    } catch (failure) {
      const reachedMaybe = mayHaveReachedServer(failure);
      if (!reachedMaybe) requestId.current = null;
      setUnanswered(reachedMaybe);
      const formError = toFormError(failure);
      setError({ ...formError, details: readableRefundIssues(formError.details) });
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  return { draft, setDraft, sending, error, unanswered, submit };
}

/** Network failures and 5xx: the refund may have been started, so a retry must reuse the requestId. */
function mayHaveReachedServer(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
