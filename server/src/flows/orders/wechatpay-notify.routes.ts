import { z } from 'zod';
import type { WeChatPayNotificationVerifier } from '../../integrations/wechatpay';
import { WeChatPayNotificationRejected } from '../../integrations/wechatpay';
import type { ApiRouter } from '../../platform/http/api-router';
import { AppError } from '../../platform/http/app-error';
import type { Logger } from '../../platform/logging/logger';
import type { OrdersFlow } from './orders.flow';

/**
 * WeChat Pay's notify_url. The body is verified (signature over the exact bytes, 5-minute window, probes
 * refused) and decrypted before anything is read, then applied; applying is idempotent, so WeChat's
 * retries and replays change nothing. 204 tells WeChat Pay to stop retrying; any error makes it retry.
 */
export function registerWeChatPayNotifyRoutes(api: ApiRouter, deps: { orders: OrdersFlow; verifier: WeChatPayNotificationVerifier; log: Logger }): void {
  api.add({
    method: 'POST',
    path: '/api/wechatpay/notify',
    access: 'anonymous',
    tag: 'orders',
    summary: 'WeChat Pay notifications (payments and refunds): verified, decrypted, applied exactly once',
    rawTextBody: true,
    response: z.undefined(),
    successStatus: 204,
    handler: async ({ body, ctx }) => {
      let notification;
      try {
        notification = deps.verifier.verify(ctx.headers, body as unknown as string);
      } catch (error) {
        if (!(error instanceof WeChatPayNotificationRejected)) throw error;
        deps.log.warn({ reason: error.message }, 'WeChat Pay notification rejected');
        throw new AppError('CALLBACK_REJECTED', '通知验证失败');
      }
      if (notification.eventType === 'TRANSACTION.SUCCESS') await deps.orders.applyPayment(notification.transaction, 'wechatpay');
      else await deps.orders.applyRefund(notification.refund);
      return undefined;
    },
  });
}
