import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../db/records';
import { queueMessageModel, type QueueMessageDocument } from './queue-message.model';

export type QueueMessage = WithId<QueueMessageDocument>;

export class QueueRepository {
  private readonly messages: Model<QueueMessageDocument>;

  constructor(connection: Connection, collection: 'inbox' | 'outbox') {
    this.messages = queueMessageModel(connection, collection);
  }

  /** Stores a message once; false when its key is already there (a redelivery or a retried request). */
  async enqueue(topic: string, key: string, payload: unknown, at: Date, subject?: string): Promise<boolean> {
    try {
      await this.messages.create({ topic, key, ...(subject ? { subject } : {}), payload: JSON.stringify(payload), createdAt: at, attempts: 0 });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Leases the oldest pending message of a topic whose lease (or retry wait) has passed. */
  async lease(topic: string, now: Date, leaseMs: number): Promise<QueueMessage | null> {
    const found = await this.messages
      .findOneAndUpdate(
        {
          topic,
          processedAt: { $exists: false },
          failedAt: { $exists: false },
          $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }],
        },
        { $set: { leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
        { sort: { createdAt: 1 }, returnDocument: 'after' },
      )
      .lean();
    return found && withStringId(found);
  }

  async markProcessed(id: string, at: Date): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: { processedAt: at }, $unset: { leaseUntil: 1, lastError: 1 } });
  }

  async scheduleRetry(id: string, error: string, retryAt: Date): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: { lastError: error.slice(0, 500), leaseUntil: retryAt } });
  }

  async markFailed(id: string, error: string, at: Date): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: { lastError: error.slice(0, 500), failedAt: at }, $unset: { leaseUntil: 1 } });
  }

  async findByKey(topic: string, key: string): Promise<QueueMessage | null> {
    const found = await this.messages.findOne({ topic, key }).lean();
    return found && withStringId(found);
  }

  /** Puts a permanently failed message back in line (the user asked to retry); false if it had not failed. */
  async rearm(topic: string, key: string): Promise<boolean> {
    const result = await this.messages.updateOne({ topic, key, failedAt: { $exists: true } }, { $set: { attempts: 0 }, $unset: { failedAt: 1, leaseUntil: 1 } });
    return result.modifiedCount === 1;
  }

  /** A subject's messages since `since`, newest first. */
  async listBySubject(topic: string, subject: string, since: Date): Promise<QueueMessage[]> {
    const found = await this.messages.find({ topic, subject, createdAt: { $gte: since } }).sort({ createdAt: -1 }).limit(20).lean();
    return found.map(withStringId);
  }

  /**
   * Messages about these subjects that have not settled (neither processed nor failed), plus those processed
   * since `landedSince`, oldest first: what an upstream read started at `landedSince` may not reflect yet.
   */
  async listInFlight(topic: string, subjects: string[], landedSince: Date): Promise<QueueMessage[]> {
    if (subjects.length === 0) return [];
    const found = await this.messages
      .find({
        topic,
        subject: { $in: subjects },
        failedAt: { $exists: false },
        $or: [{ processedAt: { $exists: false } }, { processedAt: { $gte: landedSince } }],
      })
      .sort({ createdAt: 1 })
      .lean();
    return found.map(withStringId);
  }

  async countPending(topic: string): Promise<number> {
    return this.messages.countDocuments({ topic, processedAt: { $exists: false }, failedAt: { $exists: false } });
  }
}
