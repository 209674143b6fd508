import { Schema, type Connection, type Model } from 'mongoose';

/** A customer's engagement, decayed to refAt and kept current on every ingested batch, so reading is one lookup. */
export interface IntentRollupDocument {
  customerId: string;
  refAt: Date;
  value: number;
  recent: { key: string; summary: string; points: number; at: Date }[];
  /** Compare-and-set: two batches of one customer never overwrite each other's points. */
  version: number;
}

const IntentRollupSchema = new Schema<IntentRollupDocument>(
  {
    customerId: { type: String, required: true },
    refAt: { type: Date, required: true },
    value: { type: Number, required: true },
    recent: [{ _id: false, key: String, summary: String, points: Number, at: Date }],
    version: { type: Number, required: true },
  },
  { collection: 'intent_rollups', versionKey: false },
);
IntentRollupSchema.index({ customerId: 1 }, { unique: true });

export function intentRollupModel(connection: Connection): Model<IntentRollupDocument> {
  return connection.models.IntentRollup ?? connection.model<IntentRollupDocument>('IntentRollup', IntentRollupSchema);
}
