import { isValidObjectId, type Connection } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import {
  contentTrackingModels,
  type ContentSendDocument,
  type ContentStatsDocument,
  type ContentTouchDocument,
  type ContentTouchKind,
} from './content-tracking.model';

export type ContentSendRecord = WithId<ContentSendDocument>;
export type ContentStatsCounters = Pick<ContentStatsDocument, 'sends' | 'opens' | 'uniqueOpens' | 'sendsOpened' | 'scans' | 'contactsAdded' | 'orders' | 'revenueFen'>;

export class ContentTrackingRepository {
  private readonly models: ReturnType<typeof contentTrackingModels>;

  constructor(connection: Connection) {
    this.models = contentTrackingModels(connection);
  }

  /** Records a prepared send once per (salesperson, requestId); a retry gets the first one back. */
  async createSend(send: ContentSendDocument): Promise<ContentSendRecord> {
    try {
      return withStringId((await this.models.sends.create(send)).toObject());
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.models.sends.findOne({ corpId: send.corpId, userid: send.userid, requestId: send.requestId }).lean();
      if (!existing) throw error;
      return withStringId(existing);
    }
  }

  async findSend(corpId: string, sendId: string): Promise<ContentSendRecord | null> {
    if (!isValidObjectId(sendId)) return null;
    const found = await this.models.sends.findOne({ _id: sendId, corpId }).lean();
    return found && withStringId(found);
  }

  async findSendByToken(token: string): Promise<ContentSendRecord | null> {
    const found = await this.models.sends.findOne({ token }).lean();
    return found && withStringId(found);
  }

  /** Moves a prepared send to its outcome; null when it was already settled (the outcome is reported once). */
  async settle(corpId: string, sendId: string, changes: Pick<ContentSendDocument, 'status' | 'settledAt' | 'error'>): Promise<ContentSendRecord | null> {
    const updated = await this.models.sends.findOneAndUpdate({ _id: sendId, corpId, status: 'prepared' }, { $set: changes }, { new: true }).lean();
    return updated && withStringId(updated);
  }

  /** Stores a keyed touch; `first` is false when the same key was recorded before. */
  async recordTouch(touch: ContentTouchDocument): Promise<{ first: boolean }> {
    try {
      await this.models.touches.create(touch);
      return { first: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return { first: false };
    }
  }

  async findTouch(corpId: string, key: string): Promise<ContentTouchDocument | null> {
    return this.models.touches.findOne({ corpId, key }, { _id: 0 }).lean();
  }

  /** The customer's latest touches of the given kinds since a moment, newest first (for attribution). */
  async touchesOfCustomer(customerId: string, kinds: ContentTouchKind[], since: Date): Promise<ContentTouchDocument[]> {
    return this.models.touches.find({ customerId, touch: { $in: kinds }, at: { $gte: since } }, { _id: 0 }).sort({ at: -1 }).limit(50).lean();
  }

  /** Sends the salesperson made to a customer since a moment, newest first. */
  async sendsToCustomer(customerId: string, since: Date): Promise<ContentSendRecord[]> {
    return (await this.models.sends.find({ customerId, status: 'sent', preparedAt: { $gte: since } }).sort({ preparedAt: -1 }).limit(50).lean()).map(withStringId);
  }

  async incrementStats(corpId: string, contentKind: ContentSendDocument['contentKind'], contentId: string, counters: Partial<ContentStatsCounters>): Promise<void> {
    await this.models.stats.updateOne(
      { _id: `${corpId}:${contentKind}:${contentId}` },
      { $inc: counters, $setOnInsert: { corpId, contentKind, contentId } },
      { upsert: true },
    );
  }

  async listStats(corpId: string): Promise<ContentStatsDocument[]> {
    return this.models.stats.find({ corpId }).lean();
  }
}
