import type { OrderView } from '@zhike/shared/orders';
import { fetchOrder } from './api';

export interface WaitOptions {
  intervalMs?: number;
  timeoutMs?: number;
  /** Checked before every look: the page has gone, stop asking. */
  isCancelled?: () => boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The server has decided about the payment: paid (or later), or held for review. */
export function paymentSettled(order: OrderView): boolean {
  return order.status !== 'pending' || order.paymentIssue !== undefined;
}

/**
 * After the pay sheet says ok, asks the server until WeChat Pay's notification has been applied (a
 * client's ok proves nothing). Returns the order as last seen, settled or not; a failed look is
 * just another try.
 */
export async function waitUntilSettled(orderNo: string, { intervalMs = 1000, timeoutMs = 15_000, isCancelled = () => false }: WaitOptions = {}): Promise<OrderView | undefined> {
  let last: OrderView | undefined;
  for (let waited = 0; waited < timeoutMs; waited += intervalMs) {
    await sleep(intervalMs);
    if (isCancelled()) return last;
    try {
      last = await fetchOrder(orderNo);
      if (paymentSettled(last)) return last;
    } catch {
      // A lost answer while waiting: the next look may get through.
    }
  }
  return last;
}
