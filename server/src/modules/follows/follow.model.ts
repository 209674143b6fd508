import { Schema, type Connection, type Model } from 'mongoose';

/** Why a follow ended: the customer deleted the salesperson (churn), the salesperson deleted them, or a transfer. */
export type FollowEndReason = 'customer_deleted_staff' | 'staff_deleted_customer' | 'transferred';

/** One salesperson's relationship with one customer, as WeCom reports it (follow_user / follow_info). */
export interface FollowDocument {
  corpId: string;
  customerId: string;
  externalUserId: string;
  userid: string;
  remark?: string;
  description?: string;
  /** WeCom add_way: 1 QR scan, 2 phone search, 3 card share, … 202 admin assign. */
  addWay?: number;
  /** The 「联系我」 state the customer scanned: the acquisition channel. */
  state?: string;
  /** Corp tag ids WeCom reports on this follow (with the salesperson's changes still on their way to WeCom). */
  wecomTagIds: string[];
  /** Local-only (仅知客) tag ids: Zhike's alone, never written to WeCom, never touched by a sync. Absent on older follows. */
  localTagIds?: string[];
  since: Date;
  endedAt?: Date;
  endReason?: FollowEndReason;
  syncedAt: Date;
}

const FollowSchema = new Schema<FollowDocument>(
  {
    corpId: { type: String, required: true },
    customerId: { type: String, required: true },
    externalUserId: { type: String, required: true },
    userid: { type: String, required: true },
    remark: String,
    description: String,
    addWay: Number,
    state: String,
    wecomTagIds: { type: [String], default: [] },
    localTagIds: { type: [String], default: undefined },
    since: { type: Date, required: true },
    endedAt: Date,
    endReason: { type: String, enum: ['customer_deleted_staff', 'staff_deleted_customer', 'transferred'] },
    syncedAt: { type: Date, required: true },
  },
  { collection: 'follows', versionKey: false },
);
FollowSchema.index({ corpId: 1, externalUserId: 1, userid: 1 }, { unique: true });
FollowSchema.index({ customerId: 1 });
FollowSchema.index({ corpId: 1, userid: 1, endedAt: 1 });

export function followModel(connection: Connection): Model<FollowDocument> {
  return connection.models.Follow ?? connection.model<FollowDocument>('Follow', FollowSchema);
}
