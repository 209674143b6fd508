import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { seedSnapshotWorld } from './snapshot-world.testing';

describe('segment routes: admin-defined segments, their sizes and their customers', () => {
  let app: TestApp;
  let ids: Awaited<ReturnType<typeof seedSnapshotWorld>>['ids'];
  const cookies: Record<string, string> = {};
  const as = (userid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
    post: (path: string, body: object = {}) => request(app.callback).post(path).set('cookie', cookies[userid]!).send(body),
    put: (path: string, body: object) => request(app.callback).put(path).set('cookie', cookies[userid]!).send(body),
    delete: (path: string) => request(app.callback).delete(path).set('cookie', cookies[userid]!),
  });
  const admin = () => as('chenjing');
  const sizes = async (userid: string) => Object.fromEntries((await as(userid).get('/api/analytics/segments')).body.map((s: { name: string; customers: number }) => [s.name, s.customers]));
  const customerIdsOf = (body: { customers: { customerId: string }[] }) => body.customers.map((c) => c.customerId).sort();
  let buyers: { id: string };

  beforeAll(async () => {
    app = await createTestApp('segmentroutes');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    ({ ids } = await seedSnapshotWorld(app));
    for (const userid of ['lilei', 'zhangwei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
    await app.services.analyticsSnapshotJob.refresh();
  });
  afterAll(() => app.close());

  it('lets only admins edit segments, and managers and admins list them', async () => {
    expect((await as('zhangwei').post('/api/admin/segments', { name: '买过的', rules: { hasOrdered: true } })).status).toBe(403);
    expect((await as('lilei').get('/api/analytics/segments')).status).toBe(403);
    expect((await as('zhangwei').get('/api/analytics/segments')).body).toEqual([]);
  });

  it('refuses rules that cannot work, naming the field', async () => {
    const cases: [object, string][] = [
      [{ name: '空', rules: {} }, 'body.rules.tagIds'],
      [{ name: '颠倒', rules: { minScore: 70, maxScore: 30 } }, 'body.rules.minScore'],
      [{ name: '矛盾', rules: { activeWithinDays: 7, inactiveForDays: 30 } }, 'body.rules.inactiveForDays'],
      [{ name: '未知标签', rules: { tagIds: ['et_level_a', 'et_no_such_tag'] } }, 'body.rules.tagIds.1'],
      [{ name: '未知阶段', rules: { stages: ['no_such_stage'] } }, 'body.rules.stages.0'],
      [{ name: ' ', rules: { hasOrdered: true } }, 'body.name'],
      [{ name: '多余', rules: { hasOrdered: true, city: '上海' } }, 'body.rules.city'],
    ];
    for (const [body, field] of cases) {
      const res = await admin().post('/api/admin/segments', body);
      expect({ field, status: res.status, code: res.body.error?.code }).toEqual({ field, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await admin().get('/api/analytics/segments')).body).toEqual([]);
  });

  it('creates a segment counted at once, with its rules in one line', async () => {
    const res = await admin().post('/api/admin/segments', { name: 'A类客户', rules: { tagIds: ['et_level_a', 'et_level_b'], minScore: 10 } });
    expect(res.status).toBe(201);
    // k1 (A类 on 李雷's follow; score 15: followed 10 + stage 成交 5) and k3 (B类 on 韩梅梅's; score 10: followed).
    expect(res.body).toMatchObject({ name: 'A类客户', summary: '标签：A类客户 或 B类客户；意向分 ≥ 10', customers: 2, rules: { tagIds: ['et_level_a', 'et_level_b'], minScore: 10 } });

    buyers = (await admin().post('/api/admin/segments', { name: '已购客户', rules: { hasOrdered: true } })).body;
    expect(buyers).toMatchObject({ summary: '已下单', customers: 4 }); // k1, k3, k4 and k5 (no owner)
  });

  it('refuses a second segment of the same name', async () => {
    const res = await admin().post('/api/admin/segments', { name: 'A类客户', rules: { hasOrdered: false } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'body.name', issue: expect.any(String) }] });
    expect((await admin().put(`/api/admin/segments/${buyers.id}`, { name: 'A类客户', rules: { hasOrdered: true } })).status).toBe(409);
  });

  it('shows each viewer the customers of their departments only', async () => {
    expect(await sizes('chenjing')).toEqual({ A类客户: 2, 已购客户: 4 });
    expect(await sizes('zhangwei')).toEqual({ A类客户: 2, 已购客户: 2 }); // departments 2 and 3: k1 and k3
  });

  it('opens a segment as its customer list, within the viewer’s departments', async () => {
    const mine = await as('zhangwei').get(`/api/analytics/customers?population=segment&segmentId=${buyers.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ title: '分群「已购客户」的客户', total: 2 });
    expect(customerIdsOf(mine.body)).toEqual([ids.k1, ids.k3].sort());
    const all = await admin().get(`/api/analytics/customers?population=segment&segmentId=${buyers.id}&format=csv`);
    expect(all.status).toBe(200);
    expect(all.text.trim().split('\n')).toHaveLength(5); // header + 4 buyers
    expect((await as('zhangwei').get('/api/analytics/customers?population=segment&segmentId=64b7f0c2a1b2c3d4e5f60718')).status).toBe(404);
  });

  it('recounts a segment when its rules change', async () => {
    const res = await admin().put(`/api/admin/segments/${buyers.id}`, { name: '复购客户', rules: { hasOrdered: true, stages: ['won'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: buyers.id, name: '复购客户', summary: '阶段：成交；已下单', customers: 1 });
    expect(await sizes('zhangwei')).toEqual({ A类客户: 2, 复购客户: 1 });
  });

  it('answers 404 for a segment that does not exist, and deletes', async () => {
    expect((await admin().put('/api/admin/segments/64b7f0c2a1b2c3d4e5f60718', { name: '无', rules: { hasOrdered: true } })).status).toBe(404);
    expect((await admin().put('/api/admin/segments/nope', { name: '无', rules: { hasOrdered: true } })).status).toBe(404);
    expect((await admin().delete(`/api/admin/segments/${buyers.id}`)).status).toBe(204);
    expect(await sizes('chenjing')).toEqual({ A类客户: 2 });
    expect((await admin().delete(`/api/admin/segments/${buyers.id}`)).status).toBe(404);
    const snapshot = await app.connection.collection('analytics_snapshots').findOne({});
    expect(Object.keys(snapshot?.segments ?? {})).toHaveLength(1);
  });
});
