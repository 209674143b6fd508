import type { AdminOrderListResponse, AdminOrderView, OrderStatus } from '@zhike/shared/orders';
import { useCallback, useEffect, useState } from 'react';
import type { Loaded } from '../../lib/use-loaded';
import { toFormError } from '../console-content/form/form-error';
import { listAdminOrders, type AdminOrdersFilter } from './orders-admin.api';

export type AdminOrdersState = Loaded<AdminOrderListResponse> & { forbidden?: boolean };

/**
 * One page of the order list for the chosen status. An order changed here (fulfilled, refunded) replaces its
 * row in place — even if it no longer matches the tab — so the row the admin just acted on does not vanish.
 */
export function useAdminOrders() {
  const [filter, setFilter] = useState<AdminOrdersFilter>({ offset: 0 });
  const [state, setState] = useState<AdminOrdersState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    listAdminOrders(filter).then(
      (value) => live && setState({ kind: 'ready', value }),
      (error: unknown) => {
        const failure = toFormError(error);
        if (live) setState({ kind: 'failed', message: failure.message, forbidden: failure.forbidden });
      },
    );
    return () => {
      live = false;
    };
  }, [filter, attempt]);

  const replace = useCallback((order: AdminOrderView) => {
    setState((current) => {
      if (current.kind !== 'ready') return current;
      return { kind: 'ready', value: { ...current.value, orders: current.value.orders.map((item) => (item.orderNo === order.orderNo ? order : item)) } };
    });
  }, []);

  return {
    state,
    filter,
    /** A new tab starts at its first page. */
    showStatus: useCallback((status: OrderStatus | undefined) => setFilter({ status, offset: 0 }), []),
    showPage: useCallback((offset: number) => setFilter((current) => ({ ...current, offset })), []),
    retry: useCallback(() => setAttempt((n) => n + 1), []),
    replace,
  };
}
