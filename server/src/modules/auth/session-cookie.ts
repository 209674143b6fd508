import { AppError } from '../../platform/http/app-error';
import type { Context } from 'koa';

export const STAFF_SESSION_COOKIE = 'zhike_staff_session';

/** The bearer token from `Authorization`, else the staff cookie. */
export function readSessionToken(ctx: Context): string | undefined {
  const header = ctx.get('authorization');
  const bearer = /^Bearer\s+([A-Za-z0-9_-]{20,128})$/.exec(header);
  if (bearer) return bearer[1];
  // A malformed Authorization header is refused, never silently ignored in favour of the cookie.
  if (header) throw new AppError('UNAUTHENTICATED', '登录凭证格式不正确，请重新登录', [{ field: 'headers.authorization', issue: '应为 Bearer <token>' }]);
  return ctx.cookies.get(STAFF_SESSION_COOKIE) || undefined;
}

export function setStaffCookie(ctx: Context, token: string, expiresAt: Date, secure: boolean): void {
  ctx.cookies.set(STAFF_SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt, path: '/', overwrite: true });
}

export function clearStaffCookie(ctx: Context): void {
  ctx.cookies.set(STAFF_SESSION_COOKIE, null, { path: '/' });
}
