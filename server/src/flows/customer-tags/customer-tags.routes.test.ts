import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { eventually } from '../../testing/eventually';
import { createTestApp, type TestApp } from '../../testing/test-app';


describe('customer tags: local at once, written through to WeCom by the outbox', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const mark = (userid: string, externalUserId: string, body: object) =>
    request(app.callback).post(`/api/customers/by-external-userid/${externalUserId}/tags`).set('cookie', cookies[userid]!).send(body);
  const profile = (userid: string, externalUserId: string) =>
    request(app.callback).get(`/api/customers/by-external-userid/${externalUserId}`).set('cookie', cookies[userid]!);
  const wecomTagsOf = (externalUserId: string, userid: string) =>
    app.sandbox.wecom.contacts.contactState(externalUserId)!.follows.find((f) => f.userid === userid)!.tagIds;
  const markTagCalls = () => app.sandbox.wecom.callsTo('/cgi-bin/externalcontact/mark_tag');

  beforeAll(async () => {
    app = await createTestApp('customertags');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    for (const userid of ['lilei', 'zhangwei']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(() => app.close());

  it('lists the corp tag library in WeCom order', async () => {
    const res = await request(app.callback).get('/api/tags').set('cookie', cookies.lilei!);
    expect(res.status).toBe(200);
    expect(res.body.tags.filter((t: { groupName: string }) => t.groupName === '客户等级').map((t: { name: string }) => t.name)).toEqual(['A类客户', 'B类客户', 'C类客户']);
  });

  it('shows a tag change at once and writes it to WeCom once, even when the request is repeated', async () => {
    expect(wecomTagsOf('wm_demo_wang', 'lilei')).toContain('et_level_a');
    const body = { requestId: 'req-lilei-0001', add: ['et_level_b'], remove: ['et_level_a'] };
    const before = markTagCalls();
    const first = await mark('lilei', 'wm_demo_wang', body);
    expect(first.status).toBe(202);
    expect(first.body.change).toMatchObject({ requestId: 'req-lilei-0001', add: ['et_level_b'], remove: ['et_level_a'] });

    const now = await profile('lilei', 'wm_demo_wang');
    const tag = (tagId: string) => now.body.tags.find((t: { tagId: string }) => t.tagId === tagId);
    expect(tag('et_level_b').markedBy).toEqual(['lilei']);
    expect(tag('et_level_a').markedBy).toEqual(['zhangwei']);

    const again = await mark('lilei', 'wm_demo_wang', body);
    expect(again.status).toBe(202);
    await eventually(async () => (await profile('lilei', 'wm_demo_wang')).body.tagChanges[0]?.state === 'synced');
    expect(wecomTagsOf('wm_demo_wang', 'lilei')).toEqual(expect.arrayContaining(['et_level_b']));
    expect(wecomTagsOf('wm_demo_wang', 'lilei')).not.toContain('et_level_a');
    expect(markTagCalls() - before).toBe(1);
  });

  it('retries through WeCom being busy until the write lands', async () => {
    app.sandbox.wecom.faults.inject('/cgi-bin/externalcontact/mark_tag', { kind: 'errcode', errcode: -1 }, 2);
    const res = await mark('lilei', 'wm_demo_sun', { requestId: 'req-lilei-0002', add: ['et_source_event'] });
    expect(res.status).toBe(202);
    await eventually(async () => wecomTagsOf('wm_demo_sun', 'lilei').includes('et_source_event'));
  });

  it('shows a change WeCom refuses for good, with the reason, and lets the salesperson retry it', async () => {
    app.sandbox.wecom.faults.inject('/cgi-bin/externalcontact/mark_tag', { kind: 'errcode', errcode: 40068, errmsg: 'invalid tagid' });
    await mark('lilei', 'wm_demo_sun', { requestId: 'req-lilei-0003', add: ['et_level_c'] });
    const failed = await eventually(async () => (await profile('lilei', 'wm_demo_sun')).body.tagChanges.find((c: { requestId: string; state: string }) => c.requestId === 'req-lilei-0003' && c.state === 'failed'));
    expect(failed.error).toBe('标签不存在或已被删除（企业微信错误码 40068）');

    const retry = await mark('lilei', 'wm_demo_sun', { requestId: 'req-lilei-0003', add: ['et_level_c'] });
    expect(retry.status).toBe(202);
    await eventually(async () => wecomTagsOf('wm_demo_sun', 'lilei').includes('et_level_c'));
  });

  it('refuses unknown tags, changes by non-followers, and customers outside the scope — changing nothing', async () => {
    const before = markTagCalls();
    const unknown = await mark('lilei', 'wm_demo_wang', { requestId: 'req-lilei-0004', add: ['et_made_up'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ field: 'body.add', issue: '未知标签 et_made_up' }]);
    const contradictory = await mark('lilei', 'wm_demo_wang', { requestId: 'req-lilei-0005', add: ['et_level_c'], remove: ['et_level_c'] });
    expect(contradictory.status).toBe(400);

    const managerNotFollowing = await mark('zhangwei', 'wm_demo_chen', { requestId: 'req-zw-0001', add: ['et_level_a'] });
    expect(managerNotFollowing.status).toBe(403);
    expect(managerNotFollowing.body.error.message).toBe('你没有跟进这位客户，不能修改标签');
    const outsideScope = await mark('lilei', 'wm_demo_chen', { requestId: 'req-lilei-0006', add: ['et_level_a'] });
    expect(outsideScope.status).toBe(404);
    expect(markTagCalls() - before).toBe(0);
    expect(await app.connection.collection('outbox').countDocuments({ key: { $in: ['lilei:req-lilei-0004', 'lilei:req-lilei-0005', 'zhangwei:req-zw-0001', 'lilei:req-lilei-0006'] } })).toBe(0);
  });
});
