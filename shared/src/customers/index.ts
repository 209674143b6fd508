import { z } from 'zod';

export const ExternalUserId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '外部联系人 ID 格式不正确')
  .describe('WeCom external_userid of a customer');
export type ExternalUserId = z.infer<typeof ExternalUserId>;
