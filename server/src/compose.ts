import type { Connection } from 'mongoose';
import type { AppServices } from './app';
import { Customer360Flow, CustomerAccess } from './flows/customer-360';
import { CustomerFollowUpFlow } from './flows/customer-follow-up';
import { CustomerTagsFlow, markTagHandler, MARK_TAG_TOPIC } from './flows/customer-tags';
import { CustomerLoginFlow, StaffLoginFlow } from './flows/login';
import { ContactWriter, type TagOverlay } from './flows/wecom-sync/contact-sync.flow';
import { ContactSyncService } from './flows/wecom-sync/contact-sync.service';
import { createWeComEventHandler } from './flows/wecom-sync/wecom-event.handler';
import { WECOM_EVENT_TOPIC } from './flows/wecom-sync/wecom-callback.routes';
import { WeComCallbackCrypto } from './integrations/wecom/callback-crypto';
import { ExternalContactClient } from './integrations/wecom/external-contact-client';
import type { RetryPolicy } from './integrations/common/retry-policy';
import { MiniProgramClient } from './integrations/miniprogram';
import { WeComClient } from './integrations/wecom';
import { loadWeChatPayCredentials, WeChatPayClient, WeChatPayNotificationVerifier } from './integrations/wechatpay';
import { SessionRepository, SessionService, StaffOAuthService, sessionPrincipalResolver } from './modules/auth';
import { CustomerRepository, CustomerService } from './modules/customers';
import { FollowRepository } from './modules/follows';
import { SyncRunRepository } from './modules/sync-runs';
import { TimelineRepository } from './modules/timeline';
import { CorpTagRepository, LocalTagService, TagLibraryService } from './modules/tags';
import { JsSdkService } from './modules/jssdk';
import { StagePipelineRepository, StagePipelineService } from './modules/stages';
import { StagePipelineFlow } from './flows/stage-pipeline';
import { CustomFieldRepository, CustomFieldService } from './modules/custom-fields';
import { CustomerFieldsFlow } from './flows/customer-fields';
import { CustomerHandoverFlow, RESIGNED_TRANSFER_TOPIC, TransferProgress } from './flows/customer-handover';
import { HandoverRepository } from './modules/handovers';
import { AssetRepository, AssetService } from './modules/assets';
import { CatalogRepository, CatalogService } from './modules/catalog';
import { ScriptRepository, ScriptService } from './modules/scripts';
import { ContentTrackingRepository } from './modules/content-tracking';
import { WeComMediaCache, WeComMediaRepository } from './modules/media';
import { PosterRepository, PosterService, RemoteImageLoader } from './modules/posters';
import { ContentEngagementFlow, ContentSendingFlow, ScriptRecommendationsFlow } from './flows/content';
import { OrdersFlow } from './flows/orders';
import { tagOnPaid } from './flows/orders/tag-on-paid';
import { OrderRepository } from './modules/orders';
import { WeComMediaClient } from './integrations/wecom/media-client';
import { StaffRepository, StaffService } from './modules/staff';
import { FanEventRepository, TokenBucketLimiter } from './modules/events';
import { IntentRollupRepository } from './modules/intent';
import { InProcessLiveBus, type LiveBus } from './modules/live';
import { ReferralRepository } from './modules/referrals';
import { CustomerIntentFlow, FanActivityFlow } from './flows/fan-activity';
import { LiveSignalFlow } from './flows/live-signal';
import { ReferralFlow } from './flows/referrals';
import { composeAnalytics } from './flows/analytics';
import { composeSnapshotAnalytics } from './flows/analytics/snapshot.compose';
import type { AnalyticsSnapshotJob } from './modules/analytics/analytics-snapshot';
import type { AnalyticsRebuildSummary } from './modules/analytics/analytics-rebuild';
import type { AnalyticsRecorder } from './modules/analytics/analytics-recorder';
import { ChannelActivityRepository, ChannelRepository, isChannelState } from './modules/channels';
import { ChannelAdminFlow, ChannelCodesFlow, ChannelContactFlow, ChannelRotationFlow, ChannelStatsFlow, ChannelWelcomeFlow } from './flows/channels';
import type { AppConfig } from './platform/config/config';
import type { Logger } from './platform/logging/logger';
import { QueueRepository, QueueWorker } from './platform/queue';

export interface UpstreamClients {
  wecom: WeComClient;
  miniProgram: MiniProgramClient;
  wechatPay: WeChatPayClient;
}

/** One client per upstream, pointed at the real hosts or the sandbox by base URL alone. */
export function createUpstreamClients(
  config: AppConfig,
  logger: Logger,
  bases: { wecomApiBase: string; miniProgramApiBase: string; wechatPayApiBase: string },
  retry?: RetryPolicy,
): UpstreamClients {
  const pay = loadWeChatPayCredentials(config.wechatPay);
  return {
    wecom: new WeComClient({
      apiBase: bases.wecomApiBase,
      corpId: config.wecom.corpId,
      agentId: config.wecom.agentId,
      agentSecret: config.wecom.agentSecret,
      timeoutMs: config.upstreamTimeoutMs,
      retry,
      log: logger,
    }),
    miniProgram: new MiniProgramClient({
      apiBase: bases.miniProgramApiBase,
      appId: config.miniProgram.appId,
      appSecret: config.miniProgram.appSecret,
      timeoutMs: config.upstreamTimeoutMs,
      retry,
      log: logger,
    }),
    wechatPay: new WeChatPayClient({
      apiBase: bases.wechatPayApiBase,
      // JSAPI orders belong to the mini-program: requestPayment must be signed with the same appid.
      appId: config.miniProgram.appId,
      mchId: pay.mchId,
      merchantPrivateKeyPem: pay.merchantPrivateKeyPem,
      merchantCertificatePem: pay.merchantCertificatePem,
      keys: pay.keys,
      timeoutMs: config.upstreamTimeoutMs,
      retry,
      log: logger,
    }),
  };
}

/** Verifies WeChat Pay notifications (payments, refunds) with the configured platform certificates and/or public key. */
export function createWeChatPayNotificationVerifier(config: AppConfig): WeChatPayNotificationVerifier {
  const pay = loadWeChatPayCredentials(config.wechatPay);
  return new WeChatPayNotificationVerifier({ keys: pay.keys, apiV3Key: pay.apiV3Key });
}

export interface ComposedServices extends AppServices {
  staff: StaffService;
  tagLibrary: TagLibraryService;
  contactSync: ContactSyncService;
  wecomEvents: QueueWorker;
  markTagOutbox: QueueWorker;
  /** 离职继承: the WeCom transfer requests (outbox) and the polling of their outcome. */
  resignedTransferOutbox: QueueWorker;
  transferProgress: TransferProgress;
  /** 渠道活码: keeps rotation codes' members current (limits, working hours). */
  channelRotation: ChannelRotationFlow;
  /** In-process now; a Redis-backed LiveBus replaces it when a second instance is added. */
  liveBus: LiveBus;
  /** Keeps the analytics journeys and rollups current; stop it (it drains its queue) before closing the database. */
  analyticsRecorder: AnalyticsRecorder;
  /** At start-up: rebuilds analytics stored in an older layout (after an upgrade); null when they are current. */
  rebuildOutdatedAnalytics(): Promise<AnalyticsRebuildSummary | null>;
  /** Coverage, RFM, segment sizes and churn risk: start it once listening (every 10 minutes). */
  analyticsSnapshotJob: AnalyticsSnapshotJob;
}

/** Fan events: a burst of 20 batches per customer, then 2 a second (20 batches per 10 s sustained). */
const INGESTION_RATE = { capacity: 20, refillPerSecond: 2 };

/** Repositories → services → flows, wired once. */
export function composeServices(connection: Connection, config: AppConfig, clients: UpstreamClients, oauthBase: string, logger: Logger): ComposedServices {
  const corpId = config.wecom.corpId;
  const sessionRepository = new SessionRepository(connection);
  const sessions = new SessionService(sessionRepository, {
    corpId: config.wecom.corpId,
    staffSessionHours: config.staffSessionHours,
    customerSessionDays: config.customerSessionDays,
  });
  const customerRepository = new CustomerRepository(connection);
  const customers = new CustomerService(customerRepository);
  const staffRepository = new StaffRepository(connection);
  const staff = new StaffService(staffRepository, clients.wecom, { corpId, adminUserIds: config.wecom.adminUserIds });
  const follows = new FollowRepository(connection);
  const corpTags = new CorpTagRepository(connection);
  const timeline = new TimelineRepository(connection);
  const contacts = new ExternalContactClient(clients.wecom);
  const tagLibrary = new TagLibraryService(corpId, corpTags, contacts);
  const contactSync = new ContactSyncService({
    corpId,
    contacts,
    writer: new ContactWriter({
      corpId,
      customers,
      follows,
      customerRecords: customerRepository,
      timeline,
      // customerTags is built below (it needs access, which needs this sync); only called once requests flow.
      pendingTags: (pairs, readStartedAt): Promise<TagOverlay> => customerTags.pendingOverlay(pairs, readStartedAt),
    }),
    runs: new SyncRunRepository(connection),
    memberUserids: () => staffRepository.listUserids(corpId),
    log: logger,
  });
  const access = new CustomerAccess({
    customers: customerRepository,
    follows,
    staff,
    syncContact: (externalUserId) => contactSync.syncContact(externalUserId),
  });
  const outbox = new QueueRepository(connection, 'outbox');
  const markTagOutbox = new QueueWorker(outbox, { topic: MARK_TAG_TOPIC, log: logger, handle: markTagHandler(contacts) });
  const customerTags = new CustomerTagsFlow({ corpId, access, follows, timeline, tags: corpTags, outbox, worker: markTagOutbox });
  const handovers = new HandoverRepository(connection);
  const transferProgress = new TransferProgress({
    corpId,
    contacts,
    handovers,
    follows,
    timeline,
    staff,
    syncContact: (externalUserId) => contactSync.syncContact(externalUserId),
    log: logger,
  });
  const resignedTransferOutbox = new QueueWorker(outbox, { topic: RESIGNED_TRANSFER_TOPIC, log: logger, handle: transferProgress.send });
  const customerHandover = new CustomerHandoverFlow({
    corpId,
    staff,
    staffRecords: staffRepository,
    follows,
    customers: customerRepository,
    handovers,
    timeline,
    outbox,
    worker: resignedTransferOutbox,
  });
  const pipeline = new StagePipelineService(corpId, new StagePipelineRepository(connection));
  const liveBus = new InProcessLiveBus();
  const liveSignal = new LiveSignalFlow({ access, bus: liveBus, staff, tags: corpTags, pipeline });
  timeline.onRecorded((record) => liveSignal.timelineRecorded(record));
  const intentRollups = new IntentRollupRepository(connection);
  const customerIntent = new CustomerIntentFlow({ access, rollups: intentRollups });
  const fanActivity = new FanActivityFlow({
    corpId,
    events: new FanEventRepository(connection),
    customers: customerRepository,
    rollups: intentRollups,
    timeline,
    live: liveBus,
    limiter: new TokenBucketLimiter(INGESTION_RATE),
    log: logger,
  });
  const referralRecords = new ReferralRepository(connection);
  const referrals = new ReferralFlow({
    corpId,
    customers: customerRepository,
    inviteCodes: customers,
    follows,
    referrals: referralRecords,
    timeline,
    staff,
    access,
    convertedInvitees: (inviteeIds) => orderRecords.customersWithPaidOrders(inviteeIds),
  });
  const customFields = new CustomFieldService(corpId, new CustomFieldRepository(connection));
  const customer360 = new Customer360Flow({
    access,
    pipeline,
    fields: customFields,
    tags: corpTags,
    staff,
    timeline,
    tagChanges: (viewer, externalUserId) => customerTags.recentChanges(viewer, externalUserId),
    intent: (customer, customerFollows) => customerIntent.summaryOf(customer, customerFollows),
    // channelRepository is built further down; this runs only once requests flow.
    channelName: async (state) => (isChannelState(state) ? (await channelRepository.findByState(state))?.name : undefined),
    // analyticsSnapshot is built further down; only called once requests flow.
    churnRisk: (customerId) => analyticsSnapshot.churnRisks.findByCustomer(customerId),
  });
  const assets = new AssetService(new AssetRepository(connection), config.publicUrl);
  const scripts = new ScriptService(new ScriptRepository(connection), assets);
  const posters = new PosterService({ posters: new PosterRepository(connection), assets, codes: clients.miniProgram, avatars: new RemoteImageLoader() });
  const contentTracking = new ContentTrackingRepository(connection);
  const contentSending = new ContentSendingFlow({
    access,
    staff,
    scripts,
    posters,
    assets,
    media: new WeComMediaCache({ corpId, media: new WeComMediaRepository(connection), uploader: new WeComMediaClient(clients.wecom), readBytes: (asset) => assets.readBytes(asset) }),
    tracking: contentTracking,
    timeline,
    publicUrl: config.publicUrl,
    miniProgramAppId: config.miniProgram.appId,
  });
  const contentTitles = async (corp: string) => {
    const templates = await posters.listTemplates(corp, true);
    return new Map([...(await scripts.titles(corp)), ...templates.map((template): [string, string] => [template.id, template.name])]);
  };
  const contentEngagement = new ContentEngagementFlow({
    tracking: contentTracking,
    posters,
    staff,
    timeline,
    contentTitles,
    posterReferral: (posterCustomerId, scannerId, poster) => referrals.posterScanned(posterCustomerId, scannerId, poster),
  });
  const catalog = new CatalogService(corpId, new CatalogRepository(connection), assets);
  const orderRecords = new OrderRepository(connection);
  const orders = new OrdersFlow({
    settings: {
      corpId,
      miniProgramAppId: config.miniProgram.appId,
      mchId: config.wechatPay.mchId,
      notifyUrl: `${config.wechatPay.notifyBase}/api/wechatpay/notify`,
      refundNotifyUrl: `${config.wechatPay.notifyBase}/api/wechatpay/notify`,
      paymentTimeoutMinutes: config.orders.paymentTimeoutMinutes,
      maxDiscountPercent: config.orders.maxDiscountPercent,
      stageOnFirstPaid: config.orders.stageOnFirstPaid,
      stageOnRepeatPaid: config.orders.stageOnRepeatPaid,
    },
    orders: orderRecords,
    catalog,
    customers: customerRepository,
    follows,
    access,
    staff,
    pay: clients.wechatPay,
    timeline,
    stageOrder: async () => (await pipeline.stages()).map((stage) => stage.key),
    creditOrder: (order) => contentEngagement.creditOrder(corpId, order),
    creditRefund: (refund) => contentEngagement.creditRefund(corpId, refund),
    productCoverUrl: (productId) => catalog.coverUrlOf(productId),
    tagOnPaid: tagOnPaid({ corpId, paidTagName: config.orders.paidTagName, unpaidTagName: config.orders.unpaidTagName, follows, tags: corpTags, customerTags }),
    referrerOf: async (customerId) => (await referralRecords.findByInvitee(customerId))?.inviterId,
    // Declared further down with the other channel flows; only called once a payment arrives.
    creditChannel: (order) => channelStats.creditOrder(corpId, order),
  });
  const scriptRecommendations = new ScriptRecommendationsFlow({
    access,
    scripts,
    tracking: contentTracking,
    stageLabels: () => pipeline.labels(),
    tagNames: async (corp) => new Map((await corpTags.listActive(corp)).map((tag): [string, string] => [tag.tagId, tag.name])),
    posterNames: async (corp) => new Map((await posters.listTemplates(corp, true)).map((template): [string, string] => [template.id, template.name])),
  });
  const channelRepository = new ChannelRepository(connection);
  const channelActivity = new ChannelActivityRepository(connection);
  const channelAdmin = new ChannelAdminFlow({ corpId, channels: channelRepository, activity: channelActivity, contactWays: contacts, assets, staff, staffRecords: staffRepository, tags: corpTags });
  const channelRotation = new ChannelRotationFlow({ corpId, channels: channelRepository, activity: channelActivity, contactWays: contacts, log: logger });
  const channelContacts = new ChannelContactFlow({
    corpId,
    channels: channelRepository,
    activity: channelActivity,
    customers: customerRepository,
    follows,
    tags: corpTags,
    timeline,
    outbox,
    markTagWorker: markTagOutbox,
    refreshRotation: (channelId) => channelRotation.refreshById(channelId),
    log: logger,
  });
  const channelWelcome = new ChannelWelcomeFlow({
    corpId,
    channels: channelRepository,
    activity: channelActivity,
    contacts,
    customers: customerRepository,
    staff,
    assets,
    media: new WeComMediaCache({ corpId, media: new WeComMediaRepository(connection), uploader: new WeComMediaClient(clients.wecom), readBytes: (asset) => assets.readBytes(asset) }),
    miniProgramAppId: config.miniProgram.appId,
    log: logger,
  });
  const channelStats = new ChannelStatsFlow({ corpId, channels: channelRepository, activity: channelActivity });
  const channelCodes = new ChannelCodesFlow({ corpId, admin: channelAdmin, activity: channelActivity, assets, staff, follows, log: logger });
  const analytics = composeAnalytics({
    connection,
    corpId,
    wecom: clients.wecom,
    log: logger,
    staff,
    staffRecords: staffRepository,
    customers: customerRepository,
    follows,
    timeline,
    contentTracking,
    referrals: referralRecords,
    orders: orderRecords,
    channels: channelRepository,
    pipeline,
    contentTitles,
  });
  const analyticsSnapshot = composeSnapshotAnalytics({
    connection,
    corpId,
    log: logger,
    journeys: analytics.journeys,
    scopes: analytics.scopes,
    drillDown: analytics.drillDown,
    customers: customerRepository,
    follows,
    intent: intentRollups,
    staff,
    tags: corpTags,
    pipeline,
  });
  const inbox = new QueueRepository(connection, 'inbox');
  const wecomEvents = new QueueWorker(inbox, {
    topic: WECOM_EVENT_TOPIC,
    log: logger,
    handle: createWeComEventHandler({
      corpId,
      follows,
      timeline,
      syncContact: (externalUserId) => contactSync.syncContact(externalUserId),
      syncTagLibrary: async () => void (await tagLibrary.syncFromWeCom()),
      greetNewContact: async (added) => void (await channelWelcome.greet(added)),
      contactAdded: async (externalUserId, userid, added) => {
        const customer = await customerRepository.findByIdentifier('external_userid', externalUserId);
        if (customer) await contentEngagement.creditContactAdded(corpId, customer.id, userid);
        await channelContacts.contactAdded(added);
      },
      contactEnded: (externalUserId, userid, at) => channelContacts.contactEnded(externalUserId, userid, at),
      log: logger,
    }),
  });
  return {
    sessions,
    staff,
    customers,
    oauth: new StaffOAuthService(sessionRepository, {
      corpId: config.wecom.corpId,
      agentId: config.wecom.agentId,
      oauthBase,
      callbackUrl: `${config.publicUrl}/api/auth/wecom/callback`,
    }),
    staffLogin: new StaffLoginFlow(clients.wecom, staff, sessions),
    customerLogin: new CustomerLoginFlow(clients.miniProgram, customers, sessions),
    jssdk: new JsSdkService(clients.wecom, [new URL(config.publicUrl).origin]),
    resolvePrincipal: sessionPrincipalResolver(sessions),
    tagLibrary,
    assets,
    catalog,
    orders,
    wechatPayNotifications: createWeChatPayNotificationVerifier(config),
    scripts,
    posters,
    contentSending,
    contentEngagement,
    scriptRecommendations,
    localTags: new LocalTagService(corpId, corpTags),
    contactSync,
    wecomEvents,
    customer360,
    channels: { admin: channelAdmin, stats: channelStats, codes: channelCodes },
    channelRotation,
    fanActivity,
    customerIntent,
    referrals,
    liveSignal,
    liveBus,
    analytics: analytics.routes,
    analyticsRecorder: analytics.recorder,
    rebuildOutdatedAnalytics: analytics.rebuildIfOutdated,
    analyticsSnapshot: analyticsSnapshot.routes,
    analyticsSnapshotJob: analyticsSnapshot.job,
    customerTags,
    markTagOutbox,
    resignedTransferOutbox,
    transferProgress,
    customerHandover,
    customerFollowUp: new CustomerFollowUpFlow({ corpId, access, follows, customers: customerRepository, timeline, staff, pipeline }),
    pipeline,
    stagePipeline: new StagePipelineFlow({ pipeline, customers: customerRepository }),
    customFields,
    customerFields: new CustomerFieldsFlow({ corpId, access, fields: customFields, customers: customerRepository, timeline, staff }),
    wecomCallbacks: {
      crypto: new WeComCallbackCrypto({ token: config.wecom.callbackToken, encodingAesKey: config.wecom.callbackAesKey, receiveId: corpId }),
      inbox,
      worker: wecomEvents,
      log: logger,
    },
  };
}
