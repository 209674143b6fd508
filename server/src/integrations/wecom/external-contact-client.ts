import { z } from 'zod';
import { parseUpstreamAnswer, UpstreamApiError, upstreamUnavailable } from '../common/upstream-error';
import type { WeComClient } from './wecom-client';

const ExternalContact = z.object({
  external_userid: z.string(),
  name: z.string(),
  avatar: z.string().optional(),
  /** 1 WeChat user, 2 WeCom user of another corp. */
  type: z.number().int(),
  gender: z.number().int().optional(),
  /** Only for WeChat users, once the corp has bound its developer ID. */
  unionid: z.string().optional(),
  position: z.string().optional(),
  corp_name: z.string().optional(),
  corp_full_name: z.string().optional(),
});
const FollowBase = z.object({
  userid: z.string(),
  remark: z.string().default(''),
  description: z.string().default(''),
  createtime: z.number().int(),
  add_way: z.number().int().optional(),
  oper_userid: z.string().optional(),
  state: z.string().optional(),
  remark_corp_name: z.string().optional(),
  remark_mobiles: z.array(z.string()).optional(),
});
const FollowUser = FollowBase.extend({
  /** type 1 corp tag, 2 personal tag (no tag_id), 3 rule-group tag. */
  tags: z.array(z.object({ group_name: z.string().optional(), tag_name: z.string(), tag_id: z.string().optional(), type: z.number().int() })).default([]),
});
/** batch/get_by_user's follow: corp and rule-group tag ids only, no names. */
const FollowInfo = FollowBase.extend({ tag_id: z.array(z.string()).default([]) });
const CorpTag = z.object({ id: z.string(), name: z.string(), create_time: z.number().int(), order: z.number().int(), deleted: z.boolean().optional() });
const CorpTagGroup = z.object({
  group_id: z.string(),
  group_name: z.string(),
  create_time: z.number().int(),
  order: z.number().int(),
  deleted: z.boolean().optional(),
  tag: z.array(CorpTag).default([]),
});

const ListAnswer = z.object({ external_userid: z.array(z.string()).default([]) });
const GetAnswer = z.object({ external_contact: ExternalContact, follow_user: z.array(FollowUser).default([]), next_cursor: z.string().optional() });
const BatchAnswer = z.object({
  external_contact_list: z.array(z.object({ external_contact: ExternalContact, follow_info: FollowInfo })).default([]),
  next_cursor: z.string().default(''),
});
const TagListAnswer = z.object({ tag_group: z.array(CorpTagGroup).default([]) });
const AddTagAnswer = z.object({ tag_group: CorpTagGroup });

/** resigned/transfer_customer: one errcode per customer (0 accepted). */
const TransferAnswer = z.object({ customer: z.array(z.object({ external_userid: z.string(), errcode: z.number().int() })).default([]) });
/** resigned/transfer_result: status 1 taken over, 2 waiting, 3 refused by the customer, 4 takeover's limit reached, 5 no transfer on record. */
const TransferResultAnswer = z.object({
  customer: z.array(z.object({ external_userid: z.string(), status: z.number().int(), takeover_time: z.number().int().optional() })).default([]),
  next_cursor: z.string().default(''),
});

/** 「联系我」 (contact-me) configs, reference §B5. */
const AddContactWayAnswer = z.object({ config_id: z.string().min(1), qr_code: z.string().optional() });
const ContactWay = z.object({
  config_id: z.string(),
  type: z.number().int(),
  scene: z.number().int(),
  style: z.number().int().optional(),
  remark: z.string().optional(),
  skip_verify: z.boolean().optional(),
  state: z.string().optional(),
  qr_code: z.string().optional(),
  user: z.array(z.string()).default([]),
  party: z.array(z.number().int()).default([]),
});
const GetContactWayAnswer = z.object({ contact_way: ContactWay });

export type WeComExternalContact = z.infer<typeof ExternalContact>;
export type WeComContactWay = z.infer<typeof ContactWay>;

/** add_contact_way's body: type 1 single (exactly one user), 2 multi; scene 2 is a QR code. */
export interface ContactWayConfig {
  type: 1 | 2;
  scene: 1 | 2;
  remark?: string;
  skipVerify: boolean;
  /** ≤ 30 characters; WeCom returns it on every add through this config. */
  state: string;
  user: string[];
}

/** send_welcome_msg's attachments, as WeCom names them (§B6). */
export type WeComWelcomeAttachment =
  | { msgtype: 'image'; image: { media_id: string } | { pic_url: string } }
  | { msgtype: 'link'; link: { title: string; picurl?: string; desc?: string; url: string } }
  | { msgtype: 'miniprogram'; miniprogram: { title: string; pic_media_id: string; appid: string; page: string } };

export interface WeComWelcomeMessage {
  text?: { content: string };
  attachments?: WeComWelcomeAttachment[];
}
export type WeComFollowUser = z.infer<typeof FollowUser>;
export type WeComFollowInfo = z.infer<typeof FollowInfo>;
export type WeComContactDetail = { external_contact: WeComExternalContact; follow_user: WeComFollowUser[] };
/** One (customer, member) pair from batch/get_by_user. */
export type WeComContactPair = z.infer<typeof BatchAnswer>['external_contact_list'][number];
export type WeComCorpTagGroup = z.infer<typeof CorpTagGroup>;
export type WeComCorpTag = z.infer<typeof CorpTag>;
export type WeComTransferOutcome = z.infer<typeof TransferAnswer>['customer'][number];
export type WeComTransferStatus = z.infer<typeof TransferResultAnswer>['customer'][number];

export interface ContactPage {
  items: WeComContactPair[];
  /** The cursor this page was fetched with ('' for the first page). */
  cursor: string;
  /** Where the next page starts; '' when this was the last. Persist it after handling the page to resume there. */
  nextCursor: string;
}

/** resigned/transfer_customer takes at most 100 customers per call. */
export const MAX_CUSTOMERS_PER_TRANSFER = 100;
/** batch/get_by_user takes at most 100 members per call. */
export const MAX_USERIDS_PER_BATCH = 100;
/** errcode WeCom answers when a member has no relationship with the customer, or no customers at all. */
const NOT_EXTERNAL_CONTACT = 84061;

const PATH = '/cgi-bin/externalcontact';
const QR_DOWNLOAD_TIMEOUT_MS = 10_000;
/** A contact-me QR is a few KB; anything near this is not one. */
const QR_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Customer contact (客户联系) over the WeComClient's token: customers, their follows, and corp tags. The
 * token needs a self-built app listed under 「客户联系 → 可调用接口的应用」, else WeCom answers 48002.
 */
export class ExternalContactClient {
  constructor(private readonly wecom: WeComClient) {}

  /** A member's customers' external_userids. WeCom answers 84061 for a member without customers; that is []. */
  async listContacts(userid: string): Promise<string[]> {
    try {
      return parseUpstreamAnswer('WeCom', ListAnswer, await this.wecom.call('GET', `${PATH}/list`, { query: { userid } })).external_userid;
    } catch (error) {
      if (error instanceof UpstreamApiError && error.errcode === NOT_EXTERNAL_CONTACT) return [];
      throw error;
    }
  }

  /** One customer with every member who follows them; follows beyond 500 come in further pages, which this joins. */
  async getContact(externalUserId: string): Promise<WeComContactDetail> {
    const followUsers: WeComFollowUser[] = [];
    let cursor: string | undefined;
    let contact: WeComExternalContact;
    do {
      const answer = parseUpstreamAnswer('WeCom', GetAnswer, await this.wecom.call('GET', `${PATH}/get`, { query: { external_userid: externalUserId, cursor } }));
      contact = answer.external_contact;
      followUsers.push(...answer.follow_user);
      cursor = answer.next_cursor || undefined;
    } while (cursor);
    return { external_contact: contact, follow_user: followUsers };
  }

  /** One page of (customer, member) pairs for up to 100 members; `limit` 1..100, WeCom's default 50. */
  async batchGetByUser(userids: string[], cursor = '', limit?: number): Promise<{ items: WeComContactPair[]; nextCursor: string }> {
    if (userids.length === 0 || userids.length > MAX_USERIDS_PER_BATCH) throw new RangeError(`batch/get_by_user takes 1..${MAX_USERIDS_PER_BATCH} userids, got ${userids.length}`);
    const body = { userid_list: userids, cursor, ...(limit === undefined ? {} : { limit }) };
    const answer = parseUpstreamAnswer('WeCom', BatchAnswer, await this.wecom.call('POST', `${PATH}/batch/get_by_user`, { body }));
    return { items: answer.external_contact_list, nextCursor: answer.next_cursor };
  }

  /**
   * Every (customer, member) pair of these members, page by page until WeCom's next_cursor is empty. Each
   * page carries its cursors, so a sync can persist `nextCursor` and resume from it (`startCursor`) after a crash.
   */
  async *iterateByUsers(userids: string[], options: { limit?: number; startCursor?: string } = {}): AsyncGenerator<ContactPage, void, undefined> {
    let cursor = options.startCursor ?? '';
    do {
      const { items, nextCursor } = await this.batchGetByUser(userids, cursor, options.limit);
      yield { items, cursor, nextCursor };
      cursor = nextCursor;
    } while (cursor);
  }

  /** The corp tag library; filtered by group ids (which win) or tag ids, matches include `deleted`. */
  async getCorpTagList(filter: { tagIds?: string[]; groupIds?: string[] } = {}): Promise<WeComCorpTagGroup[]> {
    const body = { ...(filter.tagIds ? { tag_id: filter.tagIds } : {}), ...(filter.groupIds ? { group_id: filter.groupIds } : {}) };
    return parseUpstreamAnswer('WeCom', TagListAnswer, await this.wecom.call('POST', `${PATH}/get_corp_tag_list`, { body })).tag_group;
  }

  /** Adds tags to a group by id, or by name (created if missing). Answers the group with the new tags only; 40071 on a duplicate name. */
  async addCorpTag(input: { groupId?: string; groupName?: string; order?: number; tags: { name: string; order?: number }[] }): Promise<WeComCorpTagGroup> {
    const body = { group_id: input.groupId, group_name: input.groupName, order: input.order, tag: input.tags };
    return parseUpstreamAnswer('WeCom', AddTagAnswer, await this.wecom.call('POST', `${PATH}/add_corp_tag`, { body })).tag_group;
  }

  /** Renames or reorders a tag or a group (`id` is either). */
  async editCorpTag(input: { id: string; name?: string; order?: number }): Promise<void> {
    await this.wecom.call('POST', `${PATH}/edit_corp_tag`, { body: input });
  }

  /** Deletes tags and whole groups; a group whose last tag goes is deleted too. */
  async delCorpTag(input: { tagIds?: string[]; groupIds?: string[] }): Promise<void> {
    await this.wecom.call('POST', `${PATH}/del_corp_tag`, { body: { tag_id: input.tagIds, group_id: input.groupIds } });
  }

  /**
   * 离职继承: hands a departed member's customers to an active member. WeCom answers per customer (errcode 0:
   * accepted, taken over after 24 hours unless the customer refuses); follow the outcome with transferResult.
   */
  async transferResignedCustomers(input: { handoverUserid: string; takeoverUserid: string; externalUserIds: string[] }): Promise<WeComTransferOutcome[]> {
    if (input.externalUserIds.length === 0 || input.externalUserIds.length > MAX_CUSTOMERS_PER_TRANSFER) {
      throw new RangeError(`resigned/transfer_customer takes 1..${MAX_CUSTOMERS_PER_TRANSFER} customers, got ${input.externalUserIds.length}`);
    }
    const body = { handover_userid: input.handoverUserid, takeover_userid: input.takeoverUserid, external_userid: input.externalUserIds };
    return parseUpstreamAnswer('WeCom', TransferAnswer, await this.wecom.call('POST', `${PATH}/resigned/transfer_customer`, { body })).customer;
  }

  /** Where every transfer between these two members stands, all pages joined. */
  async transferResult(input: { handoverUserid: string; takeoverUserid: string }): Promise<WeComTransferStatus[]> {
    const statuses: WeComTransferStatus[] = [];
    let cursor = '';
    do {
      const body = { handover_userid: input.handoverUserid, takeover_userid: input.takeoverUserid, cursor };
      const answer = parseUpstreamAnswer('WeCom', TransferResultAnswer, await this.wecom.call('POST', `${PATH}/resigned/transfer_result`, { body }));
      statuses.push(...answer.customer);
      cursor = answer.next_cursor;
    } while (cursor);
    return statuses;
  }

  /** Creates a 「联系我」 config; with scene 2 WeCom answers the QR image's URL. Store the config_id: API configs are not listed anywhere else. */
  async addContactWay(config: ContactWayConfig): Promise<{ configId: string; qrCode?: string }> {
    const body = { type: config.type, scene: config.scene, remark: config.remark, skip_verify: config.skipVerify, state: config.state, user: config.user };
    const answer = parseUpstreamAnswer('WeCom', AddContactWayAnswer, await this.wecom.call('POST', `${PATH}/add_contact_way`, { body }));
    return { configId: answer.config_id, ...(answer.qr_code ? { qrCode: answer.qr_code } : {}) };
  }

  /** The QR image add_contact_way pointed at (WeCom's CDN): fetched once and kept as our own asset. */
  async downloadContactWayQr(url: string): Promise<Buffer> {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(QR_DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      throw upstreamUnavailable('WeCom', `contact-me QR download failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok || bytes.length > QR_MAX_BYTES) throw upstreamUnavailable('WeCom', `contact-me QR download answered ${response.status}, ${bytes.length} bytes`);
    return bytes;
  }

  async getContactWay(configId: string): Promise<WeComContactWay> {
    return parseUpstreamAnswer('WeCom', GetContactWayAnswer, await this.wecom.call('POST', `${PATH}/get_contact_way`, { body: { config_id: configId } })).contact_way;
  }

  /** Changes a config in place (the QR stays the same); fields left out keep their value. The type cannot change. */
  async updateContactWay(configId: string, change: { remark?: string; skipVerify?: boolean; state?: string; user?: string[] }): Promise<void> {
    const body = { config_id: configId, remark: change.remark, skip_verify: change.skipVerify, state: change.state, user: change.user };
    await this.wecom.call('POST', `${PATH}/update_contact_way`, { body });
  }

  /** Deletes a config: its QR stops adding anyone. */
  async delContactWay(configId: string): Promise<void> {
    await this.wecom.call('POST', `${PATH}/del_contact_way`, { body: { config_id: configId } });
  }

  /**
   * Greets a customer who just added a member, with the add event's WelcomeCode: single use, 20 seconds.
   * WeCom answers 41051 when the customer was already greeted (or is chatting) and 41096 while another app
   * is greeting them; both arrive as UpstreamApiError for the caller to record.
   */
  async sendWelcomeMessage(welcomeCode: string, message: WeComWelcomeMessage): Promise<void> {
    await this.wecom.call('POST', `${PATH}/send_welcome_msg`, { body: { welcome_code: welcomeCode, ...message } });
  }

  /** Adds and removes corp tags on one member's follow of a customer. WeCom sends no callback for it. */
  async markTag(input: { userid: string; externalUserId: string; add?: string[]; remove?: string[] }): Promise<void> {
    const body = { userid: input.userid, external_userid: input.externalUserId, add_tag: input.add, remove_tag: input.remove };
    await this.wecom.call('POST', `${PATH}/mark_tag`, { body });
  }
}
