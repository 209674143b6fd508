import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { completeStaffOAuth, sessionCookie } from '../../server/src/testing/staff-login';
import { machineLine, startBenchApp } from './bench-app';

/**
 * Fan-event ingestion: sustained events/s through the app (HTTP, customer sessions, validation, dedupe,
 * last-active, intent rollup, timeline, live bus) against a raw unordered insertMany of the same documents
 * in the same run; then the latency from POST /api/events to the `viewing` event on an SSE stream.
 */
const CLIENTS = 200;
const BATCH = 50;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 15) * 1000;
const TARGETS = ['精华护肤套装', '晨露香氛', '水润保湿面膜', '修护手霜礼盒'].map((title, i) => ({ kind: 'product', id: `p${i + 1}`, title }));
const TYPES = ['page_view', 'page_view', 'page_view', 'page_leave', 'page_leave', 'tap', 'tap', 'exposure', 'exposure', 'share'] as const;

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 10 });

function send(base: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function batchOf(client: number, serial: number) {
  const now = Date.now();
  return Array.from({ length: BATCH }, (_, i) => {
    const type = TYPES[(serial + i) % TYPES.length]!;
    return {
      clientEventId: `c${client}-b${serial}-e${i}`,
      type,
      sessionId: `session-${client}`,
      page: 'pages/product/detail',
      occurredAt: new Date(now - (BATCH - i) * 1000).toISOString(),
      target: TARGETS[(client + i) % TARGETS.length],
      ...(type === 'page_leave' ? { durationMs: 45_000 } : {}),
      ...(type === 'share' ? { shareChannel: 'chat' } : {}),
    };
  });
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function main() {
  const { app, engineLabel, stop } = await startBenchApp('ingestion');
  const server = http.createServer(app.callback);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await app.services.staff.syncDirectory();
  await app.services.contactSync.fullSync();

  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const customer = await app.services.customers.observe({ openid: `o_bench_${String(i).padStart(4, '0')}`, source: 'bench' });
    tokens.push((await app.services.sessions.startCustomerSession(customer.id)).token);
  }

  // 1. Through the app: 200 clients in a closed loop, batches of 50, for DURATION_MS.
  const sentDocs: { client: number; serial: number }[] = [];
  let accepted = 0;
  let limited = 0;
  let failed = 0;
  const appStart = performance.now();
  const deadline = appStart + DURATION_MS;
  await Promise.all(
    tokens.map(async (token, client) => {
      for (let serial = 0; performance.now() < deadline; serial++) {
        const res = await send(base, '/api/events', { authorization: `Bearer ${token}` }, JSON.stringify({ events: batchOf(client, serial) }));
        if (res.status === 200) {
          accepted += (JSON.parse(res.text) as { accepted: string[] }).accepted.length;
          sentDocs.push({ client, serial });
        } else if (res.status === 429) {
          limited += 1;
          await new Promise((resolve) => setTimeout(resolve, 250));
        } else failed += 1;
      }
    }),
  );
  const appSeconds = (performance.now() - appStart) / 1000;
  const appRate = accepted / appSeconds;
  // The answers do not wait for the bookkeeping (last active, score, timeline): count the time until it caught up too.
  await app.services.fanActivity.settled();
  const completeSeconds = (performance.now() - appStart) / 1000;
  const completeRate = accepted / completeSeconds;

  console.error(`[bench] app phase: ${accepted} events in ${appSeconds.toFixed(1)} s`);
  // 2. Raw: the same number of documents, same shape and unique index, unordered insertMany from 200 concurrent writers.
  const raw = app.connection.collection('bench_raw_events');
  await raw.createIndex({ customerId: 1, clientEventId: 1 }, { unique: true });
  const queue = [...sentDocs];
  const rawStart = performance.now();
  let rawInserted = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const receivedAt = new Date();
        const documents = batchOf(next.client, next.serial).map((e) => ({ ...e, customerId: `bench-${next!.client}`, occurredAt: new Date(e.occurredAt), receivedAt }));
        await raw.insertMany(documents, { ordered: false });
      }
    }),
  );
  const rawSeconds = (performance.now() - rawStart) / 1000;
  rawInserted = await raw.countDocuments();
  const rawRate = rawInserted / rawSeconds;
  console.error(`[bench] raw phase: ${rawInserted} documents in ${rawSeconds.toFixed(1)} s`);

  // 3. Signal latency: 王's view reaches 李雷's SSE stream.
  const lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
  const wang = await app.services.customers.observe({ openid: 'o_demo_wang', unionid: 'u_demo_wang', source: 'bench' });
  const wangToken = (await app.services.sessions.startCustomerSession(wang.id)).token;
  const waiting = new Map<string, (at: number) => void>();
  const stream = await new Promise<http.ClientRequest>((resolve) => {
    const req = http.get(`${base}/api/live/customers/by-external-userid/wm_demo_wang`, { headers: { cookie: lilei } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const match of chunk.matchAll(/event: viewing\ndata: (.+)\n/g)) waiting.get((JSON.parse(match[1]!) as { title: string }).title)?.(performance.now());
      });
      resolve(req);
    });
  });
  const probe = async (samples: number, label: string) => {
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const title = `${label}-${i}`;
      const start = performance.now();
      // A signal that never comes counts as 5 s (and is reported), so a lost event cannot hang the run.
      const arrived = new Promise<number>((resolve) => {
        waiting.set(title, resolve);
        setTimeout(() => resolve(start + 5_000), 5_000).unref();
      });
      const event = { clientEventId: `latency-${label}-${i}`, type: 'page_view', sessionId: 'session-latency', page: 'pages/product/detail', occurredAt: new Date().toISOString(), target: { kind: 'product', id: 'p1', title } };
      await send(base, '/api/events', { authorization: `Bearer ${wangToken}` }, JSON.stringify({ events: [event] }));
      latencies.push((await arrived) - start);
      await new Promise((resolve) => setTimeout(resolve, 550)); // under the 2 batches/s per customer sustained
    }
    return latencies;
  };
  const idle = await probe(30, 'idle');
  console.error(`[bench] idle latency done`);
  // Under load: 199 clients keep ingesting while 王's views are timed.
  let loadOn = true;
  const loadTokens = tokens.slice(1);
  const load = Promise.all(
    loadTokens.map(async (token, client) => {
      for (let serial = 100_000; loadOn; serial++) {
        const res = await send(base, '/api/events', { authorization: `Bearer ${token}` }, JSON.stringify({ events: batchOf(client, serial) }));
        if (res.status === 429) await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }),
  );
  const loaded = await probe(10, 'load');
  loadOn = false;
  await load;
  stream.destroy();

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log('\nFan-event ingestion (POST /api/events, batches of 50, 200 concurrent clients with sessions)');
  console.log(`  through the app: ${Math.round(appRate)} events/s (${accepted} events in ${appSeconds.toFixed(1)} s; 429: ${limited}, other failures: ${failed})`);
  console.log(`  raw insertMany:  ${Math.round(rawRate)} events/s (${rawInserted} documents in ${rawSeconds.toFixed(1)} s)`);
  console.log(`  ratio: ${((appRate / rawRate) * 100).toFixed(0)}% of raw (target ≥ 50%)`);
  console.log(`  with the bookkeeping caught up: ${Math.round(completeRate)} events/s (${completeSeconds.toFixed(1)} s), ${((completeRate / rawRate) * 100).toFixed(0)}% of raw`);
  console.log(`  signal latency, POST → SSE viewing, idle:       p50 ${ms(percentile(idle, 50))}, p99 ${ms(percentile(idle, 99))} (${idle.length} samples)`);
  console.log(`  signal latency, POST → SSE viewing, under load: p50 ${ms(percentile(loaded, 50))}, p99 ${ms(percentile(loaded, 99))} (${loaded.length} samples)`);
  console.log(`  ${machineLine(engineLabel)}`);
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
