import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { InProcessLiveBus } from '../../modules/live';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

/** Retries an assertion until it holds (work the server finishes after answering). */
async function until(assertion: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

interface OpenStream {
  status: number;
  events: { event: string; data: unknown }[];
  raw: () => string;
  close(): void;
}

describe('live signal: GET /api/live/customers/by-external-userid/:externalUserId (SSE)', () => {
  let app: TestApp;
  let server: http.Server;
  let base: string;
  let lilei: string;
  let hanmeimei: string;
  let wangToken: string;
  const path = (externalUserId: string) => `/api/live/customers/by-external-userid/${externalUserId}`;

  /** Opens a real streaming connection (supertest would wait for the end of a response that never ends). */
  const open = (externalUserId: string, cookie: string): Promise<OpenStream> =>
    new Promise((resolve, reject) => {
      const req = http.get(`${base}${path(externalUserId)}`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
        let text = '';
        const events: OpenStream['events'] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (const block of chunk.split('\n\n')) {
            const event = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        });
        resolve({ status: res.statusCode ?? 0, events, raw: () => text, close: () => req.destroy() });
      });
      req.on('error', reject);
    });

  beforeAll(async () => {
    app = await createTestApp('livesignal');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
    lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
    hanmeimei = sessionCookie((await completeStaffOAuth(app, 'hanmeimei')).callback);
    wangToken = (await request(app.callback).post('/api/auth/miniprogram/login').send({ code: app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, 'o_demo_wang') })).body.token;
    server = http.createServer(app.callback);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
    await app.close();
  });

  it('refuses without a session (401) and outside the data scope (404, as for nobody), before any stream opens', async () => {
    expect((await request(app.callback).get(path('wm_demo_wang'))).status).toBe(401);
    const foreign = await request(app.callback).get(path('wm_demo_wang')).set('cookie', hanmeimei);
    const nobody = await request(app.callback).get(path('wm_nobody_at_all')).set('cookie', hanmeimei);
    expect([foreign.status, foreign.headers['content-type']]).toEqual([404, expect.stringContaining('application/json')]);
    expect(foreign.body.error).toEqual({ ...nobody.body.error, requestId: foreign.body.error.requestId });
  });

  it('pushes `viewing` and the new timeline entry when the customer views a product, then cleans up on close', async () => {
    const stream = await open('wm_demo_wang', lilei);
    expect(stream.status).toBe(200);
    await until(() => expect(stream.raw()).toContain(': connected'));
    const wangId = String((await app.connection.collection('customers').findOne({ 'identifiers.openid': 'o_demo_wang' }))!._id);
    const bus = app.services.liveBus as InProcessLiveBus;
    expect(bus.subscriberCount(wangId)).toBe(1);

    const occurredAt = new Date().toISOString();
    const posted = await request(app.callback)
      .post('/api/events')
      .set('authorization', `Bearer ${wangToken}`)
      .send({ events: [{ clientEventId: 'evt-live-00001', type: 'page_view', sessionId: 'session-live1', page: 'pages/product/detail', occurredAt, target: { kind: 'product', id: 'p-serum', title: '精华护肤套装' } }] });
    expect(posted.body.accepted).toEqual(['evt-live-00001']);
    await until(() => expect(stream.events.map((e) => e.event).sort()).toEqual(['timeline', 'viewing']));
    expect(stream.events.find((e) => e.event === 'viewing')!.data).toEqual({ title: '精华护肤套装', page: 'pages/product/detail', at: occurredAt });
    expect(stream.events.find((e) => e.event === 'timeline')!.data).toEqual({
      entry: { id: expect.any(String), kind: 'page_viewed', at: occurredAt, summary: '浏览了《精华护肤套装》' },
    });

    stream.close();
    await until(() => expect(bus.subscriberCount(wangId)).toBe(0));
  });
});
