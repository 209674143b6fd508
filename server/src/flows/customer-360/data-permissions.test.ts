import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

/** Valid bodies for customer-scoped writes, so a refusal can only come from the data permission. */
const VALID_BODIES: Record<string, object> = {
  'POST /api/customers/by-external-userid/:externalUserId/tags': { requestId: 'perm-check-0001', add: ['et_level_a'] },
  'POST /api/customers/by-external-userid/:externalUserId/notes': { requestId: 'perm-check-0002', text: '试探' },
  'POST /api/customers/by-external-userid/:externalUserId/stage': { requestId: 'perm-check-0003', stage: 'won', expectedStage: 'new' },
};

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
        const call = request(app.callback)[route.method.toLowerCase() as 'get' | 'post'](route.path.replace(':externalUserId', externalUserId)).set('cookie', lilei);
        const body = VALID_BODIES[`${route.method} ${route.path}`];
        return body ? call.send(body) : call;
      };
      const othersCustomer = await send('wm_demo_chen');
      const nobody = await send('wm_nobody_at_all');
      expect({ route: `${route.method} ${route.path}`, status: othersCustomer.status }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
      expect(othersCustomer.body.error).toEqual({ ...nobody.body.error, requestId: othersCustomer.body.error.requestId });
    }
    expect(await app.connection.collection('outbox').countDocuments()).toBe(outboxBefore);
    expect(await app.connection.collection('timeline').countDocuments()).toBe(timelineBefore);
    expect((await app.connection.collection('customers').findOne({ 'identifiers.externalUserIds': 'wm_demo_chen' }))?.stage).toBe('new');
  });
});
