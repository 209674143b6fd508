import { Schema, type Connection, type Model } from 'mongoose';
import type { HandoverState } from '@zhike/shared/handovers';

/** One departed salesperson's customer and its latest reassignment (离职继承) to an active salesperson. */
export interface HandoverDocument {
  corpId: string;
  handoverUserid: string;
  externalUserId: string;
  customerId: string;
  takeoverUserid: string;
  state: HandoverState;
  error?: string;
  /** The admin's request (`userid:requestId`): a repeated request finds its own records. */
  requestKey: string;
  requestedBy: string;
  requestedAt: Date;
  settledAt?: Date;
}

const HandoverSchema = new Schema<HandoverDocument>(
  {
    corpId: { type: String, required: true },
    handoverUserid: { type: String, required: true },
    externalUserId: { type: String, required: true },
    customerId: { type: String, required: true },
    takeoverUserid: { type: String, required: true },
    state: { type: String, required: true, enum: ['requested', 'waiting', 'done', 'refused', 'failed'] },
    error: String,
    requestKey: { type: String, required: true },
    requestedBy: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    settledAt: Date,
  },
  { collection: 'handovers', versionKey: false },
);
// One record per (departed salesperson, customer): a new request replaces a refused or failed one, never a live one.
HandoverSchema.index({ corpId: 1, handoverUserid: 1, externalUserId: 1 }, { unique: true });
HandoverSchema.index({ corpId: 1, state: 1 });

export function handoverModel(connection: Connection): Model<HandoverDocument> {
  return connection.models.Handover ?? connection.model<HandoverDocument>('Handover', HandoverSchema);
}
