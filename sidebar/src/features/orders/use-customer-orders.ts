import type { CustomerOrdersSummary } from '@zhike/shared/orders';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { getCustomerOrders } from './orders.api';

/** While an order waits for payment, look again this often, so 已支付 shows within seconds of the customer paying. */
export const PENDING_REFRESH_MS = 5_000;

export type CustomerOrdersState = { kind: 'loading' } | { kind: 'ready'; summary: CustomerOrdersSummary; refreshError: string | null } | { kind: 'failed'; message: string };

/**
 * The customer's orders. `refresh` reloads quietly (the list stays while it loads); a failed quiet reload keeps
 * the list and says it may be stale, rather than blanking it.
 */
export function useCustomerOrders(externalUserId: string) {
  const [state, setState] = useState<CustomerOrdersState>({ kind: 'loading' });
  const live = useRef(true);

  const load = useCallback(async () => {
    try {
      const summary = await getCustomerOrders(externalUserId);
      if (live.current) setState({ kind: 'ready', summary, refreshError: null });
    } catch (error) {
      if (!live.current) return;
      const message = describeError(error).message;
      setState((current) => (current.kind === 'ready' ? { ...current, refreshError: message } : { kind: 'failed', message }));
    }
  }, [externalUserId]);

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, [load]);

  const waiting = state.kind === 'ready' && state.summary.orders.some((order) => order.status === 'pending' && Date.parse(order.expiresAt) > Date.now());
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), PENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    void load();
  }, [load]);

  return { state, refresh: load, retry };
}
