import { z } from 'zod';
import { ExternalUserId } from '../customers';
import { RequestId } from '../timeline';

export const ContentKind = z.enum(['script', 'poster']);
export type ContentKind = z.infer<typeof ContentKind>;

/** The argument of `ww.sendChatMessage`, ready to pass as is. */
export const ChatMessage = z.discriminatedUnion('msgtype', [
  z.object({ msgtype: z.literal('text'), text: z.object({ content: z.string() }) }),
  z.object({ msgtype: z.literal('image'), image: z.object({ mediaid: z.string() }) }),
  z.object({ msgtype: z.literal('file'), file: z.object({ mediaid: z.string() }) }),
  z.object({ msgtype: z.literal('news'), news: z.object({ link: z.string(), title: z.string(), desc: z.string(), imgUrl: z.string() }) }),
  z.object({ msgtype: z.literal('miniprogram'), miniprogram: z.object({ appid: z.string(), title: z.string(), imgUrl: z.string(), page: z.string() }) }),
]);
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ContentRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('script'), scriptId: z.string().regex(/^[a-f0-9]{24}$/, '话术 ID 格式不正确') }),
  z.strictObject({ kind: z.literal('poster'), templateId: z.string().regex(/^[a-f0-9]{24}$/, '海报模板 ID 格式不正确') }),
]);
export type ContentRef = z.infer<typeof ContentRef>;

export const PrepareContentSendRequest = z.strictObject({
  requestId: RequestId,
  externalUserId: ExternalUserId,
  content: ContentRef,
});
export type PrepareContentSendRequest = z.infer<typeof PrepareContentSendRequest>;

export const ContentSendStatus = z.enum(['prepared', 'sent', 'cancelled', 'failed']);
export type ContentSendStatus = z.infer<typeof ContentSendStatus>;

export const PreparedContentSend = z
  .object({
    sendId: z.string(),
    status: ContentSendStatus,
    title: z.string(),
    message: ChatMessage,
    /** Variables with no value for this customer, filled with their fallback ("客户称呼"). */
    missingVariables: z.array(z.string()),
  })
  .meta({ id: 'PreparedContentSend' });
export type PreparedContentSend = z.infer<typeof PreparedContentSend>;

export const SendIdParams = z.strictObject({ sendId: z.string().regex(/^[a-f0-9]{24}$/, '发送记录 ID 格式不正确') });

/** What `sendChatMessage` answered: only `sent` counts as a send. */
export const ReportSendOutcomeRequest = z.strictObject({
  outcome: z.enum(['sent', 'cancelled', 'failed']),
  /** The SDK's errMsg, for failed sends. */
  error: z.string().max(300).optional(),
});
export type ReportSendOutcomeRequest = z.infer<typeof ReportSendOutcomeRequest>;

export const ContentSendOutcomeResponse = z.object({ sendId: z.string(), status: ContentSendStatus }).meta({ id: 'ContentSendOutcome' });
export type ContentSendOutcomeResponse = z.infer<typeof ContentSendOutcomeResponse>;

/** A customer opened a mini-program card (or page) that carried a tracking token. */
export const RecordContentOpenRequest = z.strictObject({ token: z.string().min(10).max(80) });
export const OpenedContentResponse = z.object({ kind: ContentKind, title: z.string(), salespersonName: z.string() }).meta({ id: 'OpenedContent' });
export type OpenedContentResponse = z.infer<typeof OpenedContentResponse>;

/** A customer arrived through a poster's mini-program code: the `scene` the code carried. */
export const ResolvePosterSceneRequest = z.strictObject({ scene: z.string().min(1).max(32) });
export const PosterSceneResponse = z
  .object({ posterTitle: z.string(), campaign: z.string(), salesperson: z.object({ userid: z.string(), name: z.string(), avatar: z.string() }) })
  .meta({ id: 'PosterScene' });
export type PosterSceneResponse = z.infer<typeof PosterSceneResponse>;

export const ContentStatsRow = z.object({
  kind: ContentKind,
  contentId: z.string(),
  title: z.string(),
  sends: z.number().int(),
  opens: z.number().int(),
  /** Distinct people who opened (a forwarded link can be opened by several). */
  uniqueOpens: z.number().int(),
  /** Sends opened at least once. */
  sendsOpened: z.number().int(),
  /** sendsOpened ÷ sends, 0 when nothing was sent. */
  openRate: z.number(),
  scans: z.number().int(),
  contactsAdded: z.number().int(),
  orders: z.number().int(),
  revenueFen: z.number().int(),
});
export type ContentStatsRow = z.infer<typeof ContentStatsRow>;

export const ContentStatsResponse = z.object({ rows: z.array(ContentStatsRow) }).meta({ id: 'ContentStatsResponse' });
export type ContentStatsResponse = z.infer<typeof ContentStatsResponse>;

export const AssetView = z
  .object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), width: z.number().int().optional(), height: z.number().int().optional(), url: z.string() })
  .meta({ id: 'Asset' });
export type AssetView = z.infer<typeof AssetView>;
export const AssetResponse = z.object({ asset: AssetView }).meta({ id: 'AssetResponse' });
export const AssetUploadQuery = z.strictObject({ filename: z.string().trim().min(1).max(100) });

export const UPLOAD_LIMITS = {
  image: { maxBytes: 2 * 1024 * 1024, contentTypes: ['image/png', 'image/jpeg'] },
  file: { maxBytes: 20 * 1024 * 1024, contentTypes: ['application/pdf'] },
} as const;
