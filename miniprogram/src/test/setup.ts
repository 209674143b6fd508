import { forgetInviteCodeForTests } from '../features/referral/invite-code';
import { resetReferralClaimForTests } from '../features/referral/inviter';
import { resetTrackerForTests } from '../lib/tracking/taro-tracker';

// Every test is a fresh launch of the app: module-level state (the tracker, the once-per-launch claim,
// the remembered invite code) starts over.
beforeEach(() => {
  resetTrackerForTests();
  resetReferralClaimForTests();
  forgetInviteCodeForTests();
});
