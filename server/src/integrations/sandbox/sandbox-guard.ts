import crypto from 'node:crypto';
import type { Context, Next } from 'koa';
import type { FaultInjector } from './fault-injector';
import type { RateLimiter } from './rate-limiter';
import { sleep } from '../common/retry-policy';

export interface CallRecord {
  path: string;
  at: number;
}

/**
 * Runs before every sandbox API answer: records the call, applies an injected fault if one is queued,
 * then the rate limit — the error paths the real upstreams have, on demand.
 */
export function sandboxGuard(options: { prefix: string; faults: FaultInjector; limiter: RateLimiter; calls: CallRecord[]; now: () => number }) {
  return async function guard(ctx: Context, next: Next): Promise<void> {
    const path = ctx.path.slice(options.prefix.length) || '/';
    options.calls.push({ path, at: options.now() });
    const fault = options.faults.take(path);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    else if (fault?.kind === 'errcode') return void (ctx.body = { errcode: fault.errcode, errmsg: fault.errmsg ?? 'injected fault' });
    else if (fault?.kind === 'http-status') return void ((ctx.status = fault.status), (ctx.body = 'upstream failure'));
    else if (fault?.kind === 'garbage') return void ((ctx.type = 'text/html'), (ctx.body = '<html>502 Bad Gateway</html>'));
    if (!options.limiter.allow(path)) {
      ctx.body = { errcode: 45009, errmsg: 'api freq out of limit' };
      return;
    }
    await next();
  };
}

/** Issues opaque random strings in the style of the upstreams' tokens and codes. */
export function randomToken(bytes = 24): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
