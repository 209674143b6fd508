import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderView, PaymentParamsResponse } from '@zhike/shared/orders';
import { requestPayment, type DemoPayChoice } from '../../lib/platform';
import { ApiError, errorMessage } from '../../lib/request';
import { trackTap } from '../../lib/tracking';
import { createPayment, fetchOrder } from './api';
import { paymentSettled, waitUntilSettled } from './wait-until-settled';

export type PaymentPhase =
  | { phase: 'idle' }
  /** Getting the signed parameters, then the pay sheet is open. */
  | { phase: 'paying' }
  /** The sheet said ok; waiting for the server to hear from WeChat Pay. */
  | { phase: 'confirming' }
  | { phase: 'paid' }
  /** No word from WeChat Pay in time: most likely paid, but only the server may say so. */
  | { phase: 'unconfirmed' }
  | { phase: 'failed'; message: string };

export interface OrderPayment {
  state: PaymentPhase;
  /** The order as the payment flow last saw it (fresher than the page's load). */
  latest?: OrderView;
  pay: () => void;
  /** Asks the server again (after 支付结果确认中, or coming back to the page). */
  refresh: () => void;
}

/**
 * 立即支付 for one order: signed parameters from the server, the pay sheet (WeChat's, or the demo's),
 * then the server's word on whether it is paid. Cancelling the sheet goes back to idle without a word.
 */
export function useOrderPayment(order: OrderView | undefined, askDemoPayer: () => Promise<DemoPayChoice>): OrderPayment {
  const [state, setState] = useState<PaymentPhase>({ phase: 'idle' });
  const [latest, setLatest] = useState<OrderView>();
  const busy = useRef(false);
  const gone = useRef(false);
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
    };
  }, []);

  const pay = useCallback(() => {
    if (!order || busy.current) return;
    busy.current = true;
    const { orderNo } = order;
    trackTap({ kind: 'element', id: `pay:${orderNo}`, title: '立即支付' });
    const run = async (): Promise<PaymentPhase> => {
      setState({ phase: 'paying' });
      let params: PaymentParamsResponse;
      try {
        params = await createPayment(orderNo);
      } catch (error) {
        // 409: closed, expired or already paid meanwhile; show the order as it now is beside the message.
        if (error instanceof ApiError && error.status === 409) await fetchOrder(orderNo).then(setLatest, () => undefined);
        return { phase: 'failed', message: errorMessage(error) };
      }
      const outcome = await requestPayment(params.payParams, askDemoPayer);
      if (outcome.kind === 'cancelled') return { phase: 'idle' };
      if (outcome.kind === 'failed') return { phase: 'failed', message: outcome.message };
      setState({ phase: 'confirming' });
      const seen = await waitUntilSettled(orderNo, { isCancelled: () => gone.current });
      if (seen) setLatest(seen);
      if (seen && paymentSettled(seen)) return seen.status === 'pending' ? { phase: 'idle' } : { phase: 'paid' };
      return { phase: 'unconfirmed' };
    };
    void run().then((next) => {
      busy.current = false;
      if (!gone.current) setState(next);
    });
  }, [order, askDemoPayer]);

  const refresh = useCallback(() => {
    if (!order || busy.current) return;
    fetchOrder(order.orderNo).then(
      (seen) => {
        if (gone.current) return;
        setLatest(seen);
        if (seen.status !== 'pending') setState((current) => (current.phase === 'unconfirmed' ? { phase: 'paid' } : current));
      },
      () => undefined,
    );
  }, [order]);

  return { state, latest, pay, refresh };
}
