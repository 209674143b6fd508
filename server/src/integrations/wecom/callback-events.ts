import { z } from 'zod';
import { CallbackRejectedError, cdataElement, readCallbackXml } from './callback-crypto';

export const CONTACT_CHANGE_TYPES = [
  'add_external_contact',
  'edit_external_contact',
  'add_half_external_contact',
  'del_external_contact',
  'del_follow_user',
  'transfer_fail',
] as const;
export const TAG_CHANGE_TYPES = ['create', 'update', 'delete', 'shuffle'] as const;

export type WeComContactChangeType = (typeof CONTACT_CHANGE_TYPES)[number];
export type WeComTagChangeType = (typeof TAG_CHANGE_TYPES)[number];

export interface WeComContactEvent {
  event: 'change_external_contact';
  changeType: WeComContactChangeType;
  corpId: string;
  /** Seconds since the epoch, as WeCom sends it. */
  createTime: number;
  userId: string;
  externalUserId: string;
  state?: string;
  welcomeCode?: string;
  /** `DELETE_BY_TRANSFER` on del_external_contact when in-service transfer removed the customer. */
  source?: string;
  /** `customer_refused` | `customer_limit_exceed` on transfer_fail. */
  failReason?: string;
}

export interface WeComTagEvent {
  event: 'change_external_tag';
  changeType: WeComTagChangeType;
  corpId: string;
  createTime: number;
  /** A tag or tag-group id; on shuffle the group whose tags were reordered, absent when all groups were. */
  tagId?: string;
  /** Absent on shuffle, which WeCom sends without a TagType. */
  tagType?: 'tag' | 'tag_group';
  strategyId?: string;
}

/** Any other event or message WeCom pushes to the same URL; it is acknowledged and ignored. */
export interface WeComUnsupportedEvent {
  event: 'unsupported';
  /** What identifies it, kept only so redeliveries can be told apart from new pushes. */
  raw: { Event?: string; ChangeType?: string; FromUserName?: string; CreateTime?: string; MsgId?: string };
}

export type WeComSupportedCallbackEvent = WeComContactEvent | WeComTagEvent;
export type WeComCallbackEvent = WeComSupportedCallbackEvent | WeComUnsupportedEvent;

const requiredText = z.string().min(1);
// WeCom sends absent optional values as empty elements; they mean the same.
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const epochSeconds = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);

const commonFields = {
  ToUserName: requiredText.describe('corpid'),
  FromUserName: requiredText.describe('always "sys" for events'),
  CreateTime: epochSeconds,
};

export const ContactEventXmlSchema = z.object({
  ...commonFields,
  Event: z.literal('change_external_contact'),
  ChangeType: z.enum(CONTACT_CHANGE_TYPES),
  UserID: requiredText.describe('the member (staff) userid'),
  ExternalUserID: requiredText.describe('the customer external_userid'),
  State: optionalText.describe('the state of the contact-me config that brought the customer'),
  WelcomeCode: optionalText.describe('valid 20 s for send_welcome_msg'),
  Source: optionalText,
  FailReason: optionalText,
});

export const TagEventXmlSchema = z
  .object({
    ...commonFields,
    Event: z.literal('change_external_tag'),
    ChangeType: z.enum(TAG_CHANGE_TYPES),
    Id: optionalText,
    TagType: z.enum(['tag', 'tag_group']).optional(),
    StrategyId: optionalText,
  })
  .refine((xml) => xml.ChangeType === 'shuffle' || (xml.Id !== undefined && xml.TagType !== undefined), {
    message: 'Id and TagType are required unless ChangeType is shuffle',
  });

/** Parses a decrypted callback (self-built app format, reference §B9). Throws CallbackRejectedError('malformed'). */
export function parseCallbackEvent(plaintextXml: string): WeComCallbackEvent {
  const fields = readCallbackXml(plaintextXml);
  const raw = {
    Event: asOptionalString(fields.Event),
    ChangeType: asOptionalString(fields.ChangeType),
    FromUserName: asOptionalString(fields.FromUserName),
    CreateTime: asOptionalString(fields.CreateTime),
    MsgId: asOptionalString(fields.MsgId),
  };
  if (raw.Event === 'change_external_contact' && isOneOf(CONTACT_CHANGE_TYPES, raw.ChangeType)) {
    const xml = parseOrReject(ContactEventXmlSchema, fields);
    return withoutUndefined({
      event: xml.Event,
      changeType: xml.ChangeType,
      corpId: xml.ToUserName,
      createTime: xml.CreateTime,
      userId: xml.UserID,
      externalUserId: xml.ExternalUserID,
      state: xml.State,
      welcomeCode: xml.WelcomeCode,
      source: xml.Source,
      failReason: xml.FailReason,
    });
  }
  if (raw.Event === 'change_external_tag' && isOneOf(TAG_CHANGE_TYPES, raw.ChangeType)) {
    const xml = parseOrReject(TagEventXmlSchema, fields);
    return withoutUndefined({
      event: xml.Event,
      changeType: xml.ChangeType,
      corpId: xml.ToUserName,
      createTime: xml.CreateTime,
      tagId: xml.Id,
      tagType: xml.TagType,
      strategyId: xml.StrategyId,
    });
  }
  return { event: 'unsupported', raw: withoutUndefined(raw) };
}

/** The decrypted XML WeCom would push for this event; the sandbox seals it and POSTs it. */
export function buildCallbackEventXml(event: WeComSupportedCallbackEvent): string {
  const elements: Array<[string, string | undefined]> =
    event.event === 'change_external_contact'
      ? [
          ['ChangeType', event.changeType],
          ['UserID', event.userId],
          ['ExternalUserID', event.externalUserId],
          ['State', event.state],
          ['WelcomeCode', event.welcomeCode],
          ['Source', event.source],
          ['FailReason', event.failReason],
        ]
      : [
          ['Id', event.tagId],
          ['TagType', event.tagType],
          ['StrategyId', event.strategyId],
          ['ChangeType', event.changeType],
        ];
  return (
    '<xml>' +
    cdataElement('ToUserName', event.corpId) +
    cdataElement('FromUserName', 'sys') +
    `<CreateTime>${event.createTime}</CreateTime>` +
    cdataElement('MsgType', 'event') +
    cdataElement('Event', event.event) +
    elements.map(([name, value]) => (value === undefined ? '' : cdataElement(name, value))).join('') +
    '</xml>'
  );
}

/**
 * Idempotency key: WeCom redelivers a callback it got no timely 200 for, with the same CreateTime,
 * so the same event always yields the same key and different events (practically) never share one.
 */
export function callbackEventKey(event: WeComCallbackEvent): string {
  switch (event.event) {
    case 'change_external_contact':
      return `${event.event}:${event.changeType}:${event.userId}:${event.externalUserId}:${event.createTime}`;
    case 'change_external_tag':
      return `${event.event}:${event.changeType}:${event.tagType ?? ''}:${event.tagId ?? ''}:${event.strategyId ?? ''}:${event.createTime}`;
    case 'unsupported': {
      const { Event, ChangeType, FromUserName, CreateTime, MsgId } = event.raw;
      return `unsupported:${Event ?? ''}:${ChangeType ?? ''}:${FromUserName ?? ''}:${CreateTime ?? ''}:${MsgId ?? ''}`;
    }
  }
}

function parseOrReject<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const result = schema.safeParse(fields);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new CallbackRejectedError('malformed', `callback event is malformed: ${problems.join('; ')}`);
  }
  return result.data;
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return (values as readonly string[]).includes(value ?? '');
}

function asOptionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Leaves optional fields out instead of present-but-undefined, so events compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
