import type { Logger } from '../../platform/logging/logger';
import type { OrdersFlow } from './orders.flow';

/**
 * Every interval: close unpaid orders whose time is up and ask WeChat Pay about orders whose notification
 * never came. A slow round is not overlapped by the next; errors are logged and retried next round.
 */
export function startOrderUpkeep(orders: Pick<OrdersFlow, 'closeExpired' | 'reconcilePending'>, log: Logger, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    Promise.all([orders.closeExpired(), orders.reconcilePending()])
      .then(([closed, reconciled]) => {
        if (closed || reconciled) log.info({ closed, reconciled }, 'order upkeep');
      })
      .catch((error: unknown) => log.error({ err: error }, 'order upkeep failed'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
