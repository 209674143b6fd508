import { Schema, type Connection, type Model } from 'mongoose';

export type ReferralChannel = 'share' | 'poster';

/** inviter → invitee, recorded once per invitee (the first referral wins), server-side. */
export interface ReferralDocument {
  inviterId: string;
  inviteeId: string;
  channel: ReferralChannel;
  at: Date;
  /** The salesperson the invitee's first touch is credited to: the inviter's active follow, or the poster's maker. */
  attributedUserid?: string;
  /** For poster referrals: the scene that was scanned. */
  scene?: string;
}

const ReferralSchema = new Schema<ReferralDocument>(
  {
    inviterId: { type: String, required: true },
    inviteeId: { type: String, required: true },
    channel: { type: String, required: true, enum: ['share', 'poster'] },
    at: { type: Date, required: true },
    attributedUserid: String,
    scene: String,
  },
  { collection: 'referrals', versionKey: false },
);
// First wins: a second referral of the same invitee is refused by the index, whatever the race.
ReferralSchema.index({ inviteeId: 1 }, { unique: true });
ReferralSchema.index({ inviterId: 1, at: -1 });

export function referralModel(connection: Connection): Model<ReferralDocument> {
  return connection.models.Referral ?? connection.model<ReferralDocument>('Referral', ReferralSchema);
}
