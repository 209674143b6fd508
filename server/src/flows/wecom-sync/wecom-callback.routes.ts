import { z } from 'zod';
import { WeComCallbackEventQuery, WeComCallbackVerifyQuery } from '@zhike/shared/wecom';
import { CallbackRejectedError, type WeComCallbackCrypto } from '../../integrations/wecom/callback-crypto';
import { callbackEventKey, parseCallbackEvent } from '../../integrations/wecom/callback-events';
import type { ApiRouter } from '../../platform/http/api-router';
import { AppError } from '../../platform/http/app-error';
import type { Logger } from '../../platform/logging/logger';
import type { QueueRepository, QueueWorker } from '../../platform/queue';

export const WECOM_EVENT_TOPIC = 'wecom-event';

export interface WeComCallbackRouteDeps {
  crypto: WeComCallbackCrypto;
  inbox: QueueRepository;
  worker: QueueWorker;
  log: Logger;
  now?: () => Date;
}

/** Whatever the reason, the caller learns only that we refused; the reason goes to the log. */
function refuse(error: unknown, log: Logger): never {
  if (error instanceof CallbackRejectedError) {
    log.warn({ reason: error.reason }, 'WeCom callback rejected');
    throw new AppError('CALLBACK_REJECTED', '回调验证失败');
  }
  throw error;
}

/**
 * WeCom 接收事件服务器. Every message is verified and decrypted before it is parsed, stored in the inbox
 * under its idempotency key, then acknowledged within WeCom's 5 s; processing happens after the answer.
 * A redelivery finds its key taken and is acknowledged without being applied again.
 */
export function registerWeComCallbackRoutes(api: ApiRouter, deps: WeComCallbackRouteDeps): void {
  const now = deps.now ?? (() => new Date());

  api.add({
    method: 'GET',
    path: '/api/wecom/callbacks',
    access: 'anonymous',
    tag: 'wecom',
    summary: 'WeCom callback URL verification: answers the decrypted echostr, verbatim',
    query: WeComCallbackVerifyQuery,
    response: z.string(),
    handler: async ({ query, ctx }) => {
      let plain: string;
      try {
        plain = deps.crypto.verifyUrl(query);
      } catch (error) {
        refuse(error, deps.log);
      }
      ctx.type = 'text/plain';
      return plain;
    },
  });

  api.add({
    method: 'POST',
    path: '/api/wecom/callbacks',
    access: 'anonymous',
    tag: 'wecom',
    summary: 'WeCom event push (signed, AES-encrypted XML); answered "success" once stored',
    query: WeComCallbackEventQuery,
    rawTextBody: true,
    response: z.literal('success'),
    handler: async ({ query, body, ctx }) => {
      let event: ReturnType<typeof parseCallbackEvent>;
      try {
        event = parseCallbackEvent(deps.crypto.open(query, String(body)));
      } catch (error) {
        refuse(error, deps.log);
      }
      const fresh = await deps.inbox.enqueue(WECOM_EVENT_TOPIC, callbackEventKey(event), event, now());
      if (fresh) void deps.worker.drain().catch((error) => deps.log.error({ err: error }, 'WeCom event processing failed'));
      else deps.log.info({ key: callbackEventKey(event) }, 'WeCom callback redelivered; already stored');
      ctx.type = 'text/plain';
      return 'success' as const;
    },
  });
}
