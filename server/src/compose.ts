import type { Connection } from 'mongoose';
import type { AppServices } from './app';
import { CustomerLoginFlow, StaffLoginFlow } from './flows/login';
import type { RetryPolicy } from './integrations/common/retry-policy';
import { MiniProgramClient } from './integrations/miniprogram';
import { WeComClient } from './integrations/wecom';
import { SessionRepository, SessionService, StaffOAuthService, sessionPrincipalResolver } from './modules/auth';
import { CustomerRepository, CustomerService } from './modules/customers';
import { JsSdkService } from './modules/jssdk';
import { StaffRepository, StaffService } from './modules/staff';
import type { AppConfig } from './platform/config/config';
import type { Logger } from './platform/logging/logger';

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
}

/** Repositories → services → flows, wired once. */
export function composeServices(connection: Connection, config: AppConfig, clients: UpstreamClients, oauthBase: string): ComposedServices {
  const sessionRepository = new SessionRepository(connection);
  const sessions = new SessionService(sessionRepository, {
    corpId: config.wecom.corpId,
    staffSessionHours: config.staffSessionHours,
    customerSessionDays: config.customerSessionDays,
  });
  const staff = new StaffService(new StaffRepository(connection), clients.wecom, { corpId: config.wecom.corpId, adminUserIds: config.wecom.adminUserIds });
  const customers = new CustomerService(new CustomerRepository(connection));
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
  };
}
