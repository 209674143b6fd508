// The analytics benchmark's fresh app start: a process of its own, over the benchmark's database, composed and
// served as the test app is (the same config, the sandbox upstreams of the parent process). Nothing has run in
// it when it prints `ready <port>`, so the first request it answers is a cold one: new connection, no cache
// filled, no code path warmed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../server/src/app';
import { composeServices, createUpstreamClients } from '../../server/src/compose';
import { SANDBOX_PATHS } from '../../server/src/integrations/sandbox/sandbox';
import { loadConfig } from '../../server/src/platform/config/config';
import { connectMongoose, ensureIndexes, pingDatabase } from '../../server/src/platform/db/database';
import { TEST_PUBLIC_URL } from '../../server/src/testing/test-app';

async function main(): Promise<void> {
  const { BENCH_ENGINE_URI: uri, BENCH_DB_NAME: dbName, BENCH_SANDBOX_URL: sandboxUrl } = process.env;
  if (!uri || !dbName || !sandboxUrl) throw new Error('BENCH_ENGINE_URI, BENCH_DB_NAME and BENCH_SANDBOX_URL are set by bench/analytics.ts');
  const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: TEST_PUBLIC_URL, LOG_LEVEL: 'silent', UPSTREAM_TIMEOUT_MS: '5000' });
  const logger = pino({ level: 'silent' });
  const connection = await connectMongoose(uri, dbName, { embedded: !process.env.MONGODB_URI });
  const clients = createUpstreamClients(config, logger, {
    wecomApiBase: sandboxUrl + SANDBOX_PATHS.wecom,
    miniProgramApiBase: sandboxUrl + SANDBOX_PATHS.wechat,
    wechatPayApiBase: sandboxUrl + SANDBOX_PATHS.wechatpay,
  });
  const services = composeServices(connection, config, clients, sandboxUrl + SANDBOX_PATHS.wecom, logger);
  await ensureIndexes(connection);
  const app = createApp({ config, logger, database: { ping: () => pingDatabase(connection) }, services });
  const server = http.createServer(app.koa.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void connection.close().finally(() => process.exit(0)));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
