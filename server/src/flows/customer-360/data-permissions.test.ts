import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

/** Valid bodies for customer-scoped writes, so a refusal can only come from the data permission. */
const VALID_BODIES: Record<string, object> = {
  'POST /api/customers/by-external-userid/:externalUserId/tags': { requestId: 'perm-check-0001', add: ['et_level_a'] },
  'POST /api/customers/by-external-userid/:externalUserId/notes': { requestId: 'perm-check-0002', text: '试探' },
  'POST /api/customers/by-external-userid/:externalUserId/stage': { requestId: 'perm-check-0003', stage: 'won', expectedStage: 'new' },
  'POST /api/customers/by-external-userid/:externalUserId/fields': { requestId: 'perm-check-0004', values: { budget: 5000 } },
  'POST /api/customers/by-external-userid/:externalUserId/orders': { requestId: 'perm-check-0005', items: [{ productId: '0123456789abcdef01234567', skuId: '0123456789abcdef01234567', quantity: 1 }] },
};

/** Other path parameters, set to well-formed values so the walk reaches the customer check. */
const OTHER_PARAMS: Record<string, string> = { ':templateId': '0123456789abcdef01234567' };

/** Routes that name the customer in the body rather than the path. */
const BODY_SCOPED: { path: string; body: (externalUserId: string) => object }[] = [
  { path: '/api/content/sends', body: (externalUserId) => ({ requestId: 'perm-check-0101', externalUserId, content: { kind: 'poster', templateId: '0123456789abcdef01234567' } }) },
];

describe('data permissions on every customer-scoped route', () => {
  let app: TestApp;
  let lilei: string;

  beforeAll(async () => {
    app = await createTestApp('datapermissions');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
  });
  afterAll(() => app.close());

  it("answers 李雷 on 韩梅梅's customer exactly as on a customer that does not exist, and changes nothing", async () => {
    const scoped = app.api.routes.filter((route) => route.path.includes(':externalUserId'));
    expect(scoped.length).toBeGreaterThanOrEqual(2);
    // A new write route must add a valid body above, or the walk would only test its validation.
    expect(scoped.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(VALID_BODIES).sort());
    const outboxBefore = await app.connection.collection('outbox').countDocuments();
    const timelineBefore = await app.connection.collection('timeline').countDocuments();
    for (const route of scoped) {
      const send = (externalUserId: string) => {
        const path = Object.entries(OTHER_PARAMS).reduce((filled, [name, value]) => filled.replace(name, value), route.path.replace(':externalUserId', externalUserId));
        const call = request(app.callback)[route.method.toLowerCase() as 'get' | 'post'](path).set('cookie', lilei);
        const body = VALID_BODIES[`${route.method} ${route.path}`];
        return body ? call.send(body) : call;
      };
      const othersCustomer = await send('wm_demo_chen');
      const nobody = await send('wm_nobody_at_all');
      expect({ route: `${route.method} ${route.path}`, status: othersCustomer.status }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
      expect(othersCustomer.body.error).toEqual({ ...nobody.body.error, requestId: othersCustomer.body.error.requestId });
    }
    for (const { path, body } of BODY_SCOPED) {
      const othersCustomer = await request(app.callback).post(path).set('cookie', lilei).send(body('wm_demo_chen'));
      const nobody = await request(app.callback).post(path).set('cookie', lilei).send(body('wm_nobody_at_all'));
      expect({ path, status: othersCustomer.status }).toEqual({ path, status: 404 });
      expect(othersCustomer.body.error).toEqual({ ...nobody.body.error, requestId: othersCustomer.body.error.requestId });
    }
    expect(await app.connection.collection('content_sends').countDocuments()).toBe(0);
    expect(await app.connection.collection('outbox').countDocuments()).toBe(outboxBefore);
    expect(await app.connection.collection('timeline').countDocuments()).toBe(timelineBefore);
    expect((await app.connection.collection('customers').findOne({ 'identifiers.externalUserIds': 'wm_demo_chen' }))?.stage).toBe('new');
  });
});
