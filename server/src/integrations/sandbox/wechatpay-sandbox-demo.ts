import Router from '@koa/router';
import { z } from 'zod';
import { paySignMessage } from '../wechatpay/signature';
import { SandboxPayError } from './wechatpay-sandbox-ledger';
import type { WeChatPaySandbox } from './wechatpay-sandbox';

/** What the H5 build sends instead of calling Taro.requestPayment: its parameters, plus the payer's choice. */
const DemoPayRequest = z.object({
  appId: z.string().min(1),
  timeStamp: z.string().regex(/^\d{10}$/, 'seconds, 10 digits'),
  nonceStr: z.string().min(1).max(32),
  package: z.string().regex(/^prepay_id=.+$/, 'prepay_id=…'),
  signType: z.literal('RSA'),
  paySign: z.string().min(1),
  /** The payer closes the pay sheet. */
  cancel: z.boolean().optional(),
});

/**
 * `POST /sandbox/demo/wechatpay/pay`: what WeChat does on the phone for requestPayment — check paySign with
 * the merchant certificate over the 4 lines, show the pay sheet, take the money — answering the errMsg
 * requestPayment would report. Success here, as on a phone, proves nothing: the order is paid when the
 * notification (or a query) says so.
 */
export function wechatPayDemoRoutes(wechatPay: WeChatPaySandbox): Router {
  const router = new Router({ prefix: '/sandbox/demo/wechatpay' });
  router.post('/pay', (ctx) => {
    const parsed = DemoPayRequest.safeParse(ctx.request.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return void (ctx.body = { errMsg: `requestPayment:fail parameter error: ${issue.path.join('.')} ${issue.message}` });
    }
    const request = parsed.data;
    const fail = (reason: string) => void (ctx.body = { errMsg: `requestPayment:fail ${reason}` });
    const order = wechatPay.ledger.findByPrepayId(request.package.slice('prepay_id='.length));
    if (!order || order.appid !== request.appId) return fail('prepay_id 无效');
    if (!wechatPay.signer.verifyPaySign(paySignMessage(request.appId, request.timeStamp, request.nonceStr, request.package), request.paySign)) {
      return fail('支付验证签名失败');
    }
    if (wechatPay.ledger.prepayExpired(order)) return fail('prepay_id 已过期，请重新下单');
    if (order.state === 'CLOSED') return fail('订单已关闭');
    if (order.state !== 'NOTPAY') return fail('该订单已支付');
    if (request.cancel) return fail('cancel');
    try {
      wechatPay.completePayment(order.outTradeNo, { outcome: 'success' });
    } catch (error) {
      if (error instanceof SandboxPayError) return fail(error.errorMessage);
      throw error;
    }
    ctx.body = { errMsg: 'requestPayment:ok' };
  });
  return router;
}
