import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A durable message: an inbound upstream callback (the inbox) or a write that must leave the process
 * (the outbox). Stored before anything is acknowledged or attempted, unique by (topic, key), so a
 * redelivery or a retried request adds nothing and a crash loses nothing.
 */
export interface QueueMessageDocument {
  topic: string;
  key: string;
  /** What the message is about (e.g. one customer's follow), so its progress can be shown there. */
  subject?: string;
  payload: string;
  createdAt: Date;
  processedAt?: Date;
  /** Set when the handler declared the failure permanent; the message is then shown, not retried. */
  failedAt?: Date;
  attempts: number;
  lastError?: string;
  /** A worker owns the message until this instant (or it waits for its next retry until then). */
  leaseUntil?: Date;
}

const QueueMessageSchema = new Schema<QueueMessageDocument>(
  {
    topic: { type: String, required: true },
    key: { type: String, required: true },
    subject: String,
    payload: { type: String, required: true },
    createdAt: { type: Date, required: true },
    processedAt: Date,
    failedAt: Date,
    attempts: { type: Number, required: true, default: 0 },
    lastError: String,
    leaseUntil: Date,
  },
  { versionKey: false },
);
QueueMessageSchema.index({ topic: 1, key: 1 }, { unique: true });
QueueMessageSchema.index({ topic: 1, processedAt: 1, failedAt: 1, createdAt: 1 });
QueueMessageSchema.index({ topic: 1, subject: 1, createdAt: -1 });

/** One collection per queue ('inbox', 'outbox'), same shape. */
export function queueMessageModel(connection: Connection, collection: 'inbox' | 'outbox'): Model<QueueMessageDocument> {
  const name = collection === 'inbox' ? 'InboxMessage' : 'OutboxMessage';
  return connection.models[name] ?? connection.model<QueueMessageDocument>(name, QueueMessageSchema, collection);
}
