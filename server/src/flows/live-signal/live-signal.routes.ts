import { ExternalUserIdParams } from '@zhike/shared/customers';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { LiveSignalFlow } from './live-signal.flow';

export function registerLiveSignalRoutes(api: ApiRouter, flow: LiveSignalFlow): void {
  api.add({
    method: 'GET',
    path: '/api/live/customers/by-external-userid/:externalUserId',
    access: 'salesperson',
    tag: 'live',
    summary:
      'Server-sent events for the open customer: `viewing` {title, page, at} and `timeline` {entry}, a heartbeat every 15 s. 404 before the stream opens when outside your data scope.',
    params: ExternalUserIdParams,
    handler: async ({ params, principal, ctx }) => {
      const stream = await flow.connect(staffPrincipal(principal), params.externalUserId);
      // The stream is written by hand, not as a Koa body: Koa would report every sidebar closing its
      // stream as a "premature close" error. It lives as long as the sidebar is open: no socket timeout,
      // no buffering on the way (nginx reads X-Accel-Buffering).
      ctx.respond = false;
      ctx.req.socket.setTimeout(0);
      ctx.req.socket.setNoDelay(true);
      ctx.res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no', 'x-request-id': String(ctx.state.requestId ?? '') });
      stream.body.pipe(ctx.res);
      ctx.res.once('close', () => stream.close());
    },
  });
}
