export { NEW_CUSTOMER_WINDOW_MS, ReferralFlow, type ReferralDeps, type ReferralRefusal } from './referral.flow';
export { registerReferralRoutes } from './referral.routes';
