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

/** Told of every touch when it is first stored (the analytics rollups); never of a repeat. */
export type ContentTouchListener = (touch: ContentTouchDocument & { id: string }) => void;

export class ContentTrackingRepository {
  private readonly models: ReturnType<typeof contentTrackingModels>;
  private readonly touchListeners: ContentTouchListener[] = [];

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
    const updated = await this.models.sends.findOneAndUpdate({ _id: sendId, corpId, status: 'prepared' }, { $set: changes }, { returnDocument: 'after' }).lean();
    return updated && withStringId(updated);
  }

  onTouch(listener: ContentTouchListener): void {
    this.touchListeners.push(listener);
  }

  /** Stores a keyed touch; `first` is false when the same key was recorded before. */
  async recordTouch(touch: ContentTouchDocument): Promise<{ first: boolean }> {
    let id: string;
    try {
      id = (await this.models.touches.create(touch))._id.toString();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return { first: false };
    }
    for (const listener of this.touchListeners) listener({ ...touch, id });
    return { first: true };
  }

  /** Every touch, in no particular order, through a cursor (the analytics rebuild: its counts are sums). */
  async *allTouches(batchSize = 2000): AsyncGenerator<ContentTouchDocument & { id: string }> {
    for await (const { _id, ...touch } of this.models.touches.find().lean().cursor({ batchSize })) yield { ...touch, id: _id.toString() };
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

  /** Sends of one piece of content that WeCom confirmed in [start, end). */
  async sentBetween(corpId: string, content: Pick<ContentSendDocument, 'contentKind' | 'contentId'>, start: Date, end: Date): Promise<ContentSendRecord[]> {
    const filter = { corpId, contentKind: content.contentKind, contentId: content.contentId, status: 'sent' as const, settledAt: { $gte: start, $lt: end } };
    return (await this.models.sends.find(filter).lean()).map(withStringId);
  }

  /** What customers did with one piece of content in [start, end): first opens, scans, contacts or orders credited to it. */
  async touchesBetween(corpId: string, touch: ContentTouchKind, content: Pick<ContentTouchDocument, 'contentKind' | 'contentId'>, start: Date, end: Date): Promise<ContentTouchDocument[]> {
    return this.models.touches.find({ corpId, touch, contentKind: content.contentKind, contentId: content.contentId, at: { $gte: start, $lt: end } }, { _id: 0 }).lean();
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
