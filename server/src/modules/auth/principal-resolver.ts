import type { Context } from 'koa';
import type { PrincipalResolver } from '../../platform/http/api-router';
import { readSessionToken } from './session-cookie';
import type { SessionService } from './session.service';

/** Resolves the caller once per request; routes declared 'anonymous' never call it. */
export function sessionPrincipalResolver(sessions: SessionService): PrincipalResolver {
  return async (ctx: Context) => {
    const token = readSessionToken(ctx);
    if (!token) return null;
    const clientCorpId = ctx.get('x-wecom-corp-id') || undefined;
    ctx.state.principal ??= await sessions.resolve(token, clientCorpId);
    return ctx.state.principal;
  };
}
