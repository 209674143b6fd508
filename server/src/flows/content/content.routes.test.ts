import request from 'supertest';
import { decodeQr } from '../../integrations/sandbox/decode-qr.testing';
import { samplePng } from '../../testing/sample-images';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('sending scripts and posters, and what customers do with them', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const staff = (userid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
    post: (path: string, body: object = {}) => request(app.callback).post(path).set('cookie', cookies[userid]!).send(body),
  });
  const customerToken = async (openid: string) =>
    (await request(app.callback).post('/api/auth/miniprogram/login').send({ code: app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, openid) })).body.token as string;
  const asCustomer = (token: string) => ({ post: (path: string, body: object) => request(app.callback).post(path).set('authorization', `Bearer ${token}`).send(body) });
  const upload = async (bytes: Buffer) =>
    (await request(app.callback).put('/api/assets').query({ filename: 'pic.png' }).set('cookie', cookies.chenjing!).set('content-type', 'image/png').send(bytes)).body.asset;
  const timelineOf = async (userid: string, externalUserId: string) =>
    ((await staff(userid).get(`/api/customers/by-external-userid/${externalUserId}`)).body.timeline as { kind: string; summary: string }[]).map((e) => [e.kind, e.summary]);
  const statsRow = async (contentId: string) => (await staff('chenjing').get('/api/content/stats')).body.rows.find((row: { contentId: string }) => row.contentId === contentId);
  let requestCounter = 0;
  const send = async (userid: string, externalUserId: string, content: object) =>
    (await staff(userid).post('/api/content/sends', { requestId: `send-request-${(requestCounter += 1)}`, externalUserId, content })).body;

  const scripts: Record<string, string> = {};
  let templateId: string;

  beforeAll(async () => {
    app = await createTestApp('content');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    for (const userid of ['chenjing', 'lilei', 'hanmeimei']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
    const categoryId = (await staff('chenjing').post('/api/scripts/categories', { scope: 'shared', name: '常用' })).body.category.id;
    const image = await upload(await samplePng(200, 160, '#e94e77'));
    const create = async (title: string, content: object) => (await staff('chenjing').post('/api/scripts', { scope: 'shared', categoryId, title, content })).body.script.id as string;
    scripts.greeting = await create('开场问候', { type: 'text', text: '{{客户称呼}}您好，我是{{销售职位|顾问}}{{销售姓名}}' });
    scripts.link = await create('新品介绍', { type: 'link', url: 'https://brand.example/new?from=wecom', title: '{{客户称呼}}，新品来了', desc: '限时体验', imageAssetId: image.id });
    scripts.card = await create('会员中心', { type: 'miniprogram', title: '会员中心', page: 'pages/index/index', imageAssetId: image.id });
    scripts.image = await create('产品图', { type: 'image', assetId: image.id });
    const background = await upload(await samplePng(600, 900, '#f6efe6'));
    templateId = (
      await staff('chenjing').post('/api/posters/templates', {
        name: '双11 邀请函',
        campaign: '双11',
        width: 600,
        height: 900,
        backgroundAssetId: background.id,
        layers: [
          { type: 'text', text: '{{客户称呼}}，{{销售姓名}}邀请您', x: 40, y: 60, fontSize: 32 },
          { type: 'image', source: 'salesperson_avatar', x: 40, y: 140, width: 80, height: 80, shape: 'circle' },
          { type: 'qr', x: 360, y: 660, size: 200 },
        ],
      })
    ).body.template.id;
  });
  afterAll(() => app.close());

  it('fills a text script for this customer and counts it only once WeCom confirms the send', async () => {
    const prepared = await send('lilei', 'wm_demo_wang', { kind: 'script', scriptId: scripts.greeting });
    expect(prepared).toMatchObject({ status: 'prepared', title: '开场问候', message: { msgtype: 'text', text: { content: '王小明（老客户）您好，我是销售顾问李雷' } }, missingVariables: [] });
    expect(await statsRow(scripts.greeting!)).toBeUndefined();

    const sent = await staff('lilei').post(`/api/content/sends/${prepared.sendId}/outcome`, { outcome: 'sent' });
    expect(sent.body).toEqual({ sendId: prepared.sendId, status: 'sent' });
    expect((await staff('lilei').post(`/api/content/sends/${prepared.sendId}/outcome`, { outcome: 'sent' })).body.status).toBe('sent');
    expect((await timelineOf('lilei', 'wm_demo_wang'))[0]).toEqual(['content_sent', '李雷 发送了话术《开场问候》']);
    expect(await statsRow(scripts.greeting!)).toMatchObject({ title: '开场问候', sends: 1, uniqueOpens: 0, openRate: 0 });

    const cancelled = await send('lilei', 'wm_demo_wang', { kind: 'script', scriptId: scripts.greeting });
    await staff('lilei').post(`/api/content/sends/${cancelled.sendId}/outcome`, { outcome: 'cancelled', error: 'sendChatMessage:cancel' });
    const contradicted = await staff('lilei').post(`/api/content/sends/${cancelled.sendId}/outcome`, { outcome: 'sent' });
    expect(contradicted.status).toBe(409);
    expect((await statsRow(scripts.greeting!)).sends).toBe(1);
    const listed = (await staff('lilei').get('/api/scripts').query({ q: '开场' })).body.items[0];
    expect(listed.usageCount).toBe(1);
  });

  it('never prepares content for a customer the salesperson does not follow', async () => {
    const response = await staff('hanmeimei').post('/api/content/sends', { requestId: 'send-foreign-01', externalUserId: 'wm_demo_wang', content: { kind: 'script', scriptId: scripts.greeting } });
    expect(response.status).toBe(404);
  });

  it('sends images as WeCom media and links through a tracking address that counts unique opens', async () => {
    const image = await send('lilei', 'wm_demo_sun', { kind: 'script', scriptId: scripts.image });
    expect(image.message.msgtype).toBe('image');
    expect(app.sandbox.wecom.media.find(image.message.image.mediaid)).toBeDefined();

    const link = await send('lilei', 'wm_demo_sun', { kind: 'script', scriptId: scripts.link });
    expect(link.message.news).toMatchObject({ title: '孙强，新品来了', desc: '限时体验' });
    expect(link.message.news.link).toMatch(/^http:\/\/zhike\.test\/t\/[A-Za-z0-9_-]{22}$/);
    await staff('lilei').post(`/api/content/sends/${link.sendId}/outcome`, { outcome: 'sent' });

    const path = new URL(link.message.news.link).pathname;
    const opened = await request(app.callback).get(path).set('user-agent', 'WeChat/8.0 phone-A');
    expect(opened.status).toBe(302);
    expect(opened.headers.location).toBe('https://brand.example/new?from=wecom');
    await request(app.callback).get(path).set('user-agent', 'WeChat/8.0 phone-A');
    await request(app.callback).get(path).set('user-agent', 'WeChat/8.0 phone-B');
    expect(await statsRow(scripts.link!)).toMatchObject({ sends: 1, opens: 3, uniqueOpens: 2, sendsOpened: 1, openRate: 1 });
    expect((await timelineOf('lilei', 'wm_demo_sun')).filter(([kind]) => kind === 'content_opened')).toEqual([
      ['content_opened', '客户打开了 李雷 发送的话术《新品介绍》'],
      ['content_opened', '客户打开了 李雷 发送的话术《新品介绍》'],
    ]);

    const forged = await request(app.callback).get('/t/AAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('TRACKING_TOKEN_INVALID');
  });

  it('credits a mini-program card opened by the customer it was sent to', async () => {
    const card = await send('lilei', 'wm_demo_wang', { kind: 'script', scriptId: scripts.card });
    expect(card.message.miniprogram).toMatchObject({ appid: app.config.miniProgram.appId, title: '会员中心' });
    const [page, query] = card.message.miniprogram.page.split('?');
    expect(page).toBe('pages/index/index.html');
    await staff('lilei').post(`/api/content/sends/${card.sendId}/outcome`, { outcome: 'sent' });

    const wang = await customerToken('o_demo_wang');
    const token = new URLSearchParams(query).get('t')!;
    const opened = await asCustomer(wang).post('/api/content/opens', { token });
    expect(opened.body).toEqual({ kind: 'script', title: '会员中心', salespersonName: '李雷' });
    expect((await timelineOf('lilei', 'wm_demo_wang'))[0]).toEqual(['content_opened', '客户打开了 李雷 发送的话术《会员中心》']);
    const forged = await asCustomer(wang).post('/api/content/opens', { token: token.replace(/^./, token.startsWith('A') ? 'B' : 'A') });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('TRACKING_TOKEN_INVALID');
  });

  it('sends a personalised poster whose code leads the scanner back to salesperson, poster and campaign', async () => {
    const preview = await staff('lilei').get(`/api/customers/by-external-userid/wm_demo_wang/posters/${templateId}`).buffer(true);
    expect(preview.headers['content-type']).toBe('image/png');
    const decoded = await decodeQr(preview.body as Buffer);
    expect([decoded.width, decoded.height]).toEqual([600, 900]);
    const landing = new URL(decoded.text!);
    const scene = decodeURIComponent(landing.hash.split('scene=')[1]!);
    expect(scene).toMatch(/^p[0-9A-Za-z]{11}$/);

    const poster = await send('lilei', 'wm_demo_wang', { kind: 'poster', templateId });
    expect(poster).toMatchObject({ title: '双11 邀请函', message: { msgtype: 'image' } });
    await staff('lilei').post(`/api/content/sends/${poster.sendId}/outcome`, { outcome: 'sent' });

    const wang = await customerToken('o_demo_wang');
    const scanned = await asCustomer(wang).post('/api/content/scans', { scene });
    expect(scanned.body).toMatchObject({ posterTitle: '双11 邀请函', campaign: '双11', salesperson: { userid: 'lilei', name: '李雷' } });
    await asCustomer(wang).post('/api/content/scans', { scene });
    expect((await timelineOf('lilei', 'wm_demo_wang')).slice(0, 2)).toEqual([
      ['poster_scanned', '客户扫码打开了 李雷 的海报《双11 邀请函》'],
      ['content_sent', '李雷 发送了海报《双11 邀请函》'],
    ]);
    expect(await statsRow(templateId)).toMatchObject({ kind: 'poster', title: '双11 邀请函', sends: 1, scans: 1 });

    expect((await asCustomer(wang).post('/api/content/scans', { scene: 'pNeverIssued' })).status).toBe(404);
    await app.connection.collection('poster_scenes').updateOne({ scene }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await asCustomer(wang).post('/api/content/scans', { scene });
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatchObject({ code: 'SCENE_EXPIRED', message: '这张海报的二维码已过期，请向销售索取新的海报' });
  });

  it('credits the poster 王小明 scanned with a contact he then added and an order he then paid, once each', async () => {
    const wang = (await app.connection.collection('content_sends').findOne({ externalUserId: 'wm_demo_wang', contentKind: 'poster' }))!.customerId as string;
    const corpId = app.config.wecom.corpId;
    await app.services.contentEngagement.creditContactAdded(corpId, wang, 'lilei');
    await app.services.contentEngagement.creditContactAdded(corpId, wang, 'lilei');
    await app.services.contentEngagement.creditContactAdded(corpId, wang, 'hanmeimei');
    await app.services.contentEngagement.creditOrder(corpId, { orderId: 'order-0001', customerId: wang, amountFen: 19_900 });
    await app.services.contentEngagement.creditOrder(corpId, { orderId: 'order-0001', customerId: wang, amountFen: 19_900 });
    expect(await statsRow(templateId)).toMatchObject({ contactsAdded: 1, orders: 1, revenueFen: 19_900 });
  });

  it('refuses a template without a code slot, naming the field, and saves nothing', async () => {
    const before = (await staff('chenjing').get('/api/posters/templates')).body.templates.length;
    const background = await upload(await samplePng(300, 300, '#ffffff'));
    const response = await staff('chenjing').post('/api/posters/templates', { name: '无码', width: 300, height: 300, backgroundAssetId: background.id, layers: [{ type: 'text', text: '你好', x: 10, y: 10, fontSize: 20 }] });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.layers', issue: '缺少二维码图层' }]);
    expect((await staff('lilei').post('/api/posters/templates', {})).status).toBe(403);
    expect((await staff('chenjing').get('/api/posters/templates')).body.templates.length).toBe(before);
  });

  it('recommends scripts for the customer’s stage, tags and what they viewed, with the reason, not the ones just sent', async () => {
    const categoryId = (await staff('chenjing').post('/api/scripts/categories', { scope: 'shared', name: '推荐' })).body.category.id;
    const create = async (title: string, extra: object) =>
      (await staff('chenjing').post('/api/scripts', { scope: 'shared', categoryId, title, content: { type: 'text', text: title }, ...extra })).body.script.id as string;
    const forNew = await create('新客破冰', { stages: ['new'] });
    const forVip = await create('A类专享', { tagIds: ['et_level_a'] });
    await create('复购提醒', { stages: ['repeat'] });
    const response = await staff('lilei').get('/api/customers/by-external-userid/wm_demo_wang/recommended-scripts');
    const recommended = (body: { items: { script: { id: string }; reason: string }[] }) => body.items.map((item) => [item.script.id, item.reason]);
    // 王小明 opened 会员中心 earlier, so other scripts of its category follow; 开场问候 was sent to him just now and waits.
    expect(recommended(response.body)).toEqual([
      [forNew, '新客户阶段'],
      [scripts.link, '浏览过《会员中心》'],
      [scripts.image, '浏览过《会员中心》'],
    ]);
    await staff('lilei').post(`/api/content/sends/${(await send('lilei', 'wm_demo_wang', { kind: 'script', scriptId: forNew })).sendId}/outcome`, { outcome: 'sent' });
    const after = await staff('lilei').get('/api/customers/by-external-userid/wm_demo_wang/recommended-scripts');
    expect(recommended(after.body)).toEqual([
      [scripts.link, '浏览过《会员中心》'],
      [scripts.image, '浏览过《会员中心》'],
      [forVip, '标签 A类客户'],
    ]);
  });
});
