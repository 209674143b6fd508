import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { followModel, type FollowDocument, type FollowEndReason } from './follow.model';

export type FollowRecord = WithId<FollowDocument>;
/** What WeCom reports of a follow: never the end (callbacks decide it) nor Zhike's local-only tags. */
export type FollowSnapshot = Omit<FollowDocument, 'endedAt' | 'endReason' | 'localTagIds'>;
type FollowKey = { corpId: string; externalUserId: string; userid: string };
/** An active follow as the analytics see it: who follows whom, and the follow's tags. */
export type ActiveFollowTags = { customerId: string; externalUserId: string; userid: string; tagIds: string[] };

export class FollowRepository {
  private readonly follows: Model<FollowDocument>;

  constructor(connection: Connection) {
    this.follows = followModel(connection);
  }

  /**
   * Writes WeCom's current view of one follow; a follow WeCom reports again is active again. Keyed by
   * (corp, external_userid, userid), so a sync run twice or racing a callback leaves one document.
   */
  async saveSnapshot(snapshot: FollowSnapshot): Promise<{ started: boolean; before: FollowRecord | null }> {
    const { corpId, externalUserId, userid, ...fields } = snapshot;
    const key = { corpId, externalUserId, userid };
    const update = { $set: fields, $unset: { endedAt: 1, endReason: 1 } };
    try {
      // The document as it was: none (a new follow) or ended (the customer came back) means it starts now.
      const before = await this.follows.findOneAndUpdate(key, { ...update, $setOnInsert: key }, { upsert: true, returnDocument: 'before' }).lean();
      return { started: !before || Boolean(before.endedAt), before: before && withStringId(before) };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.follows.updateOne(key, update);
      return { started: false, before: null };
    }
  }

  /** Ends an active follow, once: a redelivered deletion finds nothing and gets null. */
  async end(key: FollowKey, reason: FollowEndReason, at: Date): Promise<FollowRecord | null> {
    const ended = await this.follows
      .findOneAndUpdate({ ...key, endedAt: { $exists: false } }, { $set: { endedAt: at, endReason: reason } }, { returnDocument: 'after' })
      .lean();
    return ended && withStringId(ended);
  }

  /**
   * Applies a salesperson's tag change to their own active follow at once: WeCom corp tags (whose WeCom write
   * follows via the outbox) or local-only tags. Two updates: MongoDB refuses $addToSet and $pullAll on one
   * field in one update.
   */
  async applyTagChange(key: FollowKey, source: 'wecom' | 'local', add: string[], remove: string[]): Promise<boolean> {
    const field = source === 'wecom' ? 'wecomTagIds' : 'localTagIds';
    const active = { ...key, endedAt: { $exists: false } };
    const added = add.length ? await this.follows.updateOne(active, { $addToSet: { [field]: { $each: add } } }) : undefined;
    const removed = remove.length ? await this.follows.updateOne(active, { $pullAll: { [field]: remove } }) : undefined;
    return (added?.matchedCount ?? removed?.matchedCount ?? 0) === 1;
  }

  /** Every follow of these customers, in one query (a sync page at a time). */
  async findByExternalUserIds(corpId: string, externalUserIds: string[]): Promise<FollowRecord[]> {
    const found = await this.follows.find({ corpId, externalUserId: { $in: externalUserIds } }).lean();
    return found.map(withStringId);
  }

  /** The active follows of these salespeople (the customers of departed ones, awaiting reassignment). */
  async listActiveOf(corpId: string, userids: string[]): Promise<FollowRecord[]> {
    if (userids.length === 0) return [];
    const found = await this.follows.find({ corpId, userid: { $in: userids }, endedAt: { $exists: false } }).sort({ since: 1 }).lean();
    return found.map(withStringId);
  }

  /**
   * Who follows whom now, with the tags on each follow (WeCom and local-only together): the whole corp, or these
   * customers. Only what the analytics need is read, so the corp's every follow fits in memory.
   */
  async listActiveTags(corpId: string, customerIds?: string[]): Promise<ActiveFollowTags[]> {
    if (customerIds?.length === 0) return [];
    const filter = { corpId, endedAt: { $exists: false }, ...(customerIds ? { customerId: { $in: customerIds } } : {}) };
    const found = await this.follows.find(filter, { customerId: 1, externalUserId: 1, userid: 1, wecomTagIds: 1, localTagIds: 1 }).lean();
    return found.map((follow) => ({
      customerId: follow.customerId,
      externalUserId: follow.externalUserId,
      userid: follow.userid,
      tagIds: [...(follow.wecomTagIds ?? []), ...(follow.localTagIds ?? [])],
    }));
  }

  /** Follows that started in [start, end): new contacts (the console's drill-down reads them raw). */
  async listStartedBetween(corpId: string, start: Date, end: Date): Promise<FollowRecord[]> {
    return (await this.follows.find({ corpId, since: { $gte: start, $lt: end } }).lean()).map(withStringId);
  }

  /** Follows that ended in [start, end) for one reason (churn: the customer deleted the salesperson). */
  async listEndedBetween(corpId: string, reason: FollowEndReason, start: Date, end: Date): Promise<FollowRecord[]> {
    return (await this.follows.find({ corpId, endReason: reason, endedAt: { $gte: start, $lt: end } }).lean()).map(withStringId);
  }

  async listForCustomer(customerId: string): Promise<FollowRecord[]> {
    const found = await this.follows.find({ customerId }).sort({ since: 1 }).lean();
    return found.map(withStringId);
  }

  async findActive(corpId: string, externalUserId: string, userid: string): Promise<FollowRecord | null> {
    const found = await this.follows.findOne({ corpId, externalUserId, userid, endedAt: { $exists: false } }).lean();
    return found && withStringId(found);
  }
}
