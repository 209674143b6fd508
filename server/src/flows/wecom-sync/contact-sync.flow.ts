import type { CustomerService } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
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
    private readonly follows: Pick<FollowRepository, 'saveSnapshot'>,
    private readonly timeline: Pick<TimelineRepository, 'record'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async apply(contact: WeComContact, follows: WeComFollow[], source: string): Promise<string> {
    const customer = await this.customers.observe({
      externalUserId: contact.external_userid,
      unionid: contact.unionid,
      displayName: contact.name,
      wecomProfile: {
        ...(contact.avatar ? { avatar: contact.avatar } : {}),
        ...(contact.corp_name ? { corpName: contact.corp_name } : {}),
        ...(contact.position ? { position: contact.position } : {}),
        ...(contact.gender !== undefined ? { gender: contact.gender } : {}),
        ...(contact.type !== undefined ? { type: contact.type } : {}),
      },
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
}
