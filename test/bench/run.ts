// `npm run bench`: the foundation's hot path — an authenticated API call (session lookup + staff read on the
// database) — against a bare Koa endpoint answering the same JSON, measured in the same run.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import Koa from 'koa';
import { startEmbeddedEngine } from '../../server/src/platform/db/embedded-engine';
import { completeStaffOAuth, sessionCookie } from '../../server/src/testing/staff-login';
import { runLoad, type LoadResult } from './load';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function listen(callback: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(callback);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const fmt = (r: LoadResult) => `${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  errors ${r.errors}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-bench-'));
  const engine = process.env.MONGODB_URI ? undefined : await startEmbeddedEngine({ dataDir });
  process.env.ZHIKE_TEST_MONGODB_URI = process.env.MONGODB_URI ?? engine!.uri;
  // Imported after the URI is set: the test app opens its database from it.
  const { createTestApp } = await import('../../server/src/testing/test-app');
  const app = await createTestApp('bench', { LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const cookie = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);

  const bare = new Koa();
  const body = { staff: { id: 'x', corpId: 'wwzhikedemo000001', userid: 'lilei', name: '李雷', role: 'salesperson', departmentIds: [2] } };
  bare.use((ctx) => void (ctx.body = body));

  const zhike = await listen(app.callback);
  const baseline = await listen(bare.callback());
  const results = { bare: [] as LoadResult[], authed: [] as LoadResult[] };
  for (let round = 1; round <= ROUNDS; round++) {
    results.bare.push(await runLoad({ url: `${baseline.url}/`, concurrency: CONCURRENCY, durationMs: DURATION_MS }));
    results.authed.push(await runLoad({ url: `${zhike.url}/api/auth/me`, headers: { cookie }, concurrency: CONCURRENCY, durationMs: DURATION_MS }));
    console.log(`round ${round}\n  bare Koa          ${fmt(results.bare.at(-1)!)}\n  GET /api/auth/me  ${fmt(results.authed.at(-1)!)}`);
  }
  const bareRate = median(results.bare.map((r) => r.perSecond));
  const authedRate = median(results.authed.map((r) => r.perSecond));
  console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, database ${engine ? 'embedded FerretDB (SQLite)' : 'MONGODB_URI'}`);
  console.log(`concurrency ${CONCURRENCY}, ${ROUNDS} rounds × ${DURATION_MS} ms each`);
  console.log(`median throughput: bare Koa ${bareRate.toFixed(0)} req/s, authenticated /api/auth/me ${authedRate.toFixed(0)} req/s → ${((100 * authedRate) / bareRate).toFixed(1)}% of bare`);
  console.log(`median p99: authenticated ${median(results.authed.map((r) => r.p99Ms)).toFixed(2)} ms`);

  await zhike.close();
  await baseline.close();
  await app.close();
  await engine?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
