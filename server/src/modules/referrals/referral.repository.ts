import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { referralModel, type ReferralDocument } from './referral.model';

export type ReferralRecord = WithId<ReferralDocument>;

export class ReferralRepository {
  private readonly referrals: Model<ReferralDocument>;

  constructor(connection: Connection) {
    this.referrals = referralModel(connection);
  }

  /** Records the referral unless the invitee already has one: false when another was first. */
  async insertFirst(referral: ReferralDocument): Promise<ReferralRecord | null> {
    try {
      return withStringId((await this.referrals.create(referral)).toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  async findByInvitee(inviteeId: string): Promise<ReferralRecord | null> {
    const found = await this.referrals.findOne({ inviteeId }).lean();
    return found && withStringId(found);
  }

  async listByInviters(inviterIds: string[]): Promise<ReferralRecord[]> {
    if (inviterIds.length === 0) return [];
    const found = await this.referrals.find({ inviterId: { $in: inviterIds } }).sort({ at: -1 }).lean();
    return found.map(withStringId);
  }
}
