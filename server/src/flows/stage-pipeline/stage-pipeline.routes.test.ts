import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

const DEFAULT = [
  { key: 'new', label: '新客户' },
  { key: 'contacted', label: '初步沟通' },
  { key: 'interested', label: '意向' },
  { key: 'won', label: '成交' },
  { key: 'repeat', label: '复购' },
];

describe('the configurable stage pipeline', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const get = (userid: string, path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!);
  const replace = (userid: string, stages: unknown[]) => request(app.callback).put('/api/admin/stages').set('cookie', cookies[userid]!).send({ stages });
  const moveWang = (body: object) => request(app.callback).post('/api/customers/by-external-userid/wm_demo_wang/stage').set('cookie', cookies.lilei!).send(body);

  beforeAll(async () => {
    app = await createTestApp('stagepipeline');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
    for (const userid of ['lilei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(() => app.close());

  it('starts every corp at 新客户 → 初步沟通 → 意向 → 成交 → 复购, for salespeople and in the 360', async () => {
    expect((await get('lilei', '/api/stages')).body).toEqual({ stages: DEFAULT });
    const profile = (await get('lilei', '/api/customers/by-external-userid/wm_demo_wang')).body;
    expect(profile).toMatchObject({ stage: 'new', stages: DEFAULT });
  });

  it('refuses a malformed pipeline with the offending fields, and salespeople altogether', async () => {
    expect((await replace('lilei', DEFAULT)).status).toBe(403);
    const tooShort = await replace('chenjing', [{ key: 'new', label: '新客户' }]);
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.details).toEqual([{ field: 'body.stages', issue: '销售流程至少需要 2 个阶段' }]);
    expect((await replace('chenjing', Array.from({ length: 13 }, (_, i) => ({ key: i ? `s${i}` : 'new', label: `阶段${i}` })))).body.error.details[0].field).toBe('body.stages');
    const duplicate = await replace('chenjing', [...DEFAULT, { key: 'won', label: '赢单' }]);
    expect(duplicate.body.error.details).toEqual([{ field: 'body.stages.5.key', issue: '阶段标识 won 重复' }]);
    const firstMoved = await replace('chenjing', [DEFAULT[1], DEFAULT[0]]);
    expect(firstMoved.body.error.details).toEqual([{ field: 'body.stages.0.key', issue: '第一个阶段必须是 new（新客户的起点），可以改名' }]);
    const badKey = await replace('chenjing', [DEFAULT[0], { key: 'Visited!', label: '到店' }]);
    expect(badKey.body.error.details[0].field).toBe('body.stages.1.key');
    expect((await get('lilei', '/api/stages')).body.stages).toEqual(DEFAULT);
  });

  it('will not remove a stage customers are still in: 409 with the counts, nothing saved', async () => {
    expect((await moveWang({ requestId: 'pipe-move-0001', stage: 'interested', expectedStage: 'new' })).status).toBe(200);
    expect((await get('chenjing', '/api/admin/stages')).body.stages).toEqual([
      { key: 'new', label: '新客户', customers: 2 },
      { key: 'contacted', label: '初步沟通', customers: 0 },
      { key: 'interested', label: '意向', customers: 1 },
      { key: 'won', label: '成交', customers: 0 },
      { key: 'repeat', label: '复购', customers: 0 },
    ]);
    const res = await replace('chenjing', [DEFAULT[0], DEFAULT[1], DEFAULT[3]]);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'body.stages', issue: '「意向」(interested) 还有 1 位客户' }] });
    expect((await get('lilei', '/api/stages')).body.stages).toEqual(DEFAULT);
  });

  it('applies a new pipeline: the chip lists it, stage changes are checked against it, the timeline speaks its labels', async () => {
    const pipeline = [
      { key: 'new', label: '线索' },
      { key: 'interested', label: '意向' },
      { key: 'visited', label: '到店' },
      { key: 'won', label: '成交' },
    ];
    const saved = await replace('chenjing', pipeline);
    expect(saved.status).toBe(200);
    expect(saved.body.stages).toEqual(pipeline);
    expect((await get('lilei', '/api/customers/by-external-userid/wm_demo_wang')).body).toMatchObject({ stage: 'interested', stages: pipeline });

    const removed = await moveWang({ requestId: 'pipe-move-0002', stage: 'repeat', expectedStage: 'interested' });
    expect(removed.status).toBe(400);
    expect(removed.body.error.details).toEqual([{ field: 'body.stage', issue: '阶段 repeat 不在本企业的销售流程中' }]);

    const moved = await moveWang({ requestId: 'pipe-move-0003', stage: 'visited', expectedStage: 'interested' });
    expect(moved.body.entry.summary).toBe('李雷 将阶段从 意向 改为 到店');
    const stale = await moveWang({ requestId: 'pipe-move-0004', stage: 'won', expectedStage: 'interested' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: 'body.expectedStage', issue: '当前阶段为 到店' }]);
    const timeline = (await get('lilei', '/api/customers/by-external-userid/wm_demo_wang')).body.timeline as { summary: string }[];
    expect(timeline.slice(0, 2).map((e) => e.summary)).toEqual(['李雷 将阶段从 意向 改为 到店', '李雷 将阶段从 线索 改为 意向']);
  });
});
