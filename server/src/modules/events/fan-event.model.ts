import { Schema, type Connection, type Model } from 'mongoose';
import type { TrackEventType, TrackTarget } from '@zhike/shared/events';

/** One event as the mini-program reported it, tied to the customer of the session that sent it. */
export interface FanEventDocument {
  customerId: string;
  /** The device's id for the event: (customerId, clientEventId) is unique, so a resent batch stores nothing new. */
  clientEventId: string;
  type: TrackEventType;
  sessionId: string;
  page: string;
  referrer?: string;
  occurredAt: Date;
  receivedAt: Date;
  target?: TrackTarget;
  durationMs?: number;
  shareChannel?: 'chat' | 'timeline';
}

const FanEventSchema = new Schema<FanEventDocument>(
  {
    customerId: { type: String, required: true },
    clientEventId: { type: String, required: true },
    type: { type: String, required: true },
    sessionId: { type: String, required: true },
    page: { type: String, required: true },
    referrer: String,
    occurredAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    target: { _id: false, kind: String, id: String, title: String },
    durationMs: Number,
    shareChannel: String,
  },
  { collection: 'fan_events', versionKey: false },
);
FanEventSchema.index({ customerId: 1, clientEventId: 1 }, { unique: true });
FanEventSchema.index({ customerId: 1, occurredAt: -1 });

export function fanEventModel(connection: Connection): Model<FanEventDocument> {
  return connection.models.FanEvent ?? connection.model<FanEventDocument>('FanEvent', FanEventSchema);
}
