import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { ContactWriter } from '../wecom-sync/contact-sync.flow';
import { CorpTagRepository } from '../../modules/tags';
import { CustomerRepository } from '../../modules/customers';
import { FollowRepository } from '../../modules/follows';
import { TimelineRepository } from '../../modules/timeline';

describe('GET /api/customers/by-external-userid/:externalUserId (customer 360)', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const profile = (userid: string, externalUserId: string) =>
    request(app.callback).get(`/api/customers/by-external-userid/${externalUserId}`).set('cookie', cookies[userid]!);

  beforeAll(async () => {
    app = await createTestApp('customer360');
    for (const userid of ['lilei', 'hanmeimei', 'zhangwei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
    const corpId = app.config.wecom.corpId;
    await new CorpTagRepository(app.connection).mirrorWeComLibrary(
      corpId,
      [
        { tagId: 'et_level_a', groupId: 'eg_level', groupName: '客户等级', groupOrder: 10, name: 'A类客户', order: 3 },
        { tagId: 'et_src_event', groupId: 'eg_source', groupName: '客户来源', groupOrder: 5, name: '活动', order: 1 },
      ],
      new Date('2026-11-01T00:00:00Z'),
    );
    const writer = new ContactWriter({
      corpId,
      customers: app.services.customers,
      follows: new FollowRepository(app.connection),
      customerRecords: new CustomerRepository(app.connection),
      timeline: new TimelineRepository(app.connection),
      now: () => new Date('2026-11-20T00:00:00Z'),
    });
    const syncedAt = new Date('2026-11-20T00:00:00Z');
    await writer.apply(
      { external_userid: 'wm_x_wang', name: '王小明', unionid: 'u_x_wang', corp_name: '明日科技', position: '采购经理', type: 1 },
      [
        { userid: 'lilei', remark: '王总', createtime: 1_760_000_000, add_way: 1, state: 'ch_store01', tagIds: ['et_level_a'] },
        { userid: 'zhangwei', createtime: 1_761_000_000, add_way: 3, tagIds: ['et_level_a', 'et_src_event'] },
      ],
      'test sync',
      syncedAt,
    );
    // 陈先生 follows only 韩梅梅 (销售二部, which 张伟 also leads).
    await writer.apply({ external_userid: 'wm_x_chen', name: '陈先生', type: 1 }, [{ userid: 'hanmeimei', createtime: 1_760_500_000, add_way: 2, tagIds: [] }], 'test sync', syncedAt);
  });
  afterAll(() => app.close());

  it('gives the following salesperson the whole first screen in one answer', async () => {
    const res = await profile('lilei', 'wm_x_wang');
    expect(res.status).toBe(200);
    expect(res.body.customer).toEqual({
      id: expect.any(String),
      externalUserId: 'wm_x_wang',
      displayName: '王小明',
      corpName: '明日科技',
      position: '采购经理',
      firstSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      usesMiniProgram: false,
    });
    expect(res.body.followers.map((f: { name: string; remark?: string; addWayLabel: string; state?: string; since: string }) => [f.name, f.remark, f.addWayLabel, f.state, f.since])).toEqual([
      ['李雷', '王总', '扫描二维码', 'ch_store01', '2025-10-09T08:53:20.000Z'],
      ['张伟', undefined, '名片分享', undefined, '2025-10-20T22:40:00.000Z'],
    ]);
    expect(res.body.tags).toEqual(
      expect.arrayContaining([
        { tagId: 'et_level_a', name: 'A类客户', groupId: 'eg_level', groupName: '客户等级', source: 'wecom', markedBy: ['lilei', 'zhangwei'] },
        { tagId: 'et_src_event', name: '活动', groupId: 'eg_source', groupName: '客户来源', source: 'wecom', markedBy: ['zhangwei'] },
      ]),
    );
    expect(res.body.firstTouch).toEqual({ userid: 'lilei', since: '2025-10-09T08:53:20.000Z', channel: 'ch_store01' });
  });

  it('answers a salesperson who does not follow the customer exactly like an unknown customer (no leak)', async () => {
    const notMine = await profile('hanmeimei', 'wm_x_wang');
    const unknown = await profile('hanmeimei', 'wm_nobody_here');
    expect(notMine.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(notMine.body.error.code).toBe('NOT_FOUND');
    expect(notMine.body.error.message).toBe(unknown.body.error.message);
    expect(notMine.body.error.details).toEqual(unknown.body.error.details);
  });

  it("lets a manager see customers of the departments they lead, and an admin everyone's", async () => {
    expect((await profile('zhangwei', 'wm_x_chen')).status).toBe(200);
    expect((await profile('chenjing', 'wm_x_chen')).status).toBe(200);
    expect((await profile('lilei', 'wm_x_chen')).status).toBe(404);
  });

  it('hides a customer from the salesperson they deleted, but keeps the churn visible to the manager', async () => {
    await new FollowRepository(app.connection).end({ corpId: app.config.wecom.corpId, externalUserId: 'wm_x_chen', userid: 'hanmeimei' }, 'customer_deleted_staff', new Date('2026-11-24T00:00:00Z'));
    expect((await profile('hanmeimei', 'wm_x_chen')).status).toBe(404);
    const seenByManager = await profile('zhangwei', 'wm_x_chen');
    expect(seenByManager.body.followers[0]).toMatchObject({ userid: 'hanmeimei', active: false, endReason: 'customer_deleted_staff', endedAt: '2026-11-24T00:00:00.000Z' });
  });

  it('marks a salesperson who left the corp as departed, their customer awaiting reassignment', async () => {
    app.sandbox.world.members = app.sandbox.world.members.filter((m) => m.userid !== 'zhangwei');
    expect(await app.services.staff.syncDirectory()).toEqual({ members: 3, departed: 1 });
    const res = await profile('lilei', 'wm_x_wang');
    expect(res.body.followers.map((f: { userid: string; departed: boolean }) => [f.userid, f.departed])).toEqual([
      ['lilei', false],
      ['zhangwei', true],
    ]);
  });

  it('rejects a malformed external userid before touching anything', async () => {
    const res = await profile('lilei', 'bad%20id!');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('params.externalUserId');
  });
});
