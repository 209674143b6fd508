import { SANDBOX_MEMBER_COOKIE } from '@zhike/shared/demo';

/** The member "signed in to WeCom": the sandbox's OAuth page reads this cookie to pick the userid. */
export function readMemberCookie(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SANDBOX_MEMBER_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function writeMemberCookie(userid: string): void {
  document.cookie = `${SANDBOX_MEMBER_COOKIE}=${encodeURIComponent(userid)}; path=/; SameSite=Lax`;
}
