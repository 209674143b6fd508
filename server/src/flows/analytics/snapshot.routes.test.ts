import { CHURN_RULE, RFM_RULE } from '@zhike/shared/analytics';
import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { seedSnapshotWorld } from './snapshot-world.testing';

describe('snapshot routes: RFM, churn risk, refresh, their customer lists and the 360 line', () => {
  let app: TestApp;
  let ids: Awaited<ReturnType<typeof seedSnapshotWorld>>['ids'];
  const cookies: Record<string, string> = {};
  const as = (userid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
    post: (path: string) => request(app.callback).post(path).set('cookie', cookies[userid]!),
  });
  const cellsOf = (body: { cells: { cell: string; customers: number; netRevenueFen: number }[] }) =>
    Object.fromEntries(body.cells.filter((c) => c.customers > 0).map((c) => [c.cell, [c.customers, c.netRevenueFen]]));
  const customerIdsOf = (body: { customers: { customerId: string }[] }) => body.customers.map((c) => c.customerId).sort();

  beforeAll(async () => {
    app = await createTestApp('snapshotroutes');
    await app.services.staff.syncDirectory();
    ({ ids } = await seedSnapshotWorld(app));
    for (const userid of ['lilei', 'hanmeimei', 'zhangwei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(() => app.close());

  it('shows empty RFM cells before the first snapshot', async () => {
    const res = await as('zhangwei').get('/api/analytics/rfm');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: null, buyers: 0, rule: RFM_RULE });
    expect(cellsOf(res.body)).toEqual({});
  });

  it('lets only an admin refresh the snapshot', async () => {
    expect((await as('zhangwei').post('/api/admin/analytics/refresh')).status).toBe(403);
    const res = await as('chenjing').post('/api/admin/analytics/refresh');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customers: 5, buyers: 4, churnRisks: 3 });
    expect(Date.now() - Date.parse(res.body.asOf)).toBeLessThan(60_000);
  });

  it('reports RFM cells against the averages of all 4 buyers, within the viewer’s departments', async () => {
    // R: 3, 40, 10, 20 days → 18.25; F: 3, 1, 2, 1 → 1.75; M: 900, 100, 500, 200 yuan → 425 yuan.
    const admin = await as('chenjing').get('/api/analytics/rfm');
    expect(admin.body).toMatchObject({ buyers: 4, averages: { recencyDays: 18.3, frequency: 1.8, monetaryFen: 42_500 } });
    expect(cellsOf(admin.body)).toEqual({ important_value: [2, 140_000], general_retain: [2, 30_000] }); // k1, k4 | k3, k5

    const manager = await as('zhangwei').get('/api/analytics/rfm'); // departments 2 and 3: k1 and k3
    expect(manager.body).toMatchObject({ buyers: 2, averages: { recencyDays: 18.3, frequency: 1.8, monetaryFen: 42_500 } });
    expect(cellsOf(manager.body)).toEqual({ important_value: [1, 90_000], general_retain: [1, 10_000] });
    expect(cellsOf((await as('zhangwei').get('/api/analytics/rfm?department=3')).body)).toEqual({ general_retain: [1, 10_000] });
    expect(cellsOf((await as('chenjing').get('/api/analytics/rfm?department=0')).body)).toEqual({ general_retain: [1, 20_000] }); // k5, no owner
  });

  it('refuses RFM to a manager asking for another department, and to salespeople', async () => {
    const other = await as('zhangwei').get('/api/analytics/rfm?department=4');
    expect(other.status).toBe(403);
    expect(other.body.error.details).toEqual([{ field: 'query.department', issue: expect.any(String) }]);
    expect((await as('lilei').get('/api/analytics/rfm')).status).toBe(403);
    const bad = await as('zhangwei').get('/api/analytics/rfm?department=x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['query.department']);
  });

  it('lists churn risk most at risk first, each salesperson seeing their own customers only', async () => {
    const admin = await as('chenjing').get('/api/analytics/churn-risk');
    expect(admin.status).toBe(200);
    expect(admin.body.rule).toBe(CHURN_RULE);
    // k3: every 5 days, silent 30: (30 − 10)/(10 + 7) → 100; k4: every 4, silent 21: 13/15 → 87; k2: every 3, silent 12: 6/13 → 46.
    expect(admin.body.rows.map((r: { customerId: string; risk: number }) => [r.customerId, r.risk])).toEqual([
      [ids.k3, 100],
      [ids.k4, 87],
      [ids.k2, 46],
    ]);
    // 15 fit points (a salesperson follows, stage 意向) + 40 engagement then; 40 × ½^(12 d 1 h / 7 d) = 12 now.
    expect(admin.body.rows[2]).toEqual({
      customerId: ids.k2,
      externalUserId: 'wm_k2',
      name: '李二',
      avatar: null,
      ownerUserid: 'lilei',
      ownerName: '李雷',
      lastActiveAt: expect.any(String),
      usualGapDays: 3,
      silentDays: 12,
      scoreAtLastActive: 55,
      scoreNow: 27,
      risk: 46,
      reason: '平均每 3 天活跃一次，已 12 天未活跃；意向分从 55 降到 27',
    });

    const own = await as('lilei').get('/api/analytics/churn-risk');
    expect(own.body.rows.map((r: { customerId: string }) => r.customerId)).toEqual([ids.k2]);
    expect((await as('lilei').get('/api/analytics/churn-risk?userid=lilei')).body.rows).toHaveLength(1);
    const manager = await as('zhangwei').get('/api/analytics/churn-risk'); // not 陈静's customer (operations)
    expect(manager.body.rows.map((r: { customerId: string }) => r.customerId)).toEqual([ids.k3, ids.k2]);
    expect(manager.body.total).toBe(2);
    expect(manager.body.byOwner).toEqual([
      { userid: 'hanmeimei', name: '韩梅梅', total: 1 },
      { userid: 'lilei', name: '李雷', total: 1 },
    ]);
    const hers = await as('chenjing').get('/api/analytics/churn-risk?userid=hanmeimei');
    expect(hers.body.rows.map((r: { customerId: string }) => r.customerId)).toEqual([ids.k3]);
  });

  it('refuses a salesperson asking for another salesperson’s list, and a manager one outside their departments', async () => {
    const other = await as('lilei').get('/api/analytics/churn-risk?userid=hanmeimei');
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'FORBIDDEN', details: [{ field: 'query.userid', issue: expect.any(String) }] });
    expect((await as('zhangwei').get('/api/analytics/churn-risk?userid=chenjing')).status).toBe(403);
  });

  it('opens RFM cells, the churn-risk list and uncovered customers as customer lists', async () => {
    const cell = await as('zhangwei').get('/api/analytics/customers?population=rfm&cell=important_value');
    expect(cell.status).toBe(200);
    expect(cell.body).toMatchObject({ title: 'RFM「重要价值」客户', total: 1 });
    expect(customerIdsOf(cell.body)).toEqual([ids.k1]);
    expect(customerIdsOf((await as('chenjing').get('/api/analytics/customers?population=rfm&cell=important_value')).body)).toEqual([ids.k1, ids.k4].sort());

    const risk = await as('zhangwei').get('/api/analytics/customers?population=churn_risk&userid=lilei');
    expect(risk.body).toMatchObject({ title: '有流失风险的客户（李雷）', total: 1 });
    expect(customerIdsOf(risk.body)).toEqual([ids.k2]);

    // 李雷 follows k1 (touched yesterday) and k2 (touched 10 days ago).
    const uncovered = await as('zhangwei').get('/api/analytics/customers?population=uncovered&userid=lilei');
    expect(uncovered.body).toMatchObject({ title: '李雷 近 7 天未跟进的客户', total: 1 });
    expect(uncovered.body.customers[0]).toMatchObject({ customerId: ids.k2, name: '李二', ownerName: '李雷' });
    expect((await as('zhangwei').get('/api/analytics/customers?population=uncovered&userid=chenjing')).status).toBe(403);
  });

  it('puts the churn-risk reason in the sidebar’s customer 360', async () => {
    const quiet = await as('lilei').get('/api/customers/by-external-userid/wm_k2');
    expect(quiet.status).toBe(200);
    expect(quiet.body.churnRisk).toEqual({ risk: 46, reason: '平均每 3 天活跃一次，已 12 天未活跃；意向分从 55 降到 27' });
    expect((await as('lilei').get('/api/customers/by-external-userid/wm_k1')).body.churnRisk).toBeNull();
  });
});
