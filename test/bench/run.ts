// `npm run bench`: the foundation's hot path — an authenticated API call (session lookup + staff read on the
// database) — against a bare Koa endpoint answering the same JSON, measured in the same run.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { completeStaffOAuth, sessionCookie } from '../../server/src/testing/staff-login';
import { machineLine, startBenchApp } from './bench-app';
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
  const { app, engineLabel, stop } = await startBenchApp('api');
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
  console.log(`\n${machineLine(engineLabel)}`);
  console.log(`concurrency ${CONCURRENCY}, ${ROUNDS} rounds × ${DURATION_MS} ms each`);
  console.log(`median throughput: bare Koa ${bareRate.toFixed(0)} req/s, authenticated /api/auth/me ${authedRate.toFixed(0)} req/s → ${((100 * authedRate) / bareRate).toFixed(1)}% of bare`);
  console.log(`median p99: authenticated ${median(results.authed.map((r) => r.p99Ms)).toFixed(2)} ms`);

  await zhike.close();
  await baseline.close();
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
