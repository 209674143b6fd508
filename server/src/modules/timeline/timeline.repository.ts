import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { timelineModel, type TimelineEntryDocument } from './timeline.model';

export type TimelineRecord = WithId<TimelineEntryDocument>;

export class TimelineRepository {
  private readonly entries: Model<TimelineEntryDocument>;

  constructor(connection: Connection) {
    this.entries = timelineModel(connection);
  }

  /** Records an entry once per key; a repeat returns the entry already recorded. */
  async record(entry: TimelineEntryDocument): Promise<TimelineRecord> {
    try {
      const created = await this.entries.create(entry);
      return withStringId(created.toObject());
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.findByKey(entry.corpId, entry.key))!;
    }
  }

  async findByKey(corpId: string, key: string): Promise<TimelineRecord | null> {
    const found = await this.entries.findOne({ corpId, key }).lean();
    return found && withStringId(found);
  }

  async latestForCustomer(customerId: string, limit: number): Promise<TimelineRecord[]> {
    const found = await this.entries.find({ customerId }).sort({ at: -1 }).limit(limit).lean();
    return found.map(withStringId);
  }
}
