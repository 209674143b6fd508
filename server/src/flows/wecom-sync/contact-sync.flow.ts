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

/** A follow's tag ids once Zhike's local changes still on their way to WeCom are laid over WeCom's answer. */
export type TagOverlay = (externalUserId: string, userid: string, wecomTagIds: string[]) => string[];

/**
 * Zhike's tag changes a read of WeCom started at `readStartedAt` may not reflect yet (the mark_tag outbox):
 * they win over WeCom's answer until the outbox settles.
 */
export type PendingTagChanges = (follows: { externalUserId: string; userid: string }[], readStartedAt: Date) => Promise<TagOverlay>;

const noPendingChanges: PendingTagChanges = async () => (_externalUserId, _userid, tagIds) => tagIds;

export interface ContactWriterDeps {
  corpId: string;
  customers: Pick<CustomerService, 'observe'>;
  follows: Pick<FollowRepository, 'saveSnapshot' | 'findByExternalUserIds'>;
  customerRecords: Pick<CustomerRepository, 'findByExternalUserIds'>;
  timeline: Pick<TimelineRepository, 'record'>;
  pendingTags?: PendingTagChanges;
  now?: () => Date;
}

/**
 * Writes WeCom's view of a contact into the customer (identity stitched by unionid) and its follows.
 * Every write is an idempotent upsert, so a sync page applied twice, or racing a callback, changes nothing more.
 * Tags: WeCom wins, except over a local change still on its way there; a difference found is drift
 * repaired, recorded on the timeline as a change made in WeCom.
 */
export class ContactWriter {
  private readonly now: () => Date;
  private readonly pendingTags: PendingTagChanges;

  constructor(private readonly deps: ContactWriterDeps) {
    this.now = deps.now ?? (() => new Date());
    this.pendingTags = deps.pendingTags ?? noPendingChanges;
  }

  /**
   * `readStartedAt`: when the read of WeCom that produced this contact began (changes that landed since
   * then may be missing from it). `overlay` comes from prefetch, for a page; else it is read here.
   */
  async apply(contact: WeComContact, follows: WeComFollow[], source: string, readStartedAt: Date, overlay?: TagOverlay): Promise<{ customerId: string; tagDrift: number }> {
    const customer = await this.deps.customers.observe({
      externalUserId: contact.external_userid,
      unionid: contact.unionid,
      displayName: contact.name,
      wecomProfile: profileOf(contact),
      source,
    });
    const at = this.now();
    const tagsOf = overlay ?? (await this.pendingTags(follows.map((f) => ({ externalUserId: contact.external_userid, userid: f.userid })), readStartedAt));
    let tagDrift = 0;
    for (const follow of follows) {
      const tagIds = tagsOf(contact.external_userid, follow.userid, follow.tagIds);
      const { started, before } = await this.deps.follows.saveSnapshot({
        corpId: this.deps.corpId,
        customerId: customer.id,
        externalUserId: contact.external_userid,
        userid: follow.userid,
        ...(follow.remark ? { remark: follow.remark } : {}),
        ...(follow.description ? { description: follow.description } : {}),
        ...(follow.add_way !== undefined ? { addWay: follow.add_way } : {}),
        ...(follow.state ? { state: follow.state } : {}),
        wecomTagIds: tagIds,
        since: new Date(follow.createtime * 1000),
        syncedAt: at,
      });
      if (started) {
        await this.deps.timeline.record({
          corpId: this.deps.corpId,
          customerId: customer.id,
          kind: 'contact_added',
          at: new Date(follow.createtime * 1000),
          actorUserid: follow.userid,
          data: { addWay: follow.add_way ?? 0, ...(follow.state ? { state: follow.state } : {}) },
          key: `contact_added:${contact.external_userid}:${follow.userid}:${follow.createtime}`,
        });
      } else if (before && (await this.recordTagDrift(customer.id, before, tagIds, at))) {
        tagDrift++;
      }
    }
    return { customerId: customer.id, tagDrift };
  }

  /** What Zhike holds for a page of (customer, member) pairs, read in three queries. */
  async prefetch(pairs: { externalUserId: string; userid: string }[], readStartedAt: Date): Promise<KnownContacts> {
    const externalUserIds = [...new Set(pairs.map((p) => p.externalUserId))];
    const [customers, follows, tagsOf] = await Promise.all([
      this.deps.customerRecords.findByExternalUserIds(externalUserIds),
      this.deps.follows.findByExternalUserIds(this.deps.corpId, externalUserIds),
      this.pendingTags(pairs, readStartedAt),
    ]);
    const byExternalId = new Map<string, CustomerRecord>();
    for (const customer of customers) for (const id of customer.identifiers.externalUserIds) byExternalId.set(id, customer);
    return { customers: byExternalId, follows: new Map(follows.map((f) => [followKey(f.externalUserId, f.userid), f])), tagsOf };
  }

  /**
   * Whether applying this (contact, follow) would change nothing Zhike holds. A full sync repeated every few
   * hours mostly finds nothing new: skipping those pairs saves every per-pair read and write.
   */
  unchanged(contact: WeComContact, follow: WeComFollow, known: KnownContacts): boolean {
    const customer = known.customers.get(contact.external_userid);
    const held = known.follows.get(followKey(contact.external_userid, follow.userid));
    if (!customer || !held || held.endedAt) return false;
    return (
      customer.displayName === contact.name &&
      (!contact.unionid || customer.identifiers.unionid === contact.unionid) &&
      isDeepStrictEqual(customer.wecomProfile ?? {}, profileOf(contact)) &&
      (held.remark ?? '') === (follow.remark ?? '') &&
      (held.description ?? '') === (follow.description ?? '') &&
      held.addWay === follow.add_way &&
      (held.state ?? '') === (follow.state ?? '') &&
      held.since.getTime() === follow.createtime * 1000 &&
      sameIds(held.wecomTagIds, known.tagsOf(contact.external_userid, follow.userid, follow.tagIds))
    );
  }

  /**
   * Tags that changed in WeCom without Zhike hearing of it (a change in the WeCom client, a missed callback),
   * now repaired: recorded once per previous state of the follow, so a racing callback and sync record one entry.
   */
  private async recordTagDrift(customerId: string, before: FollowRecord, tagIds: string[], at: Date): Promise<boolean> {
    const add = tagIds.filter((id) => !before.wecomTagIds.includes(id));
    const remove = before.wecomTagIds.filter((id) => !tagIds.includes(id));
    if (add.length + remove.length === 0) return false;
    await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId,
      kind: 'tags_changed',
      at,
      actorUserid: before.userid,
      data: { add, remove, via: 'wecom' },
      key: `tags:wecom:${before.externalUserId}:${before.userid}:${before.syncedAt.getTime()}`,
    });
    return true;
  }
}

/** What Zhike already holds for a page of contacts. */
export interface KnownContacts {
  customers: Map<string, CustomerRecord>;
  follows: Map<string, FollowRecord>;
  tagsOf: TagOverlay;
}

const followKey = (externalUserId: string, userid: string) => `${externalUserId}:${userid}`;
const sameIds = (a: string[], b: string[]) => a.length === b.length && b.every((id) => a.includes(id));

function profileOf(contact: WeComContact): WeComContactProfile {
  return {
    ...(contact.avatar ? { avatar: contact.avatar } : {}),
    ...(contact.corp_name ? { corpName: contact.corp_name } : {}),
    ...(contact.position ? { position: contact.position } : {}),
    ...(contact.gender !== undefined ? { gender: contact.gender } : {}),
    ...(contact.type !== undefined ? { type: contact.type } : {}),
  };
}
