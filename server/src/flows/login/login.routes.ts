import {
  CustomerLoginRequest,
  CustomerSessionResponse,
  LogoutResponse,
  StaffAuthorizeQuery,
  StaffCodeLoginRequest,
  StaffMeResponse,
  StaffOAuthCallbackQuery,
  StaffSessionResponse,
} from '@zhike/shared/auth';
import type { ApiRouter } from '../../platform/http/api-router';
import { AppError } from '../../platform/http/app-error';
import { clearStaffCookie, readSessionToken, setStaffCookie, type SessionService, type StaffOAuthService } from '../../modules/auth';
import type { StaffService } from '../../modules/staff';
import type { CustomerLoginFlow } from './customer-login.flow';
import type { StaffLoginFlow } from './staff-login.flow';

export interface LoginRouteDeps {
  oauth: StaffOAuthService;
  staffLogin: StaffLoginFlow;
  customerLogin: CustomerLoginFlow;
  sessions: SessionService;
  staff: StaffService;
  /** Secure cookies when the public origin is https. */
  secureCookies: boolean;
}

export function registerLoginRoutes(api: ApiRouter, deps: LoginRouteDeps): void {
  api.add({
    method: 'GET',
    path: '/api/auth/wecom/authorize',
    access: 'anonymous',
    tag: 'auth',
    summary: 'Starts WeCom OAuth (snsapi_base): redirects to WeCom, which returns to the callback',
    query: StaffAuthorizeQuery,
    redirects: true,
    handler: async ({ query, ctx }) => ctx.redirect(await deps.oauth.authorizeUrl(query.redirect)),
  });

  api.add({
    method: 'GET',
    path: '/api/auth/wecom/callback',
    access: 'anonymous',
    tag: 'auth',
    summary: 'WeCom OAuth callback: checks the single-use state, exchanges the code, sets the session cookie, redirects back',
    query: StaffOAuthCallbackQuery,
    redirects: true,
    handler: async ({ query, ctx }) => {
      const redirect = await deps.oauth.consumeState(query.state);
      const login = await deps.staffLogin.loginWithCode(query.code);
      setStaffCookie(ctx, login.token, login.expiresAt, deps.secureCookies);
      ctx.redirect(redirect);
    },
  });

  api.add({
    method: 'POST',
    path: '/api/auth/wecom/login',
    access: 'anonymous',
    tag: 'auth',
    summary: 'Exchanges a WeCom OAuth code for a staff session (bearer token, also set as a cookie)',
    body: StaffCodeLoginRequest,
    response: StaffSessionResponse,
    handler: async ({ body, ctx }) => {
      const login = await deps.staffLogin.loginWithCode(body.code);
      setStaffCookie(ctx, login.token, login.expiresAt, deps.secureCookies);
      return { token: login.token, expiresAt: login.expiresAt.toISOString(), staff: login.staff };
    },
  });

  api.add({
    method: 'GET',
    path: '/api/auth/me',
    access: 'salesperson',
    tag: 'auth',
    summary: 'The logged-in staff member',
    response: StaffMeResponse,
    handler: async ({ principal }) => {
      const staff = principal?.kind === 'staff' ? await deps.staff.profileOf(principal.staffId) : null;
      if (!staff) throw new AppError('UNAUTHENTICATED', '账号不存在，请重新登录');
      return { staff };
    },
  });

  api.add({
    method: 'POST',
    path: '/api/auth/logout',
    access: 'anonymous',
    tag: 'auth',
    summary: 'Ends the presented session (bearer or cookie), if any',
    response: LogoutResponse,
    handler: async ({ ctx }) => {
      const token = readSessionToken(ctx);
      if (token) await deps.sessions.end(token);
      clearStaffCookie(ctx);
      return { loggedOut: true as const };
    },
  });

  api.add({
    method: 'POST',
    path: '/api/auth/miniprogram/login',
    access: 'anonymous',
    tag: 'auth',
    summary: 'Mini-program login: a wx.login code becomes a customer session (session_key never leaves the server)',
    body: CustomerLoginRequest,
    response: CustomerSessionResponse,
    handler: async ({ body }) => {
      const login = await deps.customerLogin.loginWithCode(body.code);
      return { token: login.token, expiresAt: login.expiresAt.toISOString(), customer: login.customer };
    },
  });
}
