// `npm run bench:360 -w test`: issue 3's performance requirement. With 100k customers, 1M timeline entries and
// 50 salespeople logged in for real (sandbox OAuth), each salesperson asks for the 360 of customers they follow
// (GET /api/customers/by-external-userid/:id) in a closed loop; in the same run, a bare Koa endpoint answers the
// same JSON body. Rounds alternate, and the ratio to the same run's bare Koa is what to read.
//
// Engines: the embedded FerretDB on SQLite (default), or on PostgreSQL with BENCH_POSTGRESQL_URL (a superuser
// URL of an empty database), or MONGODB_URI. A throwaway PostgreSQL cluster (Debian's postgresql package):
//   mkdir /tmp/zpg && chown postgres /tmp/zpg
//   su postgres -c '/usr/lib/postgresql/15/bin/initdb -D /tmp/zpg/data -A trust -U postgres'
//   su postgres -c '/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/zpg/data -o "-p 55432 -k /tmp/zpg -c shared_buffers=1GB -c synchronous_commit=off" -w start'
//   psql -h 127.0.0.1 -p 55432 -U postgres -c 'create database bench360'
//   BENCH_POSTGRESQL_URL=postgres://postgres@127.0.0.1:55432/bench360 npm run bench:360 -w test
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import type { Connection } from 'mongoose';
import { completeStaffOAuth, sessionCookie } from '../../server/src/testing/staff-login';
import { machineLine, startBenchApp } from './bench-app';
import { runLoad, type LoadResult } from './load';
import { buildDataset, type SalesLogin } from './customer-360-data';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SALESPEOPLE = Number(process.env.BENCH_SALESPEOPLE ?? 50);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** Requests still unanswered this long after a round's end are counted as unfinished (the SQLite engine). */
const GRACE_MS = Number(process.env.BENCH_GRACE_MS ?? 30_000);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 50);

interface ProfileLoad extends LoadResult {
  unfinished: number;
}

async function listen(callback: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(callback);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

/** Closed loop like load.ts, but each client is one salesperson with their own cookie and customers. */
async function runProfiles(baseUrl: string, sales: SalesLogin[], durationMs: number, seed: number): Promise<ProfileLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sales.length });
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  let random = seed >>> 0;
  const next = (n: number) => ((random = (Math.imul(random, 1_664_525) + 1_013_904_223) >>> 0), random % n);
  const started = performance.now();
  const deadline = started + durationMs;
  const once = (person: SalesLogin) =>
    new Promise<void>((resolve) => {
      const externalUserId = person.externalUserIds[next(person.externalUserIds.length)]!;
      const t0 = performance.now();
      inFlight++;
      const req = http.get(`${baseUrl}/api/customers/by-external-userid/${externalUserId}`, { agent, headers: { cookie: person.cookie } }, (res) => {
        res.resume();
        res.on('end', () => {
          inFlight--;
          if (res.statusCode === 200) latencies.push(performance.now() - t0);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => (inFlight--, errors++, resolve()));
    });
  const clients = Promise.all(
    sales.map(async (person) => {
      while (performance.now() < deadline) await once(person);
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([clients, new Promise<void>((resolve) => (timer = setTimeout(resolve, durationMs + GRACE_MS)))]);
  clearTimeout(timer);
  const unfinished = inFlight;
  const seconds = (performance.now() - started) / 1000;
  const counted = latencies.slice().sort((a, b) => a - b);
  const failed = errors;
  // Unfinished requests still hold the server (and the engine's one connection): let them drain, uncounted,
  // so that they do not slow the next round.
  await clients;
  agent.destroy();
  const at = (q: number) => counted[Math.min(counted.length - 1, Math.floor(q * counted.length))] ?? NaN;
  return { requests: counted.length, errors: failed, unfinished, seconds, perSecond: counted.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** One request at a time: the latency without queueing, for comparison with the concurrent p50. */
async function sequential(baseUrl: string, sales: SalesLogin[], count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const person = sales[i % sales.length]!;
    const externalUserId = person.externalUserIds[(i * 7919) % person.externalUserIds.length]!;
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/customers/by-external-userid/${externalUserId}`, { headers: { cookie: person.cookie } });
    await res.arrayBuffer();
    if (res.status === 200) samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}

async function compact(connection: Connection): Promise<void> {
  // FerretDB's compact is VACUUM ANALYZE on PostgreSQL (fresh statistics after the bulk load, as autovacuum
  // would give a production database) and VACUUM on SQLite.
  for (const collection of ['customers', 'follows', 'timeline', 'sessions']) await connection.db!.command({ compact: collection });
}

const fmt = (r: LoadResult) => `${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  n=${r.requests} errors ${r.errors}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const { app, engineLabel, stop } = await startBenchApp('c360');
  console.log(machineLine(engineLabel));
  const data = await buildDataset(app, { customers: CUSTOMERS, events: EVENTS, salespeople: SALESPEOPLE }, (line) => console.log(line));
  const sales: SalesLogin[] = [];
  for (const person of data.salespeople) {
    sales.push({ ...person, cookie: sessionCookie((await completeStaffOAuth(app, person.userid)).callback) });
  }
  let t0 = performance.now();
  await compact(app.connection);
  console.log(`compact: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const zhike = await listen(app.callback);
  // The bare endpoint answers a real 360 body, so both sides pay the same serialisation and bytes.
  const sample = sales[0]!;
  t0 = performance.now();
  const first = await fetch(`${zhike.url}/api/customers/by-external-userid/${sample.externalUserIds[0]}`, { headers: { cookie: sample.cookie } });
  const body = await first.text();
  if (first.status !== 200) throw new Error(`360 answered ${first.status}: ${body}`);
  console.log(`first 360: ${(performance.now() - t0).toFixed(0)} ms, ${body.length} bytes`);
  const bare = new Koa();
  bare.use((ctx) => {
    ctx.type = 'application/json';
    ctx.body = body;
  });
  const baseline = await listen(bare.callback());

  const seq = await sequential(zhike.url, sales, SEQUENTIAL);
  console.log(`one at a time: p50 ${pct(seq, 0.5).toFixed(2)} ms  p99 ${pct(seq, 0.99).toFixed(2)} ms  (n=${seq.length})`);

  const results = { bare: [] as LoadResult[], profile: [] as ProfileLoad[] };
  for (let round = 1; round <= ROUNDS; round++) {
    results.bare.push(await runLoad({ url: `${baseline.url}/`, concurrency: sales.length, durationMs: DURATION_MS }));
    results.profile.push(await runProfiles(zhike.url, sales, DURATION_MS, round));
    const p = results.profile.at(-1)!;
    console.log(`round ${round}\n  bare Koa (same body)  ${fmt(results.bare.at(-1)!)}\n  GET 360               ${fmt(p)}  unfinished ${p.unfinished}`);
  }
  const bareRate = median(results.bare.map((r) => r.perSecond));
  const profileRate = median(results.profile.map((r) => r.perSecond));
  console.log(`\n${machineLine(engineLabel)}`);
  console.log(`data: ${data.summary}`);
  console.log(`${sales.length} salespeople (real sessions) in a closed loop, ${ROUNDS} rounds × ${DURATION_MS} ms each`);
  console.log(`median throughput: bare Koa ${bareRate.toFixed(0)} req/s, customer 360 ${profileRate.toFixed(1)} req/s → ${((100 * profileRate) / bareRate).toFixed(2)}% of bare (target ≥ 40%)`);
  console.log(`median p50 / p99: customer 360 ${median(results.profile.map((r) => r.p50Ms)).toFixed(1)} ms / ${median(results.profile.map((r) => r.p99Ms)).toFixed(1)} ms (target p99 < 50 ms)`);

  await zhike.close();
  await baseline.close();
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
