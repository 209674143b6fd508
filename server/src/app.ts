import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { z } from 'zod';
import type { Sandbox } from './integrations/sandbox/sandbox';
import { registerCustomer360Routes, type Customer360Flow } from './flows/customer-360';
import { registerCustomerFollowUpRoutes, type CustomerFollowUpFlow } from './flows/customer-follow-up';
import { registerCustomerTagRoutes, type CustomerTagsFlow } from './flows/customer-tags';
import { registerStagePipelineRoutes, type StagePipelineFlow } from './flows/stage-pipeline';
import type { StagePipelineService } from './modules/stages';
import { registerCustomFieldRoutes, type CustomFieldService } from './modules/custom-fields';
import { registerCustomerFieldsRoutes, type CustomerFieldsFlow } from './flows/customer-fields';
import { registerCustomerHandoverRoutes, type CustomerHandoverFlow } from './flows/customer-handover';
import { registerLoginRoutes, type LoginRouteDeps } from './flows/login';
import { registerLocalTagRoutes, type LocalTagService, type TagLibraryService } from './modules/tags';
import { registerWeComCallbackRoutes, type WeComCallbackRouteDeps } from './flows/wecom-sync/wecom-callback.routes';
import { registerClientConfigRoutes } from './modules/client-config';
import { registerCustomerRoutes, type CustomerService } from './modules/customers';
import { registerHealthRoutes } from './modules/health';
import { registerJsSdkRoutes, type JsSdkService } from './modules/jssdk';
import { registerAssetRoutes, type AssetService } from './modules/assets';
import { registerCatalogRoutes, type CatalogService } from './modules/catalog';
import { registerScriptRoutes, type ScriptService } from './modules/scripts';
import { registerPosterRoutes, type PosterService } from './modules/posters';
import { registerOrderRoutes, registerWeChatPayNotifyRoutes, type OrdersFlow } from './flows/orders';
import type { WeChatPayNotificationVerifier } from './integrations/wechatpay';
import { registerContentRoutes, type ContentEngagementFlow, type ContentSendingFlow, type ScriptRecommendationsFlow } from './flows/content';
import { registerFanActivityRoutes, type CustomerIntentFlow, type FanActivityFlow } from './flows/fan-activity';
import { registerLiveSignalRoutes, type LiveSignalFlow } from './flows/live-signal';
import { registerReferralRoutes, type ReferralFlow } from './flows/referrals';
import { registerChannelRoutes, type ChannelRouteDeps } from './flows/channels';
import { registerAnalyticsRoutes, type AnalyticsRouteDeps } from './flows/analytics';
import { registerSegmentRoutes } from './flows/analytics/segments.routes';
import { registerSnapshotRoutes } from './flows/analytics/snapshot.routes';
import type { SnapshotRouteDeps } from './flows/analytics/snapshot.compose';
import type { AppConfig } from './platform/config/config';
import { ApiRouter, type PrincipalResolver } from './platform/http/api-router';
import { bodyParseError, errorHandler } from './platform/http/error-handler';
import { buildOpenApiDocument } from './platform/http/openapi';
import { requestContext } from './platform/http/request-context';
import { serveStatic, type StaticMount } from './platform/http/static-files';
import type { Logger } from './platform/logging/logger';

export interface AppServices extends Omit<LoginRouteDeps, 'secureCookies'> {
  customers: CustomerService;
  jssdk: JsSdkService;
  resolvePrincipal: PrincipalResolver;
  customer360: Customer360Flow;
  customerTags: CustomerTagsFlow;
  customerFollowUp: CustomerFollowUpFlow;
  tagLibrary: TagLibraryService;
  assets: AssetService;
  catalog: CatalogService;
  orders: OrdersFlow;
  wechatPayNotifications: WeChatPayNotificationVerifier;
  scripts: ScriptService;
  posters: PosterService;
  contentSending: ContentSendingFlow;
  contentEngagement: ContentEngagementFlow;
  scriptRecommendations: ScriptRecommendationsFlow;
  localTags: LocalTagService;
  pipeline: StagePipelineService;
  stagePipeline: StagePipelineFlow;
  customFields: CustomFieldService;
  customerFields: CustomerFieldsFlow;
  customerHandover: CustomerHandoverFlow;
  fanActivity: FanActivityFlow;
  customerIntent: CustomerIntentFlow;
  referrals: ReferralFlow;
  liveSignal: LiveSignalFlow;
  channels: ChannelRouteDeps;
  analytics: AnalyticsRouteDeps;
  analyticsSnapshot: SnapshotRouteDeps;
  wecomCallbacks: WeComCallbackRouteDeps;
}

export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  database: { ping(): Promise<boolean> };
  services: AppServices;
  /** Demo mode: the sandbox upstreams, mounted under /sandbox. */
  sandbox?: Sandbox;
  /** Built front ends to serve (sidebar, console, demo console, mini-program H5). */
  staticMounts?: StaticMount[];
}

export interface ZhikeApp {
  koa: Koa;
  api: ApiRouter;
}

/** The middleware stack. Never listens: main.ts does, and tests drive app.callback(). */
export function createApp(deps: AppDeps): ZhikeApp {
  const { config, services } = deps;
  const koa = new Koa({ proxy: config.trustProxy });
  const api = new ApiRouter(services.resolvePrincipal, { validateResponses: config.env === 'test', bodyLimitBytes: config.bodyLimitKb * 1024 });

  registerHealthRoutes(api, deps.database);
  registerClientConfigRoutes(api, {
    corpId: config.wecom.corpId,
    agentId: config.wecom.agentId,
    miniProgramAppId: config.miniProgram.appId,
    demoMode: config.mode === 'demo',
  });
  registerLoginRoutes(api, { ...services, secureCookies: config.publicUrl.startsWith('https:') });
  registerCustomerRoutes(api, services.customers);
  registerJsSdkRoutes(api, services.jssdk);
  registerCustomer360Routes(api, services.customer360);
  registerCustomerTagRoutes(api, { flow: services.customerTags, library: services.tagLibrary });
  registerLocalTagRoutes(api, services.localTags);
  registerStagePipelineRoutes(api, { pipeline: services.pipeline, flow: services.stagePipeline });
  registerCustomFieldRoutes(api, services.customFields);
  registerCustomerFieldsRoutes(api, services.customerFields);
  registerCustomerHandoverRoutes(api, services.customerHandover);
  registerCustomerFollowUpRoutes(api, services.customerFollowUp);
  registerWeComCallbackRoutes(api, services.wecomCallbacks);
  registerAssetRoutes(api, services.assets);
  registerCatalogRoutes(api, services.catalog);
  registerOrderRoutes(api, services.orders);
  registerWeChatPayNotifyRoutes(api, { orders: services.orders, verifier: services.wechatPayNotifications, log: deps.logger });
  registerScriptRoutes(api, services.scripts);
  registerPosterRoutes(api, { posters: services.posters, previewSample: (corpId, userid) => services.contentSending.previewSample(corpId, userid) });
  registerContentRoutes(api, { sending: services.contentSending, engagement: services.contentEngagement, recommendations: services.scriptRecommendations });
  registerChannelRoutes(api, services.channels);
  registerFanActivityRoutes(api, { activity: services.fanActivity, intent: services.customerIntent });
  registerReferralRoutes(api, services.referrals);
  registerLiveSignalRoutes(api, services.liveSignal);
  registerAnalyticsRoutes(api, services.analytics);
  registerSegmentRoutes(api, services.analyticsSnapshot.segments);
  registerSnapshotRoutes(api, services.analyticsSnapshot.reports);
  api.add({
    method: 'GET',
    path: '/openapi.json',
    access: 'anonymous',
    tag: 'meta',
    summary: 'This OpenAPI document, generated from the shared zod schemas',
    response: z.record(z.string(), z.unknown()),
    handler: async () => buildOpenApiDocument(api.routes, { title: '知客 Zhike API', version: '0.1.0' }),
  });

  koa.use(requestContext(deps.logger));
  koa.use(errorHandler);
  koa.use(
    bodyParser({
      // XML only for routes that declare it (WeCom callbacks); every route checks its own body type.
      enableTypes: ['json', 'xml'],
      xmlLimit: `${config.bodyLimitKb}kb`,
      jsonLimit: `${config.bodyLimitKb}kb`,
      onError: (error) => {
        throw bodyParseError(error as { status?: number; type?: string }, config.bodyLimitKb);
      },
    }),
  );
  koa.use(api.router.routes());
  koa.use(api.router.allowedMethods({ throw: true }));
  for (const router of deps.sandbox?.routers ?? []) koa.use(router.routes()).use(router.allowedMethods({ throw: true }));
  for (const mount of deps.staticMounts ?? []) koa.use(serveStatic(mount));
  koa.use(async (ctx, next) => {
    if (ctx.path !== '/') return next();
    ctx.redirect(config.mode === 'demo' ? '/demo/' : '/console/');
  });
  return { koa, api };
}
