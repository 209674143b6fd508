import type { Connection, Model } from 'mongoose';
import { insertManySkippingDuplicates, isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { timelineModel, type TimelineEntryDocument } from './timeline.model';

export type TimelineRecord = WithId<TimelineEntryDocument>;

/** Told of every entry when it is first recorded (the live signal); never of a repeat. */
export type TimelineListener = (record: TimelineRecord) => void;

export class TimelineRepository {
  private readonly entries: Model<TimelineEntryDocument>;
  private readonly listeners: TimelineListener[] = [];

  constructor(connection: Connection) {
    this.entries = timelineModel(connection);
  }

  /** Every new entry passes through record/recordIfNew, so this is the one place to hear of them all. */
  onRecorded(listener: TimelineListener): void {
    this.listeners.push(listener);
  }

  /** Records an entry once per key; a repeat returns the entry already recorded. */
  async record(entry: TimelineEntryDocument): Promise<TimelineRecord> {
    return (await this.recordIfNew(entry)) ?? (await this.findByKey(entry.corpId, entry.key))!;
  }

  /** Records an entry once per key; a repeat answers null without reading (hot paths such as fan events). */
  async recordIfNew(entry: TimelineEntryDocument): Promise<TimelineRecord | null> {
    let record: TimelineRecord;
    try {
      record = withStringId((await this.entries.create(entry)).toObject());
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return null;
    }
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** Records several entries in one round trip, each once per key; answers those that were new. */
  async recordManyIfNew(entries: TimelineEntryDocument[]): Promise<TimelineRecord[]> {
    const { inserted } = await insertManySkippingDuplicates(this.entries.collection, entries);
    const records = inserted.map(({ index, id }) => ({ ...entries[index]!, id }));
    for (const record of records) for (const listener of this.listeners) listener(record);
    return records;
  }

  async findByKey(corpId: string, key: string): Promise<TimelineRecord | null> {
    const found = await this.entries.findOne({ corpId, key }).lean();
    return found && withStringId(found);
  }

  /**
   * Every entry, customer by customer and in time order within each (the order the analytics rebuild applies
   * them in): a cursor, so a million entries are never held here. The sort is the (customerId, at) index read
   * backwards, so MongoDB streams it from the index instead of sorting in memory.
   */
  async *inCustomerOrder(batchSize = 2000): AsyncGenerator<TimelineRecord> {
    for await (const entry of this.entries.find().sort({ customerId: -1, at: 1 }).lean().cursor({ batchSize })) yield withStringId(entry);
  }

  async latestForCustomer(customerId: string, limit: number): Promise<TimelineRecord[]> {
    const found = await this.entries.find({ customerId }).sort({ at: -1 }).limit(limit).lean();
    return found.map(withStringId);
  }
}
