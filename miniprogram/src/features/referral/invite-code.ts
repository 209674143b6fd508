import Taro from '@tarojs/taro';
import { InviteCode } from '@zhike/shared/referrals';
import { readSession } from '../../lib/auth';
import { userScopedKey } from '../../lib/platform';
import { fetchMyInvitations } from '../customer/api';

const STORAGE_KEY = 'zhike.inviteCode';

let known: string | undefined;

/** Remembers the customer's own invite code (from 我的邀请) for the share paths they create. */
export function rememberInviteCode(code: string): void {
  if (!InviteCode.safeParse(code).success) return;
  known = code;
  Taro.setStorageSync(userScopedKey(STORAGE_KEY), code);
}

/**
 * The customer's invite code if already known — share handlers are synchronous, so they use what is
 * at hand; a share without it is still a share, just not a referral.
 */
export function knownInviteCode(): string | undefined {
  if (known) return known;
  const stored: unknown = Taro.getStorageSync(userScopedKey(STORAGE_KEY));
  const parsed = InviteCode.safeParse(stored);
  if (parsed.success) known = parsed.data;
  return known;
}

/** Fetches the invite code in the background once logged in, so a later share can carry it. */
export function prefetchInviteCode(): void {
  if (knownInviteCode() || !readSession()) return;
  fetchMyInvitations().then(
    (mine) => rememberInviteCode(mine.inviteCode),
    () => undefined, // Shares simply go out without an inviter until it is known.
  );
}

/** Tests only. */
export function forgetInviteCodeForTests(): void {
  known = undefined;
}
