import request from 'supertest';
import { buildCallbackEventXml } from '../../integrations/wecom/callback-events';
import { eventually } from '../../testing/eventually';
import { receiveSandboxCallbacks } from '../../testing/sandbox-callbacks';
import { createTestApp, type TestApp } from '../../testing/test-app';


describe('WeCom callbacks (接收事件服务器)', () => {
  let app: TestApp;
  let stopReceiving: () => Promise<void>;
  const deliveries: (number | 'unreachable')[] = [];
  const inbox = () => app.connection.collection('inbox');
  const follow = (externalUserId: string, userid: string) => app.connection.collection('follows').findOne({ externalUserId, userid });

  beforeAll(async () => {
    app = await createTestApp('callbacks');
    await app.services.staff.syncDirectory();
    stopReceiving = await receiveSandboxCallbacks(app, ({ status }) => deliveries.push(status));
  });
  afterAll(async () => {
    await stopReceiving();
    await app.close();
  });

  it('answers the URL verification with the decrypted echostr, verbatim', async () => {
    const query = app.services.wecomCallbacks.crypto.sealEchostr('1616140317555161061');
    const res = await request(app.callback).get('/api/wecom/callbacks').query(query);
    expect(res.status).toBe(200);
    expect(res.text).toBe('1616140317555161061');
  });

  it('turns a customer added in WeCom into a customer and follow within moments', async () => {
    app.sandbox.wecom.contacts.addContact({ externalUserId: 'wm_cb_zhao', name: '赵丽', unionid: 'u_demo_zhao', type: 1 }, { userid: 'lilei', addWay: 1, state: 'poster_lilei' });
    const added = await eventually(() => follow('wm_cb_zhao', 'lilei'));
    expect(added).toMatchObject({ addWay: 1, state: 'poster_lilei' });
    const customer = await app.connection.collection('customers').findOne({ 'identifiers.externalUserIds': 'wm_cb_zhao' });
    expect(customer).toMatchObject({ displayName: '赵丽', identifiers: { unionid: 'u_demo_zhao' } });
    expect(deliveries).toContain(200);
  });

  it('records the customer deleting the salesperson as churn, with its time', async () => {
    app.sandbox.wecom.contacts.deleteFollow('wm_cb_zhao', 'lilei', 'customer');
    const ended = await eventually(async () => {
      const found = await follow('wm_cb_zhao', 'lilei');
      return found?.endedAt ? found : null;
    });
    expect(ended.endReason).toBe('customer_deleted_staff');
  });

  it('welcomes a customer back: the relationship is active again and the timeline shows both adds', async () => {
    app.sandbox.clock.advance(60_000);
    app.sandbox.wecom.contacts.addContact({ externalUserId: 'wm_cb_zhao', name: '赵丽' }, { userid: 'lilei', addWay: 1, state: 'poster_lilei' });
    await eventually(async () => {
      const found = await follow('wm_cb_zhao', 'lilei');
      return found && !found.endedAt;
    });
    const entries = await app.connection.collection('timeline').find({ key: { $regex: '^contact_(added|removed):wm_cb_zhao:lilei' } }).sort({ at: 1 }).toArray();
    expect(entries.map((e) => e.kind)).toEqual(['contact_added', 'contact_removed', 'contact_added']);
  });

  it('acknowledges a redelivered callback and applies it once', async () => {
    const crypto = app.services.wecomCallbacks.crypto;
    const event = {
      event: 'change_external_contact' as const,
      changeType: 'edit_external_contact' as const,
      corpId: app.config.wecom.corpId,
      createTime: Math.floor(Date.now() / 1000),
      userId: 'lilei',
      externalUserId: 'wm_demo_wang',
    };
    const sealed = crypto.seal(buildCallbackEventXml(event));
    const contactReads = () => app.sandbox.wecom.callsTo('/cgi-bin/externalcontact/get');
    const readsBefore = contactReads();
    for (let delivery = 0; delivery < 3; delivery++) {
      const res = await request(app.callback).post('/api/wecom/callbacks').query(sealed.query).set('content-type', 'text/xml').send(sealed.body);
      expect(res.status).toBe(200);
      expect(res.text).toBe('success');
    }
    await eventually(async () => (await inbox().countDocuments({ key: { $regex: 'edit_external_contact:lilei:wm_demo_wang' }, processedAt: { $exists: true } })) === 1 || null);
    expect(await inbox().countDocuments({ key: { $regex: 'edit_external_contact:lilei:wm_demo_wang' } })).toBe(1);
    expect(contactReads() - readsBefore).toBe(1);
  });

  it('reads the callback whatever Content-Type WeCom sends (it is not documented)', async () => {
    const crypto = app.services.wecomCallbacks.crypto;
    for (const [index, contentType] of ['text/plain', 'application/octet-stream', undefined].entries()) {
      const event = {
        event: 'change_external_contact' as const,
        changeType: 'edit_external_contact' as const,
        corpId: app.config.wecom.corpId,
        createTime: 1_800_000_000 + index,
        userId: 'lilei',
        externalUserId: 'wm_demo_sun',
      };
      const sealed = crypto.seal(buildCallbackEventXml(event));
      const call = request(app.callback).post('/api/wecom/callbacks').query(sealed.query);
      const res = await (contentType ? call.set('content-type', contentType) : call).send(Buffer.from(sealed.body));
      expect({ contentType, status: res.status, text: res.text }).toEqual({ contentType, status: 200, text: 'success' });
    }
  });

  it('rejects forged, tampered and stale callbacks and stores nothing', async () => {
    const crypto = app.services.wecomCallbacks.crypto;
    const xml = buildCallbackEventXml({
      event: 'change_external_contact',
      changeType: 'del_follow_user',
      corpId: app.config.wecom.corpId,
      createTime: 1_700_000_000,
      userId: 'lilei',
      externalUserId: 'wm_demo_sun',
    });
    const before = await inbox().countDocuments();
    const post = (query: object, body: string) => request(app.callback).post('/api/wecom/callbacks').query(query).set('content-type', 'text/xml').send(body);

    const sealed = crypto.seal(xml);
    const forged = await post({ ...sealed.query, msg_signature: 'f'.repeat(40) }, sealed.body);
    const tampered = await post(sealed.query, sealed.body.replace(/<Encrypt><!\[CDATA\[(.)/, (_m, c: string) => `<Encrypt><![CDATA[${c === 'A' ? 'B' : 'A'}`));
    const stale = crypto.seal(xml, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
    const old = await post(stale.query, stale.body);
    for (const res of [forged, tampered, old]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CALLBACK_REJECTED');
    }
    const notXml = await request(app.callback).post('/api/wecom/callbacks').query(sealed.query).send({ Encrypt: 'x' });
    expect(notXml.status).toBe(403);
    expect(await inbox().countDocuments()).toBe(before);
    expect((await follow('wm_demo_sun', 'lilei'))?.endedAt).toBeUndefined();
  });
});
