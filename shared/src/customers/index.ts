import { z } from 'zod';
import { CorpTagView, TagChangeView } from '../tags';
import { CustomerFieldView } from '../custom-fields';
import { StageDefinition, StageKey } from '../stages';
import { TimelineEntry } from '../timeline';

export const ExternalUserId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '外部联系人 ID 格式不正确')
  .describe('WeCom external_userid of a customer');
export type ExternalUserId = z.infer<typeof ExternalUserId>;

export const ExternalUserIdParams = z.strictObject({ externalUserId: ExternalUserId });
export type ExternalUserIdParams = z.infer<typeof ExternalUserIdParams>;

/** WeCom add_way codes, named for people. */
export const ADD_WAY_LABELS: Record<number, string> = {
  0: '未知来源',
  1: '扫描二维码',
  2: '搜索手机号',
  3: '名片分享',
  4: '群聊',
  5: '手机通讯录',
  6: '微信联系人',
  7: '微信好友申请',
  8: '第三方应用自动添加',
  9: '搜索邮箱',
  10: '视频号主页',
  201: '内部成员共享',
  202: '管理员分配',
};

export const FollowEndReason = z.enum(['customer_deleted_staff', 'staff_deleted_customer', 'transferred']);

export const CustomerFollower = z.object({
  userid: z.string(),
  name: z.string().describe('The salesperson, or the userid when they are not in the directory'),
  avatar: z.string().optional(),
  remark: z.string().optional().describe("This salesperson's remark for the customer"),
  description: z.string().optional(),
  addWay: z.number().int().optional(),
  addWayLabel: z.string(),
  state: z.string().optional().describe('The 「联系我」 channel state the customer added through'),
  since: z.iso.datetime(),
  active: z.boolean(),
  /** The salesperson has left the corp (gone from the WeCom directory): their customers await reassignment. */
  departed: z.boolean().default(false),
  endedAt: z.iso.datetime().optional(),
  endReason: FollowEndReason.optional(),
});
export type CustomerFollower = z.infer<typeof CustomerFollower>;

export const CustomerTagView = CorpTagView.extend({
  /** Salespeople whose WeCom relationship carries this tag. */
  markedBy: z.array(z.string()),
});
export type CustomerTagView = z.infer<typeof CustomerTagView>;

/** Everything the sidebar's first screen needs, in one answer. */
export const Customer360 = z
  .object({
    customer: z.object({
      id: z.string(),
      externalUserId: z.string(),
      displayName: z.string(),
      avatar: z.string().optional(),
      corpName: z.string().optional(),
      position: z.string().optional(),
      firstSeenAt: z.iso.datetime(),
      lastActiveAt: z.iso.datetime().optional().describe("The customer's own latest action; absent until they act"),
      usesMiniProgram: z.boolean().describe('Whether this person has logged in to the mini-program'),
    }),
    followers: z.array(CustomerFollower),
    tags: z.array(CustomerTagView),
    /** The viewer's recent tag changes that are not yet in WeCom, or that WeCom refused. */
    tagChanges: z.array(TagChangeView).default([]),
    stage: StageKey,
    /** The corp's pipeline in order, so the stage chip can name the stage and list the others. */
    stages: z.array(StageDefinition),
    /** The admin's custom fields in order, each with this customer's value. */
    customFields: z.array(CustomerFieldView),
    /** Newest first: the latest entries of the customer's timeline. */
    timeline: z.array(TimelineEntry).default([]),
    firstTouch: z
      .object({
        userid: z.string(),
        since: z.iso.datetime(),
        channel: z.string().describe('The channel (渠道活码) name, else the raw contact-me state, else how they were added'),
      })
      .nullable(),
    /** The intent score and its level (the explanation is at …/intent); absent before the customer ever acted. */
    intent: z.object({ score: z.number().int().min(0).max(100), level: z.enum(['高', '中', '低']) }).optional(),
    /** On the churn-risk list of the latest analytics snapshot (null: not at risk); absent where analytics are not wired. */
    churnRisk: z
      .object({
        risk: z.number().describe('0–100: how overdue the customer is against their own rhythm'),
        reason: z.string().describe('"平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 18"'),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'Customer360' });
export type Customer360 = z.infer<typeof Customer360>;
