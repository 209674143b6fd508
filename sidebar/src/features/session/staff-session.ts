import type { StaffProfile } from '@zhike/shared/auth';
import { describeError, type ErrorText } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';
import { clearLoginRedirectMark, redirectToLogin } from './login-redirect';
import { fetchMe } from './staff.api';

export type StaffSessionFailure = { kind: 'redirecting' } | { kind: 'loginFailed'; text: ErrorText } | { kind: 'failed'; text: ErrorText };
export type StaffSession = { kind: 'ready'; staff: StaffProfile } | StaffSessionFailure;

/** The staff session for this page: the profile, or on 401 a trip through WeCom OAuth (once). */
export async function loadStaffSession(): Promise<StaffSession> {
  try {
    const staff = await fetchMe();
    clearLoginRedirectMark();
    return { kind: 'ready', staff };
  } catch (error) {
    return staffSessionFailure(error);
  }
}

/** 401 (no, expired or other-corp session) → log in through WeCom, unless we just did. */
export function staffSessionFailure(error: unknown): StaffSessionFailure {
  if (!(error instanceof ApiError) || error.status !== 401) return { kind: 'failed', text: describeError(error) };
  if (redirectToLogin() === 'redirecting') return { kind: 'redirecting' };
  return {
    kind: 'loginFailed',
    text: {
      title: '登录没有成功',
      message: `已经通过企业微信登录过一次，但服务器仍然认为你没有登录（${error.message}）。请点“重新登录”；如果仍然失败，请检查是否禁用了 Cookie，或联系管理员。`,
    },
  };
}
