import request from 'supertest';
import { decodeQr } from '../../integrations/sandbox/decode-qr.testing';
import { buildCallbackEventXml, type WeComSupportedCallbackEvent } from '../../integrations/wecom/callback-events';
import { eventually } from '../../testing/eventually';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { receiveSandboxCallbacks } from '../../testing/sandbox-callbacks';
import { createTestApp, type TestApp } from '../../testing/test-app';

const SEND_WELCOME = '/cgi-bin/externalcontact/send_welcome_msg';
const ADD_CONTACT_WAY = '/cgi-bin/externalcontact/add_contact_way';

describe('渠道活码: channels, the add callback, welcome messages and statistics', () => {
  let app: TestApp;
  let stopReceiving: () => Promise<void>;
  const delivered: WeComSupportedCallbackEvent[] = [];
  const cookies: Record<string, string> = {};
  const as = (userid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
    post: (path: string, body: object = {}) => request(app.callback).post(path).set('cookie', cookies[userid]!).send(body),
    put: (path: string, body: object) => request(app.callback).put(path).set('cookie', cookies[userid]!).send(body),
    delete: (path: string) => request(app.callback).delete(path).set('cookie', cookies[userid]!),
  });
  const admin = () => as('chenjing');
  const collection = (name: string) => app.connection.collection(name);
  const contactWays = () => app.sandbox.wecom.contacts.contactWays;
  const welcomeOf = (externalUserId: string) => eventually(async () => (await collection('channel_welcomes').findOne({ externalUserId, status: { $ne: 'sending' } })) ?? null);
  const greetings = (externalUserId: string) => contactWays().welcomeMessagesFor(externalUserId);
  const scan = (configId: string, externalUserId: string, name: string, unionid?: string) =>
    contactWays().scan(configId, { externalUserId, name, type: 1, ...(unionid ? { unionid } : {}) });

  const spring = {
    name: '春季活动',
    group: '线下活动',
    assignment: { mode: 'single', userid: 'lilei' },
    tagIds: ['et_source_event'],
    welcome: { text: '{{客户称呼}}您好，我是{{销售姓名}}，欢迎来到春季活动' },
  };
  let springChannel: { id: string; configId: string; state: string; version: number; qrUrl: string };

  beforeAll(async () => {
    app = await createTestApp('channels');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    stopReceiving = await receiveSandboxCallbacks(app, ({ event, status }) => void (status === 200 && delivered.push(event)));
    for (const userid of ['chenjing', 'lilei']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(async () => {
    await stopReceiving();
    await app.close();
  });

  it('lets only admins manage channels', async () => {
    expect((await as('lilei').get('/api/channels')).status).toBe(403);
    const refused = await as('lilei').post('/api/channels', spring);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with the fields named, before anything is created upstream or saved', async () => {
    const upstreamBefore = app.sandbox.wecom.callsTo(ADD_CONTACT_WAY);
    const cases: [object, string][] = [
      [{ ...spring, assignment: { mode: 'single', userid: 'nobody' } }, 'body.assignment.userid'],
      [{ ...spring, assignment: { mode: 'rotation', members: [] } }, 'body.assignment.members'],
      [{ ...spring, name: '名'.repeat(31) }, 'body.name'],
      [{ ...spring, tagIds: ['et_no_such_tag'] }, 'body.tagIds.0'],
      [{ ...spring, welcome: { text: '好'.repeat(1400) } }, 'body.welcome.text'],
      [{ ...spring, welcome: { text: '{{生日}}快乐' } }, 'body.welcome.text'],
      [{ ...spring, assignment: { mode: 'rotation', members: [{ userid: 'lilei', workingHours: { start: '18:00', end: '09:00' } }] } }, 'body.assignment.members.0.workingHours.end'],
    ];
    for (const [body, field] of cases) {
      const res = await admin().post('/api/channels', body);
      expect({ field, status: res.status, code: res.body.error?.code }).toEqual({ field, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(app.sandbox.wecom.callsTo(ADD_CONTACT_WAY)).toBe(upstreamBefore);
    expect(await collection('channels').countDocuments()).toBe(0);
  });

  it('saves nothing when WeCom refuses the contact-me config', async () => {
    app.sandbox.wecom.faults.inject(ADD_CONTACT_WAY, { kind: 'errcode', errcode: 40058, errmsg: 'invalid state' });
    const res = await admin().post('/api/channels', spring);
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('UPSTREAM_REJECTED');
    expect(await collection('channels').countDocuments()).toBe(0);
  });

  it('creates the code upstream with a state of its own, and serves its QR and a print poster', async () => {
    const res = await admin().post('/api/channels', spring);
    expect(res.status).toBe(201);
    springChannel = res.body.channel;
    expect(res.body.channel).toMatchObject({ name: '春季活动', kind: 'channel', status: 'active', currentUsers: ['lilei'], adds: 0 });
    expect(springChannel.state).toMatch(/^ch_[A-Za-z0-9]{10}$/);
    expect(contactWays().find(springChannel.configId)).toMatchObject({ type: 1, scene: 2, state: springChannel.state, user: ['lilei'], skipVerify: true });

    const qr = await admin().get(`/api/channels/${springChannel.id}/qr.png`).buffer(true);
    expect(qr.headers['content-type']).toBe('image/png');
    expect((await decodeQr(qr.body as Buffer)).text).toMatch(new RegExp(`/sandbox/demo/contact-ways/${springChannel.configId}$`));
    expect(springChannel.qrUrl).toMatch(/^http:\/\/zhike\.test\/files\/[a-f0-9]{32}$/);
    const poster = await admin().get(`/api/channels/${springChannel.id}/poster.png`).buffer(true);
    expect(await decodeQr(poster.body as Buffer)).toMatchObject({ width: 1240, height: 1754, text: expect.stringContaining(springChannel.configId) });
  });

  it('on add: greets within the 20 s, records the first touch, and tags through the outbox', async () => {
    const scanned = Date.now();
    scan(springChannel.configId, 'wm_ch_zhao', '赵丽', 'u_demo_zhao');
    const welcome = await welcomeOf('wm_ch_zhao');
    expect(welcome).toMatchObject({ status: 'sent', userid: 'lilei', channelId: springChannel.id });
    expect(welcome.latencyMs).toBeLessThan(20_000);
    console.info(`welcome sent ${Date.now() - scanned} ms after the scan (latency recorded from the event's CreateTime: ${welcome.latencyMs} ms)`);
    expect(greetings('wm_ch_zhao').map((m) => m.text)).toEqual(['赵丽您好，我是李雷，欢迎来到春季活动']);

    const customer = await eventually(() => collection('customers').findOne({ 'identifiers.externalUserIds': 'wm_ch_zhao' }));
    await eventually(() => collection('channel_first_touches').findOne({ customerId: customer._id.toString(), channelId: springChannel.id }));
    const tagged = await eventually(async () => ((await collection('follows').findOne({ externalUserId: 'wm_ch_zhao', userid: 'lilei' }))?.wecomTagIds?.includes('et_source_event') ? true : null));
    expect(tagged).toBe(true);
    await eventually(async () => app.sandbox.wecom.contacts.contactState('wm_ch_zhao')?.follows[0]?.tagIds.includes('et_source_event') || null);

    const profile = await as('lilei').get('/api/customers/by-external-userid/wm_ch_zhao');
    expect(profile.body.firstTouch).toMatchObject({ userid: 'lilei', channel: '春季活动' });
    expect(profile.body.tags.map((t: { tagId: string }) => t.tagId)).toContain('et_source_event');
  });

  it('never greets twice: a redelivered callback, or another event carrying the same code', async () => {
    const original = delivered.find((e) => e.event === 'change_external_contact' && e.externalUserId === 'wm_ch_zhao' && e.changeType === 'add_external_contact')!;
    const sendsBefore = app.sandbox.wecom.callsTo(SEND_WELCOME);
    const post = async (event: WeComSupportedCallbackEvent) => {
      const sealed = app.services.wecomCallbacks.crypto.seal(buildCallbackEventXml(event));
      return request(app.callback).post('/api/wecom/callbacks').query(sealed.query).set('content-type', 'text/xml').send(sealed.body);
    };
    expect((await post(original)).text).toBe('success'); // same key: acknowledged, not stored again
    const twin = { ...original, createTime: original.createTime + 1 }; // a new inbox key, the same WelcomeCode
    expect((await post(twin)).text).toBe('success');
    await eventually(async () => (await collection('inbox').countDocuments({ key: { $regex: 'wm_ch_zhao' }, processedAt: { $exists: false } })) === 0 || null);
    expect(app.sandbox.wecom.callsTo(SEND_WELCOME)).toBe(sendsBefore);
    expect(greetings('wm_ch_zhao')).toHaveLength(1);
    expect(await collection('channel_adds').countDocuments({ channelId: springChannel.id })).toBe(2); // two distinct add events
  });

  it('records a welcome whose code lapsed as missed, without retrying', async () => {
    scan(springChannel.configId, 'wm_ch_late', '晚到的客户');
    app.sandbox.clock.advance(21_000); // the code's 20 s pass before Zhike gets to it
    const welcome = await welcomeOf('wm_ch_late');
    expect(welcome.status).toBe('missed');
    expect(welcome.reason).toContain('41050');
    expect(greetings('wm_ch_late')).toEqual([]);
    const message = await eventually(() => collection('inbox').findOne({ key: { $regex: 'add_external_contact:lilei:wm_ch_late' }, processedAt: { $exists: true } }));
    expect(message.attempts).toBe(1);
  });

  it("takes WeCom's 41051 (already greeted) as an outcome", async () => {
    app.sandbox.wecom.faults.inject(SEND_WELCOME, { kind: 'errcode', errcode: 41051, errmsg: 'customer already begin chatting' });
    scan(springChannel.configId, 'wm_ch_chatting', '已在聊天的客户');
    expect(await welcomeOf('wm_ch_chatting')).toMatchObject({ status: 'already_sent' });
    const message = await eventually(() => collection('inbox').findOne({ key: { $regex: 'wm_ch_chatting' }, processedAt: { $exists: true } }));
    expect(message.failedAt).toBeUndefined();
  });

  it('counts adds and net adds: a customer who deletes the salesperson is a loss of the channel', async () => {
    app.sandbox.wecom.contacts.deleteFollow('wm_ch_late', 'lilei', 'customer');
    const stats = await eventually(async () => {
      const res = await admin().get(`/api/channels/${springChannel.id}/stats`);
      return res.body.totals?.losses === 1 ? res.body : null;
    });
    expect(stats.totals).toMatchObject({ adds: 4, losses: 1, netAdds: 3, welcomesSent: 1, welcomesMissed: 1 });
    expect(stats.days).toHaveLength(30);
    const csv = await admin().get('/api/channels/stats.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('渠道,分组,状态,日期,新增客户,流失,净增');
    expect(lines).toHaveLength(1 + 30);
  });

  it('edits the code in place (same QR), refuses a stale editor and a mode switch', async () => {
    const edit = { ...spring, name: '春季活动（门店）', skipVerify: false, expectedVersion: springChannel.version };
    const res = await admin().put(`/api/channels/${springChannel.id}`, edit);
    expect(res.status).toBe(200);
    expect(contactWays().find(springChannel.configId)).toMatchObject({ remark: '春季活动（门店）', skipVerify: false });
    expect((await admin().put(`/api/channels/${springChannel.id}`, edit)).status).toBe(409);
    const switched = await admin().put(`/api/channels/${springChannel.id}`, { ...edit, expectedVersion: res.body.channel.version, assignment: { mode: 'rotation', members: [{ userid: 'lilei' }] } });
    expect(switched.status).toBe(400);
    expect(switched.body.error.details[0].field).toBe('body.assignment.mode');
  });

  it('rotates: a member who reaches their daily limit leaves the code until tomorrow', async () => {
    const res = await admin().post('/api/channels', {
      name: '线上广告',
      assignment: { mode: 'rotation', members: [{ userid: 'lilei', dailyLimit: 1 }, { userid: 'hanmeimei' }], backups: ['zhangwei'] },
    });
    expect(res.status).toBe(201);
    const rotation = res.body.channel;
    expect(contactWays().find(rotation.configId)).toMatchObject({ type: 2, user: ['lilei', 'hanmeimei'] });
    scan(rotation.configId, 'wm_ch_ad1', '广告客户');
    await eventually(async () => (contactWays().find(rotation.configId)?.user.join() === 'hanmeimei' ? true : null));
    expect((await admin().get(`/api/channels/${rotation.id}`)).body.channel.currentUsers).toEqual(['hanmeimei']);
  });

  it('pauses: customers still arrive and are counted, but are neither greeted nor tagged', async () => {
    expect((await admin().post(`/api/channels/${springChannel.id}/pause`)).body.channel.status).toBe('paused');
    scan(springChannel.configId, 'wm_ch_paused', '暂停期间的客户');
    await eventually(async () => (await collection('channel_adds').findOne({ externalUserId: 'wm_ch_paused', paused: true })) ?? null);
    expect(greetings('wm_ch_paused')).toEqual([]);
    expect((await collection('follows').findOne({ externalUserId: 'wm_ch_paused' }))?.wecomTagIds).toEqual([]);
    expect((await admin().post(`/api/channels/${springChannel.id}/resume`)).body.channel.status).toBe('active');
  });

  it('deletes upstream only when confirmed for a channel in use, and keeps its statistics', async () => {
    const unconfirmed = await admin().delete(`/api/channels/${springChannel.id}`);
    expect(unconfirmed.status).toBe(409);
    expect(contactWays().find(springChannel.configId)).toBeDefined();
    const deleted = await admin().delete(`/api/channels/${springChannel.id}?force=true`);
    expect(deleted.body.channel.status).toBe('deleted');
    expect(contactWays().find(springChannel.configId)).toBeUndefined();
    expect((await admin().get('/api/channels')).body.channels.map((c: { id: string }) => c.id)).not.toContain(springChannel.id);
    expect((await admin().get(`/api/channels/${springChannel.id}/stats`)).body.totals.adds).toBe(5);
  });

  it("gives a salesperson one personal code, and a customer their salesperson's code", async () => {
    const first = await as('lilei').get('/api/channels/me/contact-code');
    expect(first.status).toBe(200);
    expect((await as('lilei').get('/api/channels/me/contact-code')).body.channelId).toBe(first.body.channelId);
    const personal = await collection('channels').findOne({ personalKey: `${app.config.wecom.corpId}:lilei` });
    expect(contactWays().find(personal!.configId as string)).toMatchObject({ type: 1, user: ['lilei'] });

    const login = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, 'o_demo_zhao') });
    const mine = await request(app.callback).get('/api/customers/me/salesperson').set('authorization', `Bearer ${login.body.token}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ salesperson: expect.objectContaining({ userid: 'lilei', name: '李雷' }), contactQrUrl: first.body.qrUrl });
  });
});
