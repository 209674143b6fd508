import type { AdminOrderView } from '@zhike/shared/orders';
import { useRef, useState } from 'react';
import { toFormError, type FormError } from '../console-content/form/form-error';
import { fulfilOrder } from './orders-admin.api';

/**
 * 标记完成 with an optional note (a courier number, "到店自提"). Sending twice is harmless — the server answers
 * 409 "订单已完成" — but a double click still sends once.
 */
export function useFulfilOrder(order: AdminOrderView, onFulfilled: (order: AdminOrderView) => void) {
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const busy = useRef(false);

  async function submit() {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    setError(null);
    try {
      onFulfilled(await fulfilOrder(order.orderNo, note.trim()));
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  return { note, setNote, sending, error, submit };
}
