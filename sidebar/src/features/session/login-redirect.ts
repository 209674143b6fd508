import { navigateTo } from '../../lib/navigation';

/**
 * Sends the browser through WeCom OAuth (the server's authorize route) and back to this page.
 * A timestamp per page path in sessionStorage stops a redirect loop: if we were just sent to log in
 * and the session is still missing, the caller shows an error instead of redirecting again.
 * Per path, because the sidebar and the console may redirect at the same moment in one tab (demo console).
 */

const MARK_PREFIX = 'zhike.loginRedirectAt:';
// OAuth round trip takes a second or two; a minute separates "just came back" from "a later visit".
const LOOP_WINDOW_MS = 60_000;

/** The hash goes along: it names the console screen (`#/analytics?from=…`), so a shared link survives the login. */
export function authorizeUrl(location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location): string {
  return `/api/auth/wecom/authorize?redirect=${encodeURIComponent(location.pathname + location.search + location.hash)}`;
}

/** 'redirecting' when the browser is on its way; 'loop' when we already tried and must stop. */
export function redirectToLogin(options: { force?: boolean } = {}): 'redirecting' | 'loop' {
  const key = MARK_PREFIX + window.location.pathname;
  const storage = sessionStorageOrNull();
  // Without storage we cannot tell a loop from a first visit, so never redirect on our own.
  if (!storage && !options.force) return 'loop';
  const last = Number(storage?.getItem(key) ?? 0);
  if (!options.force && last > 0 && Date.now() - last < LOOP_WINDOW_MS) return 'loop';
  storage?.setItem(key, String(Date.now()));
  navigateTo(authorizeUrl());
  return 'redirecting';
}

/** Called once the session works, so the next expiry redirects again instead of reporting a loop. */
export function clearLoginRedirectMark(): void {
  sessionStorageOrNull()?.removeItem(MARK_PREFIX + window.location.pathname);
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
