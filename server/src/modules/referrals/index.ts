export { ReferralRepository, type ReferralRecord } from './referral.repository';
export type { ReferralChannel, ReferralDocument } from './referral.model';
