import type { Connection } from 'mongoose';
import type { AppServices } from './app';
import { Customer360Flow, CustomerAccess } from './flows/customer-360';
import { CustomerFollowUpFlow } from './flows/customer-follow-up';
import { CustomerTagsFlow, markTagHandler, MARK_TAG_TOPIC } from './flows/customer-tags';
import { CustomerLoginFlow, StaffLoginFlow } from './flows/login';
import { ContactWriter } from './flows/wecom-sync/contact-sync.flow';
import { ContactSyncService } from './flows/wecom-sync/contact-sync.service';
import { createWeComEventHandler } from './flows/wecom-sync/wecom-event.handler';
import { WECOM_EVENT_TOPIC } from './flows/wecom-sync/wecom-callback.routes';
import { WeComCallbackCrypto } from './integrations/wecom/callback-crypto';
import { ExternalContactClient } from './integrations/wecom/external-contact-client';
import type { RetryPolicy } from './integrations/common/retry-policy';
import { MiniProgramClient } from './integrations/miniprogram';
import { WeComClient } from './integrations/wecom';
import { SessionRepository, SessionService, StaffOAuthService, sessionPrincipalResolver } from './modules/auth';
import { CustomerRepository, CustomerService } from './modules/customers';
import { FollowRepository } from './modules/follows';
import { SyncRunRepository } from './modules/sync-runs';
import { TimelineRepository } from './modules/timeline';
import { CorpTagRepository, TagLibraryService } from './modules/tags';
import { JsSdkService } from './modules/jssdk';
import { StaffRepository, StaffService } from './modules/staff';
import type { AppConfig } from './platform/config/config';
import type { Logger } from './platform/logging/logger';
import { QueueRepository, QueueWorker } from './platform/queue';

export interface UpstreamClients {
  wecom: WeComClient;
  miniProgram: MiniProgramClient;
}

/** One client per upstream, pointed at the real hosts or the sandbox by base URL alone. */
export function createUpstreamClients(
  config: AppConfig,
  logger: Logger,
  bases: { wecomApiBase: string; miniProgramApiBase: string },
  retry?: RetryPolicy,
): UpstreamClients {
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
  };
}

export interface ComposedServices extends AppServices {
  staff: StaffService;
  tagLibrary: TagLibraryService;
  contactSync: ContactSyncService;
  wecomEvents: QueueWorker;
  markTagOutbox: QueueWorker;
}

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
    writer: new ContactWriter(corpId, customers, follows, customerRepository, timeline),
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
  const customer360 = new Customer360Flow({
    access,
    tags: corpTags,
    staff,
    timeline,
    tagChanges: (viewer, externalUserId) => customerTags.recentChanges(viewer, externalUserId),
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
    contactSync,
    wecomEvents,
    customer360,
    customerTags,
    markTagOutbox,
    customerFollowUp: new CustomerFollowUpFlow({ corpId, access, follows, customers: customerRepository, timeline, staff }),
    wecomCallbacks: {
      crypto: new WeComCallbackCrypto({ token: config.wecom.callbackToken, encodingAesKey: config.wecom.callbackAesKey, receiveId: corpId }),
      inbox,
      worker: wecomEvents,
      log: logger,
    },
  };
}
