import { Schema, type Connection, type Model } from 'mongoose';
import { TimelineKind } from '@zhike/shared/timeline';

/** One thing that happened to a customer, as data; the sentence shown is composed when read. */
export interface TimelineEntryDocument {
  corpId: string;
  customerId: string;
  kind: TimelineKind;
  at: Date;
  actorUserid?: string;
  /** Kind-specific facts: add way and state, tag ids, stages, end reason. */
  data: Record<string, unknown>;
  text?: string;
  /** Idempotency: the same fact recorded twice (a retried request, a re-synced follow) is kept once. */
  key: string;
}

const TimelineEntrySchema = new Schema<TimelineEntryDocument>(
  {
    corpId: { type: String, required: true },
    customerId: { type: String, required: true },
    kind: { type: String, required: true, enum: TimelineKind.options },
    at: { type: Date, required: true },
    actorUserid: String,
    data: { type: Schema.Types.Mixed, default: {} },
    text: String,
    key: { type: String, required: true },
  },
  { collection: 'timeline', versionKey: false, minimize: false },
);
TimelineEntrySchema.index({ corpId: 1, key: 1 }, { unique: true });
TimelineEntrySchema.index({ customerId: 1, at: -1 });

export function timelineModel(connection: Connection): Model<TimelineEntryDocument> {
  return connection.models.TimelineEntry ?? connection.model<TimelineEntryDocument>('TimelineEntry', TimelineEntrySchema);
}
