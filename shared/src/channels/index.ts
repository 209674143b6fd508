import { z } from 'zod';
import { ScriptContent } from '../scripts';

/**
 * 渠道活码: a 「联系我」 QR code per acquisition channel. WeCom hands back the code's `state` on every add,
 * so the state names the channel: `ch_` and random base62, within WeCom's 30 characters.
 */
export const CHANNEL_STATE_PREFIX = 'ch_';
export const MAX_STATE_LENGTH = 30;
export const ChannelState = z
  .string()
  .max(MAX_STATE_LENGTH, 'state 最多 30 个字符')
  .regex(/^ch_[A-Za-z0-9]{6,27}$/, '渠道 state 格式不正确')
  .describe('The contact-me state that identifies a channel (≤ 30 chars, WeCom limit)');

/** WeCom's send_welcome_msg limits: text ≤ 4000 bytes, ≤ 9 attachments, link title ≤ 128 bytes, desc ≤ 512 bytes, mini-program title ≤ 64 bytes. */
export const WELCOME_LIMITS = { textBytes: 4000, attachments: 9, linkTitleBytes: 128, linkDescBytes: 512, miniProgramTitleBytes: 64 } as const;

/** UTF-8 length, as WeCom counts (shared has neither Buffer nor TextEncoder: it runs in the mini-program too). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const Userid = z.string().trim().min(1, '请选择销售').max(64).describe('A WeCom member userid');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

/** When a rotation member takes new customers, in Beijing time; weekdays 1 (Monday) … 7 (Sunday). */
export const WorkingHours = z
  .strictObject({
    start: ClockTime,
    end: ClockTime,
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, '至少选择一天').max(7).default([1, 2, 3, 4, 5, 6, 7]),
  })
  .refine((hours) => hours.start < hours.end, { message: '结束时间需晚于开始时间', path: ['end'] });
export type WorkingHours = z.infer<typeof WorkingHours>;

export const RotationMember = z.strictObject({
  userid: Userid,
  /** New customers a day through this channel; absent = no limit. Counted per Beijing day. */
  dailyLimit: z.number().int().min(1, '每日上限至少为 1').max(10_000).optional(),
  workingHours: WorkingHours.optional(),
});
export type RotationMember = z.infer<typeof RotationMember>;

const distinct = (ids: string[]) => new Set(ids).size === ids.length;

/** One salesperson (单人活码), or a rotation among several with backups who take over when everyone is full or off duty. */
export const ChannelAssignment = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('single'), userid: Userid }),
  z
    .strictObject({
      mode: z.literal('rotation'),
      members: z.array(RotationMember).min(1, '轮换名单不能为空').max(100, '轮换名单最多 100 人'),
      backups: z.array(Userid).max(20, '备用销售最多 20 人').default([]),
    })
    .refine((rotation) => distinct(rotation.members.map((m) => m.userid)), { message: '轮换名单里有重复的销售', path: ['members'] }),
]);
export type ChannelAssignment = z.infer<typeof ChannelAssignment>;

/** A welcome attachment: the script library's image, link or mini-program shapes. */
export const WelcomeAttachment = ScriptContent.superRefine((content, ctx) => {
  if (content.type === 'text' || content.type === 'file') {
    ctx.addIssue({ code: 'custom', message: '欢迎语附件只能是图片、链接或小程序', path: ['type'] });
  } else if (content.type === 'link') {
    if (utf8Bytes(content.title) > WELCOME_LIMITS.linkTitleBytes) ctx.addIssue({ code: 'custom', message: '链接标题超过企业微信上限（128 字节，约 42 个汉字）', path: ['title'] });
    if (utf8Bytes(content.desc) > WELCOME_LIMITS.linkDescBytes) ctx.addIssue({ code: 'custom', message: '链接摘要超过企业微信上限（512 字节）', path: ['desc'] });
  } else if (content.type === 'miniprogram' && utf8Bytes(content.title) > WELCOME_LIMITS.miniProgramTitleBytes) {
    ctx.addIssue({ code: 'custom', message: '小程序标题超过企业微信上限（64 字节，约 21 个汉字）', path: ['title'] });
  }
});
export type WelcomeAttachment = z.infer<typeof WelcomeAttachment>;

/** Text with script variables (`{{客户称呼}}`), plus attachments; at least one of the two. */
export const WelcomeMessage = z
  .strictObject({
    text: z
      .string()
      .trim()
      .default('')
      .refine((text) => utf8Bytes(text) <= WELCOME_LIMITS.textBytes, '欢迎语超过企业微信上限（4000 字节，约 1300 个汉字）'),
    attachments: z.array(WelcomeAttachment).max(WELCOME_LIMITS.attachments, '附件最多 9 个').default([]),
  })
  .refine((welcome) => welcome.text.length > 0 || welcome.attachments.length > 0, { message: '欢迎语不能为空', path: ['text'] });
export type WelcomeMessage = z.infer<typeof WelcomeMessage>;

const ChannelFields = {
  name: z.string().trim().min(1, '名称不能为空').max(30, '名称最多 30 字'),
  group: z.string().trim().max(20, '分组最多 20 字').default(''),
  assignment: ChannelAssignment,
  /** Customers who scan are added without the salesperson confirming (WeCom's default). */
  skipVerify: z.boolean().default(true),
  tagIds: z.array(z.string().min(1).max(64)).max(20, '标签最多 20 个').default([]),
  /** null: the corp's default welcome message applies. */
  welcome: WelcomeMessage.nullable().default(null),
};

export const SaveChannelRequest = z.strictObject(ChannelFields);
export type SaveChannelRequest = z.input<typeof SaveChannelRequest>;

export const UpdateChannelRequest = z.strictObject({ ...ChannelFields, expectedVersion: z.number().int().min(1) });
export type UpdateChannelRequest = z.input<typeof UpdateChannelRequest>;

export const ChannelIdParams = z.strictObject({ channelId: z.string().regex(/^[a-f0-9]{24}$/, '渠道 ID 格式不正确') });
export const DeleteChannelQuery = z.strictObject({ force: z.stringbool().optional() });

export const ChannelStatus = z.enum(['active', 'paused', 'deleted']);
export type ChannelStatus = z.infer<typeof ChannelStatus>;

export const ChannelView = z
  .object({
    id: z.string(),
    /** personal: a salesperson's own 我的活码, made on demand. */
    kind: z.enum(['channel', 'personal']),
    name: z.string(),
    group: z.string(),
    state: z.string(),
    configId: z.string(),
    /** The QR image, public (WeCom clients and printers load it). */
    qrUrl: z.string(),
    assignment: ChannelAssignment,
    skipVerify: z.boolean(),
    tagIds: z.array(z.string()),
    welcome: WelcomeMessage.nullable(),
    status: ChannelStatus,
    /** Who WeCom adds customers to right now (rotation: today's eligible members). */
    currentUsers: z.array(z.string()),
    adds: z.number().int(),
    netAdds: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Channel' });
export type ChannelView = z.infer<typeof ChannelView>;

export const ChannelsResponse = z.object({ channels: z.array(ChannelView) }).meta({ id: 'ChannelsResponse' });
export type ChannelsResponse = z.infer<typeof ChannelsResponse>;
export const ChannelResponse = z.object({ channel: ChannelView }).meta({ id: 'ChannelResponse' });
export type ChannelResponse = z.infer<typeof ChannelResponse>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const ChannelStatsQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });
export type ChannelStatsQuery = z.input<typeof ChannelStatsQuery>;

export const ChannelDayStats = z.object({ day: Day, adds: z.number().int(), losses: z.number().int(), netAdds: z.number().int() });
export type ChannelDayStats = z.infer<typeof ChannelDayStats>;

export const ChannelStatsResponse = z
  .object({
    channelId: z.string(),
    name: z.string(),
    from: Day,
    to: Day,
    totals: z.object({
      adds: z.number().int(),
      /** Relationships from this channel that ended (the customer deleted the salesperson, or the reverse). */
      losses: z.number().int(),
      netAdds: z.number().int(),
      welcomesSent: z.number().int(),
      /** Welcome codes that lapsed (20 s) or were refused. */
      welcomesMissed: z.number().int(),
      orders: z.number().int(),
      revenueFen: z.number().int(),
    }),
    /** Beijing days, oldest first, every day of the range. */
    days: z.array(ChannelDayStats),
  })
  .meta({ id: 'ChannelStatsResponse' });
export type ChannelStatsResponse = z.infer<typeof ChannelStatsResponse>;

export const DefaultWelcome = z.strictObject({
  welcome: WelcomeMessage.nullable(),
  /** Also greet customers who add a salesperson some other way (no channel code). */
  applyToOtherAdds: z.boolean().default(false),
});
export type DefaultWelcome = z.infer<typeof DefaultWelcome>;
export const DefaultWelcomeResponse = DefaultWelcome.meta({ id: 'DefaultWelcomeResponse' });

export const MyContactCodeResponse = z
  .object({ channelId: z.string(), name: z.string(), state: z.string(), qrUrl: z.string(), adds: z.number().int() })
  .meta({ id: 'MyContactCodeResponse' });
export type MyContactCodeResponse = z.infer<typeof MyContactCodeResponse>;

/** Who a channel can be assigned to (the editor's picker): current members of the directory. */
export const ChannelSalespeopleResponse = z
  .object({ salespeople: z.array(z.object({ userid: z.string(), name: z.string(), position: z.string().optional(), avatar: z.string().optional() })) })
  .meta({ id: 'ChannelSalespeopleResponse' });
export type ChannelSalespeopleResponse = z.infer<typeof ChannelSalespeopleResponse>;
