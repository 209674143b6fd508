export { SessionRepository } from './session.repository';
export { SessionService, type IssuedSession, type SessionPolicy } from './session.service';
export { StaffOAuthService, type OAuthSettings } from './oauth.service';
export { sessionPrincipalResolver } from './principal-resolver';
export { readSessionToken, setStaffCookie, clearStaffCookie, STAFF_SESSION_COOKIE } from './session-cookie';
