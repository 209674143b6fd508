import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import pino from 'pino';
import request from 'supertest';
import { createApp, type ZhikeApp } from '../app';
import { composeServices, createUpstreamClients, type ComposedServices, type UpstreamClients } from '../compose';
import { createSandbox, SANDBOX_PATHS, type Sandbox } from '../integrations/sandbox/sandbox';
import { fetchTransport, type NotificationTransport } from '../integrations/sandbox/wechatpay-sandbox-notifier';
import { loadConfig, type AppConfig } from '../platform/config/config';
import { ensureIndexes, pingDatabase } from '../platform/db/database';
import { openTestDatabase } from './test-database';

/** The public origin tests pretend to be served from (OAuth redirects and JS-SDK URLs use it). */
export const TEST_PUBLIC_URL = 'http://zhike.test';

export interface TestApp extends ZhikeApp {
  config: AppConfig;
  sandbox: Sandbox;
  sandboxUrl: string;
  services: ComposedServices;
  clients: UpstreamClients;
  connection: Awaited<ReturnType<typeof openTestDatabase>>['connection'];
  callback: http.RequestListener;
  close(): Promise<void>;
}

/** Starts the sandbox upstreams on a loopback port, for clients that must reach them over real HTTP. */
export async function startSandboxServer(trustedHosts: string[]): Promise<{ sandbox: Sandbox; url: string; close(): Promise<void> }> {
  // WeChat Pay's retry schedule at 1/1000 (15 s → 15 ms); refunds stay PROCESSING until a test settles them.
  const sandbox = createSandbox({ trustedHosts: () => trustedHosts, wechatPay: { notifyScheduleScale: 0.001, notifyTimeoutMs: 2_000, refundSettleDelayMs: null } });
  const koa = new Koa();
  koa.use(bodyParser({ enableTypes: ['json'] }));
  for (const router of sandbox.routers) koa.use(router.routes());
  const server = http.createServer(koa.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sandbox,
    url,
    // Keep-alive sockets from the clients' fetch would otherwise hold the server (and jest) open.
    close: () => {
      sandbox.wechatPay.stop();
      return new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
    },
  };
}

/** WeChat Pay notifications to TEST_PUBLIC_URL go into the app's callback (the test app does not listen). */
export function notificationsInto(callback: http.RequestListener): NotificationTransport {
  return async (url, delivery) => {
    if (!url.startsWith(`${TEST_PUBLIC_URL}/`)) return fetchTransport(url, delivery);
    try {
      const response = await request(callback).post(url.slice(TEST_PUBLIC_URL.length)).set(delivery.headers).send(delivery.body).timeout(delivery.timeoutMs);
      return response.status;
    } catch (error) {
      return (error as { timeout?: number }).timeout ? 'timeout' : 'unreachable';
    }
  };
}

/** The real app over a fresh database and the sandbox upstreams; retries are fast so error paths stay quick. */
export async function createTestApp(label: string, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: TEST_PUBLIC_URL, LOG_LEVEL: 'silent', UPSTREAM_TIMEOUT_MS: '5000', ...env });
  const logger = pino({ level: 'silent' });
  const db = await openTestDatabase(label);
  const upstream = await startSandboxServer([new URL(TEST_PUBLIC_URL).host]);
  const clients = createUpstreamClients(
    config,
    logger,
    { wecomApiBase: upstream.url + SANDBOX_PATHS.wecom, miniProgramApiBase: upstream.url + SANDBOX_PATHS.wechat, wechatPayApiBase: upstream.url + SANDBOX_PATHS.wechatpay },
    { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  );
  const services = composeServices(db.connection, config, clients, upstream.url + SANDBOX_PATHS.wecom, logger);
  await ensureIndexes(db.connection);
  const app = createApp({ config, logger, database: { ping: () => pingDatabase(db.connection) }, services });
  upstream.sandbox.wechatPay.useNotificationTransport(notificationsInto(app.koa.callback()));
  return {
    ...app,
    config,
    sandbox: upstream.sandbox,
    sandboxUrl: upstream.url,
    services,
    clients,
    connection: db.connection,
    callback: app.koa.callback(),
    close: async () => {
      await upstream.close();
      await db.drop();
    },
  };
}
