import { z } from 'zod';

const signed = {
  msg_signature: z.string().regex(/^[0-9a-f]{40}$/, '应为 40 位十六进制签名'),
  timestamp: z.string().regex(/^\d{1,12}$/, '应为秒级时间戳'),
  nonce: z.string().min(1).max(64),
};

/** WeCom's one-time GET that verifies the callback URL (接收事件服务器). Upstream may add parameters, so not strict. */
export const WeComCallbackVerifyQuery = z.object({ ...signed, echostr: z.string().min(1).max(1024) });
export type WeComCallbackVerifyQuery = z.infer<typeof WeComCallbackVerifyQuery>;

/** The query of every event POST; the body is the encrypted XML envelope. */
export const WeComCallbackEventQuery = z.object(signed);
export type WeComCallbackEventQuery = z.infer<typeof WeComCallbackEventQuery>;
