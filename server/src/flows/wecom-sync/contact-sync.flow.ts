import { isDeepStrictEqual } from 'node:util';
import type { CustomerRecord, CustomerRepository, CustomerService, WeComContactProfile } from '../../modules/customers';
import type { FollowRecord, FollowRepository } from '../../modules/follows';
import type { TimelineRepository } from '../../modules/timeline';

/** A contact as WeCom describes it (externalcontact/get's external_contact). */
export interface WeComContact {
  external_userid: string;
  name: string;
  avatar?: string;
  type?: number;
  gender?: number;
  unionid?: string;
  corp_name?: string;
  position?: string;
}

/** One member's relationship with the contact (follow_user[] of get, follow_info of batch/get_by_user). */
export interface WeComFollow {
  userid: string;
  remark?: string;
  description?: string;
  createtime: number;
  add_way?: number;
  state?: string;
  tagIds: string[];
}

/**
 * Writes WeCom's view of a contact into the customer (identity stitched by unionid) and its follows.
 * Every write is an idempotent upsert, so a sync page applied twice, or racing a callback, changes nothing more.
 */
export class ContactWriter {
  constructor(
    private readonly corpId: string,
    private readonly customers: Pick<CustomerService, 'observe'>,
    private readonly follows: Pick<FollowRepository, 'saveSnapshot' | 'findByExternalUserIds'>,
    private readonly customerRecords: Pick<CustomerRepository, 'findByExternalUserIds'>,
    private readonly timeline: Pick<TimelineRepository, 'record'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async apply(contact: WeComContact, follows: WeComFollow[], source: string): Promise<string> {
    const customer = await this.customers.observe({
      externalUserId: contact.external_userid,
      unionid: contact.unionid,
      displayName: contact.name,
      wecomProfile: profileOf(contact),
      source,
    });
    const at = this.now();
    for (const follow of follows) {
      const { started } = await this.follows.saveSnapshot({
        corpId: this.corpId,
        customerId: customer.id,
        externalUserId: contact.external_userid,
        userid: follow.userid,
        ...(follow.remark ? { remark: follow.remark } : {}),
        ...(follow.description ? { description: follow.description } : {}),
        ...(follow.add_way !== undefined ? { addWay: follow.add_way } : {}),
        ...(follow.state ? { state: follow.state } : {}),
        wecomTagIds: follow.tagIds,
        since: new Date(follow.createtime * 1000),
        syncedAt: at,
      });
      if (started) {
        await this.timeline.record({
          corpId: this.corpId,
          customerId: customer.id,
          kind: 'contact_added',
          at: new Date(follow.createtime * 1000),
          actorUserid: follow.userid,
          data: { addWay: follow.add_way ?? 0, ...(follow.state ? { state: follow.state } : {}) },
          key: `contact_added:${contact.external_userid}:${follow.userid}:${follow.createtime}`,
        });
      }
    }
    return customer.id;
  }

  async prefetch(externalUserIds: string[]): Promise<KnownContacts> {
    const [customers, follows] = await Promise.all([
      this.customerRecords.findByExternalUserIds(externalUserIds),
      this.follows.findByExternalUserIds(this.corpId, externalUserIds),
    ]);
    const byExternalId = new Map<string, CustomerRecord>();
    for (const customer of customers) for (const id of customer.identifiers.externalUserIds) byExternalId.set(id, customer);
    return { customers: byExternalId, follows: new Map(follows.map((f) => [followKey(f.externalUserId, f.userid), f])) };
  }

  /**
   * Whether applying this (contact, follow) would change nothing Zhike holds. A full sync repeated every few
   * hours mostly finds nothing new: skipping those pairs saves every per-pair read and write.
   */
  unchanged(contact: WeComContact, follow: WeComFollow, known: KnownContacts): boolean {
    const customer = known.customers.get(contact.external_userid);
    const held = known.follows.get(followKey(contact.external_userid, follow.userid));
    if (!customer || !held || held.endedAt) return false;
    const sameTags = held.wecomTagIds.length === follow.tagIds.length && follow.tagIds.every((id) => held.wecomTagIds.includes(id));
    return (
      customer.displayName === contact.name &&
      (!contact.unionid || customer.identifiers.unionid === contact.unionid) &&
      isDeepStrictEqual(customer.wecomProfile ?? {}, profileOf(contact)) &&
      (held.remark ?? '') === (follow.remark ?? '') &&
      (held.description ?? '') === (follow.description ?? '') &&
      held.addWay === follow.add_way &&
      (held.state ?? '') === (follow.state ?? '') &&
      held.since.getTime() === follow.createtime * 1000 &&
      sameTags
    );
  }
}

/** What Zhike already holds for a page of contacts, read in two queries. */
export interface KnownContacts {
  customers: Map<string, CustomerRecord>;
  follows: Map<string, FollowRecord>;
}

const followKey = (externalUserId: string, userid: string) => `${externalUserId}:${userid}`;

function profileOf(contact: WeComContact): WeComContactProfile {
  return {
    ...(contact.avatar ? { avatar: contact.avatar } : {}),
    ...(contact.corp_name ? { corpName: contact.corp_name } : {}),
    ...(contact.position ? { position: contact.position } : {}),
    ...(contact.gender !== undefined ? { gender: contact.gender } : {}),
    ...(contact.type !== undefined ? { type: contact.type } : {}),
  };
}
