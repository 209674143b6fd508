import { z } from 'zod';
import { AppError } from '../../platform/http/app-error';

export const WECHATPAY_UPSTREAM = 'WeChat Pay';

/** WeChat Pay's error body (D3): `{code, message, detail?}`. */
export const WeChatPayErrorBody = z.object({
  code: z.string().min(1),
  message: z.string().default(''),
  detail: z.record(z.string(), z.unknown()).optional(),
});

/**
 * WeChat Pay refused a request with a verified error answer (`400 PARAM_ERROR`, `404 ORDER_NOT_EXIST`,
 * `400 ORDERPAID`…). Like UpstreamApiError for the errcode APIs, but WeChat Pay's codes are strings and
 * come with an HTTP status; callers branch on `wechatPayCode`.
 */
export class WeChatPayApiError extends AppError {
  constructor(
    readonly httpStatus: number,
    readonly wechatPayCode: string,
    readonly wechatPayMessage: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super('UPSTREAM_REJECTED', `${WECHATPAY_UPSTREAM} 接口返回错误 ${wechatPayCode}：${wechatPayMessage}`, [
      { field: 'upstream', issue: `${WECHATPAY_UPSTREAM} HTTP ${httpStatus} ${wechatPayCode}` },
    ]);
  }
}
