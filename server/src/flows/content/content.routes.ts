import {
  ContentSendOutcomeResponse,
  ContentStatsResponse,
  OpenedContentResponse,
  PosterSceneResponse,
  PrepareContentSendRequest,
  PreparedContentSend,
  RecordContentOpenRequest,
  ReportSendOutcomeRequest,
  ResolvePosterSceneRequest,
  SendIdParams,
} from '@zhike/shared/content';
import { ExternalUserId, ExternalUserIdParams } from '@zhike/shared/customers';
import { RecommendedScriptsResponse } from '@zhike/shared/scripts';
import { z } from 'zod';
import type { ApiRouter } from '../../platform/http/api-router';
import { customerPrincipal, staffPrincipal } from '../../platform/http/principal';
import type { ContentEngagementFlow } from './content-engagement.flow';
import type { ContentSendingFlow } from './content-sending.flow';
import type { ScriptRecommendationsFlow } from './script-recommendations.flow';

export function registerContentRoutes(api: ApiRouter, flows: { sending: ContentSendingFlow; engagement: ContentEngagementFlow; recommendations: ScriptRecommendationsFlow }): void {
  api.add({
    method: 'POST',
    path: '/api/content/sends',
    access: 'salesperson',
    tag: 'content',
    summary: 'Prepares a script or poster for a customer you follow: the sendChatMessage argument, personalised and tracked; idempotent by requestId',
    body: PrepareContentSendRequest,
    response: PreparedContentSend,
    successStatus: 201,
    handler: async ({ body, principal }) => flows.sending.prepare(staffPrincipal(principal), body),
  });

  api.add({
    method: 'POST',
    path: '/api/content/sends/:sendId/outcome',
    access: 'salesperson',
    tag: 'content',
    summary: 'Reports what sendChatMessage answered; only "sent" is counted and put on the timeline',
    params: SendIdParams,
    body: ReportSendOutcomeRequest,
    response: ContentSendOutcomeResponse,
    handler: async ({ params, body, principal }) => flows.sending.reportOutcome(staffPrincipal(principal), params.sendId, body),
  });

  api.add({
    method: 'GET',
    path: '/api/customers/by-external-userid/:externalUserId/posters/:templateId',
    access: 'salesperson',
    tag: 'content',
    summary: 'The poster personalised for you and this customer (PNG), as it will be sent',
    params: z.strictObject({ externalUserId: ExternalUserId, templateId: z.string().regex(/^[a-f0-9]{24}$/, '海报模板 ID 格式不正确') }),
    binaryResponse: { contentType: 'image/png', cacheControl: 'private, max-age=60' },
    handler: async ({ params, principal }) => ({ bytes: await flows.sending.posterFor(staffPrincipal(principal), params.externalUserId, params.templateId) }),
  });

  api.add({
    method: 'GET',
    path: '/api/customers/by-external-userid/:externalUserId/recommended-scripts',
    access: 'salesperson',
    tag: 'content',
    summary: '为你推荐: up to three scripts that fit this customer (stage, tags, what they viewed, what worked), each with its reason',
    params: ExternalUserIdParams,
    response: RecommendedScriptsResponse,
    handler: async ({ params, principal }) => ({ items: await flows.recommendations.recommend(staffPrincipal(principal), params.externalUserId) }),
  });

  api.add({
    method: 'GET',
    path: '/t/:token',
    access: 'anonymous',
    tag: 'content',
    summary: 'A tracked link: counts the open for (content, salesperson, customer), then redirects to the target',
    params: z.strictObject({ token: z.string().max(80) }),
    redirects: true,
    handler: async ({ params, ctx }) => {
      const target = await flows.engagement.openLink(params.token, { ip: ctx.ip, userAgent: ctx.get('user-agent') });
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(target);
    },
  });

  api.add({
    method: 'POST',
    path: '/api/content/opens',
    access: 'customer',
    tag: 'content',
    summary: 'The signed-in customer opened a mini-program card that carried a tracking token',
    body: RecordContentOpenRequest,
    response: OpenedContentResponse,
    handler: async ({ body, principal }) => flows.engagement.openInMiniProgram(customerPrincipal(principal).customerId, body.token),
  });

  api.add({
    method: 'POST',
    path: '/api/content/scans',
    access: 'customer',
    tag: 'content',
    summary: 'The signed-in customer arrived through a poster’s mini-program code; 404 for an unknown scene, 410 once it lapsed',
    body: ResolvePosterSceneRequest,
    response: PosterSceneResponse,
    handler: async ({ body, principal }) => flows.engagement.scanPoster(customerPrincipal(principal).customerId, body.scene),
  });

  api.add({
    method: 'GET',
    path: '/api/content/stats',
    access: 'manager',
    tag: 'content',
    summary: 'Per script and poster: sends, opens, unique opens, open rate, scans, contacts added, orders and revenue credited',
    response: ContentStatsResponse,
    handler: async ({ principal }) => ({ rows: await flows.engagement.stats(staffPrincipal(principal).corpId) }),
  });
}
