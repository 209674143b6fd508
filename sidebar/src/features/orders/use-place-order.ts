import type { ErrorDetail } from '@zhike/shared/errors';
import type { OrderLineRequest } from '@zhike/shared/orders';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';
import { errorDetails } from '../../lib/http-write';
import { newRequestId } from '../../lib/request-id';
import { placeOrderForCustomer, type PlacedOrder } from './orders.api';
import { sendOrderCard, type OrderSendResult } from './send-order';

export type OrderSendState = { kind: 'sending' } | OrderSendResult;

export type PlaceOrderState =
  | { kind: 'idle' }
  | { kind: 'placing' }
  | { kind: 'refused'; message: string; details: ErrorDetail[] }
  /** The order exists; what is left is getting its card into the chat. */
  | { kind: 'placed'; placed: PlacedOrder; send: OrderSendState };

/**
 * 代客下单 then send. The requestId lives until the server has answered for it: a try that failed on the way
 * (network, 5xx) is repeated with the same id, so an order that did reach the server is not made twice. Once
 * placed, sending again re-sends the same card — it never places another order.
 */
export function usePlaceOrder(externalUserId: string, onPlaced: () => void) {
  const [state, setState] = useState<PlaceOrderState>({ kind: 'idle' });
  const requestId = useRef<string | null>(null);
  const busy = useRef(false);

  const send = useCallback(async (placed: PlacedOrder) => {
    setState({ kind: 'placed', placed, send: { kind: 'sending' } });
    const result = await sendOrderCard(placed.message);
    setState({ kind: 'placed', placed, send: result });
  }, []);

  const place = useCallback(
    async (order: { items: OrderLineRequest[]; discountFen: number; note: string }) => {
      if (busy.current) return;
      busy.current = true;
      requestId.current ??= newRequestId();
      setState({ kind: 'placing' });
      try {
        const placed = await placeOrderForCustomer(externalUserId, { requestId: requestId.current, ...order });
        requestId.current = null;
        onPlaced();
        await send(placed);
      } catch (error) {
        if (!isRetryable(error)) requestId.current = null;
        setState({ kind: 'refused', message: messageOf(error), details: errorDetails(error) });
      } finally {
        busy.current = false;
      }
    },
    [externalUserId, onPlaced, send],
  );

  const resend = useCallback(() => {
    if (state.kind === 'placed' && state.send.kind !== 'sending') void send(state.placed);
  }, [state, send]);

  const reset = useCallback(() => {
    requestId.current = null;
    setState({ kind: 'idle' });
  }, []);

  /** The form's own check failed: shown like the server's issues, nothing sent. */
  const refuseLocally = useCallback((details: ErrorDetail[]) => setState({ kind: 'refused', message: '请修改标出的内容后再下单', details }), []);

  return { state, place, resend, reset, refuseLocally };
}

/** Worth repeating with the same requestId: it may have reached the server (network, 5xx). */
function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 ? error.message : describeError(error).message;
}
