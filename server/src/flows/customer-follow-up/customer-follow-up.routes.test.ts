import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('notes, stages and the timeline of a customer', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const post = (userid: string, what: 'notes' | 'stage' | 'tags', body: object) =>
    request(app.callback).post(`/api/customers/by-external-userid/wm_demo_wang/${what}`).set('cookie', cookies[userid]!).send(body);
  const profile = async (userid: string) => (await request(app.callback).get('/api/customers/by-external-userid/wm_demo_wang').set('cookie', cookies[userid]!)).body;

  beforeAll(async () => {
    app = await createTestApp('followup');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    for (const userid of ['lilei', 'zhangwei']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(() => app.close());

  it('starts a synced customer at 新客户 with who added them and how on the timeline', async () => {
    const view = await profile('lilei');
    expect(view.stage).toBe('new');
    expect(view.timeline.map((e: { kind: string; summary: string }) => [e.kind, e.summary])).toEqual([
      ['contact_added', '张伟 添加了客户（名片分享）'],
      ['contact_added', '李雷 添加了客户（扫描二维码 · 渠道 poster_lilei）'],
    ]);
  });

  it('records a note once per request and shows it first on the timeline', async () => {
    const body = { requestId: 'note-req-0001', text: '客户想要\n周末到店试用' };
    const first = await post('lilei', 'notes', body);
    expect(first.status).toBe(201);
    expect(first.body.entry).toMatchObject({ kind: 'note', summary: '李雷 写了备注', text: '客户想要\n周末到店试用', actor: { userid: 'lilei', name: '李雷' } });
    const again = await post('lilei', 'notes', body);
    expect(again.body.entry.id).toBe(first.body.entry.id);
    const view = await profile('lilei');
    expect(view.timeline[0].id).toBe(first.body.entry.id);
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(1);
  });

  it('moves the stage from what the salesperson saw, and refuses a change based on a stale screen', async () => {
    const moved = await post('lilei', 'stage', { requestId: 'stage-req-0001', stage: 'interested', expectedStage: 'new' });
    expect(moved.status).toBe(200);
    expect(moved.body.entry.summary).toBe('李雷 将阶段从 新客户 改为 意向');
    expect((await profile('zhangwei')).stage).toBe('interested');

    const stale = await post('zhangwei', 'stage', { requestId: 'stage-req-0002', stage: 'won', expectedStage: 'new' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', message: '客户阶段已被同事修改，请刷新后再试' });

    const replay = await post('lilei', 'stage', { requestId: 'stage-req-0001', stage: 'interested', expectedStage: 'new' });
    expect(replay.status).toBe(200);
    expect(replay.body.entry.id).toBe(moved.body.entry.id);
    expect((await profile('lilei')).stage).toBe('interested');
  });

  it('puts tag changes on the timeline with tag names', async () => {
    await post('lilei', 'tags', { requestId: 'tags-req-0001', add: ['et_level_b'], remove: ['et_level_a'] });
    expect((await profile('lilei')).timeline[0].summary).toBe('李雷 添加标签 B类客户；移除标签 A类客户');
  });

  it('refuses bad input with the offending fields and records nothing', async () => {
    const before = (await profile('lilei')).timeline.length;
    const empty = await post('lilei', 'notes', { requestId: 'note-req-0002', text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ field: 'body.text', issue: '备注不能为空' }]);
    const badStage = await post('lilei', 'stage', { requestId: 'stage-req-0003', stage: 'closed', expectedStage: 'interested' });
    expect(badStage.status).toBe(400);
    expect(badStage.body.error.details[0].field).toBe('body.stage');
    expect((await profile('lilei')).timeline.length).toBe(before);
  });
});
