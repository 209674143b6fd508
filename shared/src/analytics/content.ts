import { z } from 'zod';
import { AnalyticsRange } from './range';

export const CONTENT_ATTRIBUTION_RULE =
  '发送数以企业微信确认发送为准；打开为每次发送的首次打开；扫码为他人扫描海报码；加企微、下单按“最后一次触达”归因：客户通过该内容的链接、小程序卡片或海报码进入后 7 天内加企微或支付，记给该内容；退款从营收中扣除。';

export const ContentRow = z.object({
  contentKind: z.enum(['script', 'poster']),
  contentId: z.string(),
  title: z.string(),
  sent: z.number().int(),
  opened: z.number().int(),
  openRate: z.number().nullable(),
  scans: z.number().int(),
  contactsAdded: z.number().int(),
  orders: z.number().int(),
  netRevenueFen: z.number().int(),
});
export type ContentRow = z.infer<typeof ContentRow>;

export const ContentReport = z.object({
  range: AnalyticsRange,
  rule: z.string(),
  rows: z.array(ContentRow),
});
export type ContentReport = z.infer<typeof ContentReport>;
