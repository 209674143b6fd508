import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app';
import { composeServices, createUpstreamClients } from './compose';
import { syncFromWeCom } from './flows/wecom-sync/sync-from-wecom';
import { emitSandboxCallbacks } from './integrations/sandbox/callback-emitter';
import { createSandbox, SANDBOX_PATHS } from './integrations/sandbox/sandbox';
import { fetchTransport } from './integrations/sandbox/wechatpay-sandbox-notifier';
import { seedDemoCatalog } from './demo/demo-catalog.seed';
import { startOrderUpkeep } from './flows/orders/order-upkeep';
import { seedDemoCommerce } from './demo/demo-commerce.seed';
import { seedDemoContent } from './demo/demo-content.seed';
import { addDemoHistoryContacts, seedDemoHistory } from './demo/demo-history.seed';
import { seedDemoFanActivity } from './flows/fan-activity';
import { CatalogRepository } from './modules/catalog';
import { FollowRepository } from './modules/follows';
import { TimelineRepository } from './modules/timeline';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/config';
import { ensureIndexes, openDatabase } from './platform/db/database';
import type { StaticMount } from './platform/http/static-files';
import { createLogger } from './platform/logging/logger';
import { findRepoRoot } from './platform/repo-root';

const WECOM_SYNC_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** Inbox and outbox messages are handled as they arrive; the poll picks up retries and what a crash left behind. */
const QUEUE_POLL_MS = 30_000;
/** Closing timed-out orders and reconciling lost payment notifications. */
const ORDER_UPKEEP_MS = 60_000;
/** WeCom hands a departed salesperson's customer over after 24 hours: checking every few minutes is plenty. */
const TRANSFER_POLL_MS = 5 * 60_000;
/** Rotation codes follow working hours to the minute. */
const ROTATION_POLL_MS = 60_000;
const DEMO_BRIDGE_TAG = '<script src="/demo-bridge/wecom-client-bridge.js"></script>';

/** The built front ends; in demo mode the sidebar page also gets the simulated WeCom client. */
function staticMounts(config: AppConfig, repoRoot: string): StaticMount[] {
  const sidebarDist = path.join(repoRoot, 'sidebar', 'dist');
  const demo = config.mode === 'demo';
  const mounts: StaticMount[] = [
    {
      prefix: '/',
      root: sidebarDist,
      // The bridge must run before the WeCom SDK loads, so it goes first in <head>; never in production.
      transformHtml: (html, urlPath) => (demo && urlPath.startsWith('/sidebar/') ? html.replace(/<head>/i, `<head>${DEMO_BRIDGE_TAG}`) : html),
    },
    { prefix: '/mp/', root: path.join(repoRoot, 'miniprogram', 'dist', 'h5') },
  ];
  if (demo) mounts.unshift({ prefix: '/demo-bridge/', root: path.join(repoRoot, 'sidebar', 'demo-bridge') });
  for (const mount of mounts) {
    if (!fs.existsSync(mount.root)) console.warn(`[zhike] ${path.relative(repoRoot, mount.root)} is missing: run \`npm run build\` to serve it`);
  }
  return mounts;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  const repoRoot = findRepoRoot();
  const database = await openDatabase({
    uri: config.database.uri,
    dbName: config.database.dbName,
    dataDir: path.resolve(repoRoot, config.database.dataDir),
    log: (line) => logger.info(line),
  });

  // Listen first: in demo mode the upstream clients talk to this very server's sandbox, on its real port.
  // Until the app is composed, requests get a 503 instead of hanging on a socket nobody answers.
  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
    res.end(JSON.stringify({ error: { code: 'SERVICE_STARTING', message: '服务正在启动，请稍后重试', details: [] } }));
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  if (config.mode === 'demo' && !process.env.PUBLIC_URL) config = { ...config, port, publicUrl: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}` };

  const demo = config.mode === 'demo';
  const loopback = `http://127.0.0.1:${port}`;
  const sandbox = demo ? createSandbox({ trustedHosts: () => [new URL(config.publicUrl).host, `127.0.0.1:${port}`, `localhost:${port}`], publicUrl: () => config.publicUrl }) : undefined;
  const clients = createUpstreamClients(config, logger, {
    wecomApiBase: demo ? loopback + SANDBOX_PATHS.wecom : config.wecom.apiBase,
    miniProgramApiBase: demo ? loopback + SANDBOX_PATHS.wechat : config.miniProgram.apiBase,
    wechatPayApiBase: demo ? loopback + SANDBOX_PATHS.wechatpay : config.wechatPay.apiBase,
  });
  const services = composeServices(database.connection, config, clients, demo ? config.publicUrl + SANDBOX_PATHS.wecom : config.wecom.oauthBase, logger);
  await ensureIndexes(database.connection);
  const app = createApp({ config, logger, database, services, sandbox, staticMounts: staticMounts(config, repoRoot) });
  handle = app.koa.callback();

  services.wecomEvents.start(QUEUE_POLL_MS);
  services.markTagOutbox.start(QUEUE_POLL_MS);
  services.resignedTransferOutbox.start(QUEUE_POLL_MS);
  services.transferProgress.start(TRANSFER_POLL_MS);
  services.channelRotation.start(ROTATION_POLL_MS);
  startOrderUpkeep(services.orders, logger, ORDER_UPKEEP_MS);
  services.analyticsSnapshotJob.start();
  if (sandbox) {
    emitSandboxCallbacks({
      contacts: sandbox.wecom.contacts,
      crypto: services.wecomCallbacks.crypto,
      corpId: config.wecom.corpId,
      agentId: config.wecom.agentId,
      callbackUrl: () => `${loopback}/api/wecom/callbacks`,
      now: () => sandbox.clock.now(),
    });
    // WeChat Pay notifications to our public origin take the loopback, as WeCom callbacks do.
    const notifyBase = config.wechatPay.notifyBase;
    sandbox.wechatPay.useNotificationTransport((url, delivery) => fetchTransport(url.startsWith(`${notifyBase}/`) ? loopback + url.slice(notifyBase.length) : url, delivery));
    // The last weeks' customers join the sandbox WeCom before the sync imports it.
    const historyAddedAt = await addDemoHistoryContacts(sandbox.world, new FollowRepository(database.connection), config.wecom.corpId);
    const seeded = await syncFromWeCom(services);
    const admin = config.wecom.adminUserIds[0];
    const content = admin ? await seedDemoContent(services, { corpId: config.wecom.corpId, userid: admin, role: 'admin' }) : undefined;
    const catalog = await seedDemoCatalog({ corpId: config.wecom.corpId, catalog: new CatalogRepository(database.connection), assets: services.assets });
    const fanActivity = await seedDemoFanActivity(services);
    const commerce = await seedDemoCommerce(services, sandbox, config.wecom.corpId);
    const history = await seedDemoHistory(services, sandbox, { corpId: config.wecom.corpId, timeline: new TimelineRepository(database.connection), addedAt: historyAddedAt });
    // The history's older browsing went straight to the timeline: recompute the analytics from the raw records, then the snapshot.
    const analytics = await services.analytics.rebuild();
    const snapshot = await services.analyticsSnapshotJob.refresh();
    logger.info({ ...seeded, content, catalog, fanActivity, commerce, history, analytics, snapshot }, 'demo data ready');
  } else {
    // Staff, tags and customers come from WeCom: import them now and every few hours, which also repairs
    // anything a missed callback left behind (logins and callbacks keep them current in between).
    let syncing = false; // a slow sync is not started again on top of itself
    const syncEverything = () => {
      if (syncing) return;
      syncing = true;
      syncFromWeCom(services)
        .then(
          (result) => logger.info(result, 'WeCom directory, tags and contacts synced'),
          (error) => logger.error({ err: error }, 'WeCom sync failed'),
        )
        .finally(() => (syncing = false));
    };
    syncEverything();
    setInterval(syncEverything, WECOM_SYNC_INTERVAL_MS).unref();
    // After an upgrade that changed how analytics are stored, the dashboards read nothing until a rebuild.
    services.rebuildOutdatedAnalytics().then(
      (summary) => summary && logger.info(summary, 'analytics rebuilt after an upgrade'),
      (error: unknown) => logger.error({ err: error }, 'analytics rebuild after an upgrade failed (POST /api/admin/analytics/rebuild retries it)'),
    );
  }
  logger.info({ url: config.publicUrl, mode: config.mode, database: database.engine }, 'zhike listening');
  if (demo) console.log(`\n  知客 Zhike demo: ${config.publicUrl}/demo/\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(async () => {
      await database.close().catch((error) => logger.error({ err: error }, 'database close failed'));
      clearTimeout(force);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
