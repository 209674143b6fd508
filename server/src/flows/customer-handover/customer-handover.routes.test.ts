import request from 'supertest';
import { eventually } from '../../testing/eventually';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('离职继承: reassigning the customers of a salesperson who left', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const unassigned = (userid: string) => request(app.callback).get('/api/handovers/unassigned').set('cookie', cookies[userid]!);
  const reassign = (userid: string, body: object) => request(app.callback).post('/api/admin/handovers').set('cookie', cookies[userid]!).send(body);
  const profile = async (userid: string, externalUserId: string) => request(app.callback).get(`/api/customers/by-external-userid/${externalUserId}`).set('cookie', cookies[userid]!);
  const handover = (externalUserId: string) => app.connection.collection('handovers').findOne({ externalUserId });
  const transferCalls = () => app.sandbox.wecom.callsTo('/cgi-bin/externalcontact/resigned/transfer_customer');
  const toLilei = { requestId: 'handover-0001', handoverUserid: 'hanmeimei', takeoverUserid: 'lilei', externalUserIds: ['wm_demo_chen', 'wm_demo_zhou'] };

  beforeAll(async () => {
    app = await createTestApp('handovers');
    app.sandbox.wecom.contacts.addContact({ externalUserId: 'wm_demo_zhou', name: '周先生', type: 1 }, { userid: 'hanmeimei', addWay: 2 });
    app.sandbox.world.transferRefusals.push('wm_demo_zhou');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
    for (const userid of ['lilei', 'zhangwei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
    // 韩梅梅 leaves the corp: gone from the directory, her customers stay with her in WeCom until reassigned.
    app.sandbox.world.members = app.sandbox.world.members.filter((m) => m.userid !== 'hanmeimei');
    await app.services.staff.syncDirectory();
  });
  afterAll(() => app.close());

  it('lists her customers for her manager and the admin, not for salespeople', async () => {
    expect((await unassigned('lilei')).status).toBe(403);
    const res = await unassigned('zhangwei');
    expect(res.status).toBe(200);
    expect(res.body.customers.map((c: { externalUserId: string; displayName: string; departed: { name: string }; handover: unknown }) => [c.externalUserId, c.displayName, c.departed.name, c.handover])).toEqual([
      ['wm_demo_chen', '陈先生', '韩梅梅', null],
      ['wm_demo_zhou', '周先生', '韩梅梅', null],
    ]);
    expect((await unassigned('chenjing')).body.customers).toHaveLength(2);
  });

  it('refuses managers, an active handover, an inactive takeover and customers that are not hers — changing nothing', async () => {
    expect((await reassign('zhangwei', toLilei)).status).toBe(403);
    const active = await reassign('chenjing', { ...toLilei, handoverUserid: 'lilei', takeoverUserid: 'zhangwei' });
    expect(active.status).toBe(409);
    expect(active.body.error.details).toEqual([{ field: 'body.handoverUserid', issue: '在职成员' }]);
    expect((await reassign('chenjing', { ...toLilei, takeoverUserid: 'hanmeimei' })).body.error.details).toEqual([{ field: 'body.takeoverUserid', issue: 'hanmeimei 不是在职成员' }]);
    const notHers = await reassign('chenjing', { ...toLilei, externalUserIds: ['wm_demo_wang'] });
    expect(notHers.status).toBe(400);
    expect(notHers.body.error.details).toEqual([{ field: 'body.externalUserIds.0', issue: 'wm_demo_wang 不是 韩梅梅 的待分配客户' }]);
    expect(await app.connection.collection('handovers').countDocuments()).toBe(0);
    expect(transferCalls()).toBe(0);
  });

  it('asks WeCom once through the outbox, records the request on the timeline, and answers a repeat the same', async () => {
    const first = await reassign('chenjing', toLilei);
    expect(first.status).toBe(202);
    expect(first.body.customers.map((c: { externalUserId: string }) => c.externalUserId)).toEqual(['wm_demo_chen', 'wm_demo_zhou']);
    await eventually(async () => (await handover('wm_demo_zhou'))?.state === 'waiting');
    const again = await reassign('chenjing', toLilei);
    expect(again.body.customers).toEqual([
      { externalUserId: 'wm_demo_chen', state: 'waiting' },
      { externalUserId: 'wm_demo_zhou', state: 'waiting' },
    ]);
    expect(transferCalls()).toBe(1);
    expect((await profile('chenjing', 'wm_demo_chen')).body.timeline[0].summary).toBe('陈静 将已离职的 韩梅梅 的客户分配给 李雷');
    expect((await unassigned('zhangwei')).body.customers[0].handover).toMatchObject({ takeover: { userid: 'lilei', name: '李雷' }, state: 'waiting' });
  });

  it('follows WeCom to the end a day later: one customer taken over, one who refused', async () => {
    expect(await app.services.transferProgress.poll()).toEqual({ settled: 0 });
    app.sandbox.clock.advance(DAY_MS);
    expect(await app.services.transferProgress.poll()).toEqual({ settled: 2 });
    expect(await app.services.transferProgress.poll()).toEqual({ settled: 0 });

    const chen = await profile('lilei', 'wm_demo_chen');
    expect(chen.status).toBe(200);
    expect(chen.body.followers.map((f: { userid: string; active: boolean; endReason?: string; addWayLabel: string }) => [f.userid, f.active, f.endReason, f.addWayLabel])).toEqual([
      ['hanmeimei', false, 'transferred', '搜索手机号'],
      ['lilei', true, undefined, '管理员分配'],
    ]);
    expect(chen.body.timeline.map((e: { summary: string }) => e.summary)).toContain('李雷 接替了已离职的 韩梅梅，成为客户的跟进人');

    expect(await handover('wm_demo_zhou')).toMatchObject({ state: 'refused' });
    const left = (await unassigned('zhangwei')).body.customers;
    expect(left.map((c: { externalUserId: string; handover: { state: string } }) => [c.externalUserId, c.handover.state])).toEqual([['wm_demo_zhou', 'refused']]);
    expect((await profile('chenjing', 'wm_demo_zhou')).body.timeline[0].summary).toBe('客户拒绝由 李雷 接替');
  });

  it('lets the admin try a refused customer again, and shows why when WeCom refuses the request', async () => {
    app.sandbox.wecom.faults.inject('/cgi-bin/externalcontact/resigned/transfer_customer', { kind: 'errcode', errcode: 48002, errmsg: 'api forbidden' });
    const retry = await reassign('chenjing', { requestId: 'handover-0002', handoverUserid: 'hanmeimei', takeoverUserid: 'zhangwei', externalUserIds: ['wm_demo_zhou'] });
    expect(retry.status).toBe(202);
    const failed = await eventually(async () => {
      const found = await handover('wm_demo_zhou');
      return found?.state === 'failed' ? found : null;
    });
    expect(failed.error).toBe('应用没有客户联系接口权限（企业微信错误码 48002）');
    expect((await unassigned('chenjing')).body.customers[0].handover).toMatchObject({ takeover: { name: '张伟' }, state: 'failed', error: '应用没有客户联系接口权限（企业微信错误码 48002）' });
  });
});
