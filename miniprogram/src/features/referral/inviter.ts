import Taro from '@tarojs/taro';
import { ClaimReferralResponse, InviteCode, type ClaimReferralRequest } from '@zhike/shared/referrals';
import { authedRequest, readSession } from '../../lib/auth';
import { userScopedKey } from '../../lib/platform';
import { decodeParam } from '../../lib/query-string';
import { ApiError } from '../../lib/request';

/** Kept in storage so an inviter read before login (or before a failed claim) survives a restart. */
const PENDING_KEY = 'zhike.pendingInviter';

let claimedThisLaunch = false;

/** The invite code a share path carried (`inviter=…`), if it looks like one. */
export function readInviter(query: Record<string, string | undefined> | undefined): string | undefined {
  const code = decodeParam(query?.inviter);
  return code && InviteCode.safeParse(code).success ? code : undefined;
}

export function pendingInviter(): string | undefined {
  const stored: unknown = Taro.getStorageSync(userScopedKey(PENDING_KEY));
  return typeof stored === 'string' && InviteCode.safeParse(stored).success ? stored : undefined;
}

/**
 * Notes the inviter of a launch or page query; claims it at once if the customer is logged in, else
 * the claim waits for login (app.ts calls claimPendingReferral then).
 */
export function captureInviter(query: Record<string, string | undefined> | undefined): void {
  const code = readInviter(query);
  if (!code) return;
  Taro.setStorageSync(userScopedKey(PENDING_KEY), code);
  if (readSession()) void claimPendingReferral();
}

function forgetPending(): void {
  Taro.removeStorageSync(userScopedKey(PENDING_KEY));
}

/**
 * Reports the pending inviter to the server, at most once per launch. The server decides whether it
 * is a referral; a `recorded: false` answer (self, already referred, not new…) stays silent. A network
 * or server failure keeps the code for the next launch; any other answer settles it.
 */
export async function claimPendingReferral(): Promise<ClaimReferralResponse | undefined> {
  const inviteCode = pendingInviter();
  if (claimedThisLaunch || !inviteCode) return undefined;
  claimedThisLaunch = true;
  const body: ClaimReferralRequest = { inviteCode, channel: 'share' };
  try {
    const answer = await authedRequest({ method: 'POST', path: '/api/referrals/claims', data: body, schema: ClaimReferralResponse });
    forgetPending();
    if (answer.recorded && answer.inviterName) void Taro.showToast({ title: `已接受 ${answer.inviterName} 的邀请`, icon: 'none', duration: 2500 });
    return answer;
  } catch (error) {
    const retryLater = !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
    if (!retryLater) forgetPending();
    return undefined;
  }
}

/** Tests only: a new launch. */
export function resetReferralClaimForTests(): void {
  claimedThisLaunch = false;
}
