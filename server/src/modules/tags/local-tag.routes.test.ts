import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('local-only tags (仅知客): admin API, tagging from the sidebar, never written to WeCom', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const as = (userid: string) => ({
    post: (path: string, body: object) => request(app.callback).post(path).set('cookie', cookies[userid]!).send(body),
    patch: (path: string, body: object) => request(app.callback).patch(path).set('cookie', cookies[userid]!).send(body),
    delete: (path: string) => request(app.callback).delete(path).set('cookie', cookies[userid]!),
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
  });
  const profileTags = async () => (await as('lilei').get('/api/customers/by-external-userid/wm_demo_wang')).body.tags as { tagId: string; name: string; source: string; markedBy: string[] }[];
  const wecomTagsOf = () => app.sandbox.wecom.contacts.contactState('wm_demo_wang')!.follows.find((f) => f.userid === 'lilei')!.tagIds;

  beforeAll(async () => {
    app = await createTestApp('localtags');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    for (const userid of ['lilei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(() => app.close());

  let vip: string;

  it('lets an admin create local tags in a local group, listed after the WeCom groups', async () => {
    const created = await as('chenjing').post('/api/admin/tags', { groupName: '会员身份', name: '黑卡会员' });
    expect(created.status).toBe(201);
    expect(created.body.tag).toEqual({ tagId: expect.stringMatching(/^lt_/), name: '黑卡会员', groupId: expect.stringMatching(/^lg_/), groupName: '会员身份', source: 'local' });
    vip = created.body.tag.tagId;
    const second = await as('chenjing').post('/api/admin/tags', { groupName: '会员身份', name: '金卡会员' });
    expect(second.body.tag.groupId).toBe(created.body.tag.groupId);

    const library = (await as('lilei').get('/api/tags')).body.tags as { groupName: string; name: string }[];
    expect(library.slice(-2).map((t) => `${t.groupName}/${t.name}`)).toEqual(['会员身份/黑卡会员', '会员身份/金卡会员']);
  });

  it('refuses salespeople, a WeCom group name, duplicates and WeCom tags — changing nothing', async () => {
    expect((await as('lilei').post('/api/admin/tags', { groupName: '会员身份', name: '银卡会员' })).status).toBe(403);
    const wecomGroup = await as('chenjing').post('/api/admin/tags', { groupName: '客户等级', name: 'S类客户' });
    expect(wecomGroup.status).toBe(409);
    expect(wecomGroup.body.error.details).toEqual([{ field: 'body.groupName', issue: '「客户等级」是企业微信标签组' }]);
    const duplicate = await as('chenjing').post('/api/admin/tags', { groupName: '会员身份', name: '黑卡会员' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details[0].field).toBe('body.name');
    expect((await as('chenjing').post('/api/admin/tags', { groupName: '会员身份', name: ' ' })).status).toBe(400);
    const renameWeCom = await as('chenjing').patch('/api/admin/tags/et_level_a', { name: '甲类客户' });
    expect(renameWeCom.status).toBe(409);
    expect((await as('chenjing').delete('/api/admin/tags/lt_nothing_here')).status).toBe(404);
    expect(await app.connection.collection('corp_tags').countDocuments({ source: 'local' })).toBe(2);
  });

  it('puts a local tag on a customer from the sidebar without a WeCom call, and a sync leaves it alone', async () => {
    const calls = app.sandbox.wecom.callsTo('/cgi-bin/externalcontact/mark_tag');
    const res = await as('lilei').post('/api/customers/by-external-userid/wm_demo_wang/tags', { requestId: 'local-tag-0001', add: [vip] });
    expect(res.status).toBe(202);
    expect(res.body.change).toEqual({ requestId: 'local-tag-0001', add: [vip], remove: [], state: 'synced', at: expect.any(String) });
    expect((await profileTags()).find((t) => t.tagId === vip)).toEqual({ tagId: vip, name: '黑卡会员', groupId: expect.any(String), groupName: '会员身份', source: 'local', markedBy: ['lilei'] });

    await app.services.contactSync.fullSync();
    expect((await profileTags()).map((t) => t.tagId)).toContain(vip);
    expect(app.sandbox.wecom.callsTo('/cgi-bin/externalcontact/mark_tag')).toBe(calls);
    expect(wecomTagsOf()).not.toContain(vip);
    expect(await app.connection.collection('outbox').countDocuments({ key: 'lilei:local-tag-0001' })).toBe(0);
  });

  it('writes only the WeCom part of a mixed change to WeCom', async () => {
    const res = await as('lilei').post('/api/customers/by-external-userid/wm_demo_wang/tags', { requestId: 'local-tag-0002', add: ['et_level_b'], remove: [vip] });
    expect(res.body.change).toMatchObject({ add: ['et_level_b'], remove: [vip] });
    const outbox = await app.connection.collection('outbox').findOne({ key: 'lilei:local-tag-0002' });
    expect(JSON.parse(outbox!.payload)).toEqual({ userid: 'lilei', externalUserId: 'wm_demo_wang', add: ['et_level_b'], remove: [] });
    expect((await profileTags()).map((t) => t.tagId)).not.toContain(vip);
  });

  it('renames and retires a local tag: the 360 follows, the timeline keeps its name', async () => {
    await as('lilei').post('/api/customers/by-external-userid/wm_demo_wang/tags', { requestId: 'local-tag-0003', add: [vip] });
    const renamed = await as('chenjing').patch(`/api/admin/tags/${vip}`, { name: '钻石会员' });
    expect(renamed.body.tag.name).toBe('钻石会员');
    expect((await profileTags()).find((t) => t.tagId === vip)?.name).toBe('钻石会员');

    expect((await as('chenjing').delete(`/api/admin/tags/${vip}`)).status).toBe(200);
    expect((await profileTags()).map((t) => t.tagId)).not.toContain(vip);
    expect((await as('lilei').get('/api/tags')).body.tags.map((t: { tagId: string }) => t.tagId)).not.toContain(vip);
    const timeline = (await as('lilei').get('/api/customers/by-external-userid/wm_demo_wang')).body.timeline as { summary: string }[];
    expect(timeline[0]!.summary).toBe('李雷 添加标签 钻石会员');
    const again = await as('lilei').post('/api/customers/by-external-userid/wm_demo_wang/tags', { requestId: 'local-tag-0004', add: [vip] });
    expect(again.status).toBe(400);
  });
});
