import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('fan events: POST /api/events, the timeline and the intent score', () => {
  let app: TestApp;
  let lilei: string;
  let hanmeimei: string;
  const tokens: Record<string, string> = {};
  const login = async (openid: string) =>
    (await request(app.callback).post('/api/auth/miniprogram/login').send({ code: app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, openid) })).body.token as string;
  // The bookkeeping after an answer runs in the background; each check waits for it.
  const post = async (token: string, events: object[]) => {
    const response = await request(app.callback).post('/api/events').set('authorization', `Bearer ${token}`).send({ events });
    await app.services.fanActivity.settled();
    return response;
  };
  const customerIdOf = async (openid: string) => String((await app.connection.collection('customers').findOne({ 'identifiers.openid': openid }))!._id);
  const storedFor = async (openid: string) => app.connection.collection('fan_events').countDocuments({ customerId: await customerIdOf(openid) });
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
  let counter = 0;
  const event = (overrides: Record<string, unknown> = {}) => ({
    clientEventId: `evt-${String((counter += 1)).padStart(6, '0')}`,
    type: 'page_view',
    sessionId: 'session-0001',
    page: 'pages/product/detail',
    occurredAt: minutesAgo(1),
    target: { kind: 'product', id: 'p-serum', title: '精华护肤套装' },
    ...overrides,
  });
  const timelineOf = async (externalUserId: string) =>
    ((await request(app.callback).get(`/api/customers/by-external-userid/${externalUserId}`).set('cookie', lilei)).body.timeline as { kind: string; summary: string }[]).map((e) => `${e.kind} ${e.summary}`);

  beforeAll(async () => {
    app = await createTestApp('fanactivity');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
    lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
    hanmeimei = sessionCookie((await completeStaffOAuth(app, 'hanmeimei')).callback);
    for (const openid of ['o_demo_wang', 'o_demo_sun', 'o_demo_liu']) tokens[openid] = await login(openid);
  });
  afterAll(() => app.close());

  it('stores the valid events of a batch and answers every other one with its code; a resend changes nothing', async () => {
    const batch = [
      event({ clientEventId: 'evt-batch-0001' }),
      event({ clientEventId: 'evt-batch-0002', type: 'purchase' }),
      event({ clientEventId: 'evt-batch-0003', occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }),
      event({ clientEventId: 'evt-batch-0004', occurredAt: new Date(Date.now() - 8 * 86_400_000).toISOString() }),
      event({ clientEventId: 'evt-batch-0005', page: '' }),
      event({ clientEventId: 'evt-batch-0006', type: 'share', shareChannel: 'chat' }),
      event({ clientEventId: 'evt-batch-0006', type: 'tap' }), // the same id twice in one batch: the second is a duplicate
    ];
    const first = await post(tokens.o_demo_wang!, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      accepted: ['evt-batch-0001', 'evt-batch-0006'],
      duplicates: ['evt-batch-0006'],
      rejected: [
        { index: 1, clientEventId: 'evt-batch-0002', code: 'UNKNOWN_TYPE', reason: '未知的事件类型：purchase' },
        { index: 2, clientEventId: 'evt-batch-0003', code: 'IN_FUTURE', reason: expect.any(String) },
        { index: 3, clientEventId: 'evt-batch-0004', code: 'TOO_OLD', reason: expect.any(String) },
        { index: 4, clientEventId: 'evt-batch-0005', code: 'INVALID', reason: expect.stringMatching(/^page: /) },
      ],
    });
    expect(await storedFor('o_demo_wang')).toBe(2);
    const timelineAfterFirst = await timelineOf('wm_demo_wang');
    expect(timelineAfterFirst).toEqual(expect.arrayContaining(['page_viewed 浏览了《精华护肤套装》', 'content_shared 分享了《精华护肤套装》给好友']));

    const resent = await post(tokens.o_demo_wang!, batch);
    expect({ accepted: resent.body.accepted, duplicates: resent.body.duplicates, rejected: resent.body.rejected.length }).toEqual({
      accepted: [],
      duplicates: ['evt-batch-0001', 'evt-batch-0006', 'evt-batch-0006'],
      rejected: 4,
    });
    expect(await storedFor('o_demo_wang')).toBe(2);
    expect(await timelineOf('wm_demo_wang')).toEqual(timelineAfterFirst);
  });

  it('refuses a bad envelope as a whole and stores none of it', async () => {
    const before = await app.connection.collection('fan_events').countDocuments();
    const tooMany = await post(tokens.o_demo_wang!, Array.from({ length: 51 }, () => event()));
    expect([tooMany.status, tooMany.body.error.code, tooMany.body.error.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'body.events']);
    expect((await request(app.callback).post('/api/events').set('authorization', `Bearer ${tokens.o_demo_wang}`).send({ events: 'page_view' })).status).toBe(400);
    const huge = await post(tokens.o_demo_wang!, [event({ referrer: 'x'.repeat(300 * 1024) })]);
    expect([huge.status, huge.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await app.connection.collection('fan_events').countDocuments()).toBe(before);
  });

  it("writes to the caller's customer only: ids are per customer and no identity can ride in an event", async () => {
    expect((await request(app.callback).post('/api/events').send({ events: [event()] })).status).toBe(401);
    expect((await request(app.callback).post('/api/events').set('cookie', lilei).send({ events: [event()] })).status).toBe(403);
    const wangBefore = await storedFor('o_demo_wang');
    // 孙 sends an id 王 already used, and events that try to name someone else.
    const spoof = await post(tokens.o_demo_sun!, [
      event({ clientEventId: 'evt-batch-0001' }),
      event({ clientEventId: 'evt-spoof-0001', openid: 'o_demo_wang' }),
      event({ clientEventId: 'evt-spoof-0002', customerId: await customerIdOf('o_demo_wang') }),
    ]);
    expect(spoof.body.accepted).toEqual(['evt-batch-0001']);
    expect(spoof.body.rejected.map((r: { code: string; reason: string }) => [r.code, r.reason.split(':')[0]])).toEqual([
      ['INVALID', '(事件)'],
      ['INVALID', '(事件)'],
    ]);
    expect(await storedFor('o_demo_wang')).toBe(wangBefore);
    expect(await storedFor('o_demo_sun')).toBe(1);
  });

  it('keeps one browse line per product per half hour, updates last active, and explains the intent score', async () => {
    const sunBefore = (await timelineOf('wm_demo_sun')).filter((line) => line.startsWith('page_viewed')).length;
    await post(tokens.o_demo_sun!, [event({ target: { kind: 'product', id: 'p-perfume', title: '晨露香氛' }, occurredAt: minutesAgo(20) })]);
    await post(tokens.o_demo_sun!, [event({ target: { kind: 'product', id: 'p-perfume', title: '晨露香氛' }, occurredAt: minutesAgo(19) })]);
    await post(tokens.o_demo_sun!, [event({ type: 'page_leave', target: { kind: 'product', id: 'p-perfume', title: '晨露香氛' }, durationMs: 150_000, occurredAt: minutesAgo(17) })]);
    const lines = (await timelineOf('wm_demo_sun')).filter((line) => line.startsWith('page_viewed'));
    expect(lines.length - sunBefore).toBeLessThanOrEqual(1);
    expect(lines).toContain('page_viewed 浏览了《晨露香氛》');

    const view = await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun').set('cookie', lilei);
    expect(Date.now() - Date.parse(view.body.customer.lastActiveAt)).toBeLessThan(25 * 60_000);
    const intent = await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun/intent').set('cookie', lilei);
    expect(intent.status).toBe(200);
    // views 3 + 3 + 3 (the first test's evt-batch-0001 id), dwell 4, all minutes old: ≈ 13 engagement;
    // fit: follows 李雷 10 + unionid 8 = 18.
    expect(intent.body).toMatchObject({ engagement: 13, fit: 18, score: 31, level: '中', halfLifeDays: 7 });
    expect(intent.body.topContributors[0]).toMatchObject({ summary: '在《晨露香氛》停留了 150 秒', points: 4 });
    expect(view.body.intent).toEqual({ score: 31, level: '中' });
    expect((await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun/intent').set('cookie', hanmeimei)).status).toBe(404);
  });

  it('answers 429 with Retry-After past 20 batches in 10 s, per customer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await post(tokens.o_demo_liu!, [event({ type: 'tap', target: undefined })])).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await post(tokens.o_demo_liu!, [event()]);
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await post(tokens.o_demo_wang!, [event()])).status).toBe(200);
  });
});
