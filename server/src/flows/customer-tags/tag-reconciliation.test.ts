import request from 'supertest';
import { eventually } from '../../testing/eventually';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('tag reconciliation: a full sync against pending outbox changes and drift in WeCom', () => {
  let app: TestApp;
  let lilei: string;
  const mark = (body: object) => request(app.callback).post('/api/customers/by-external-userid/wm_demo_sun/tags').set('cookie', lilei).send(body);
  const profile = async () => (await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun').set('cookie', lilei)).body;
  const heldTags = async () => (await app.connection.collection('follows').findOne({ externalUserId: 'wm_demo_sun', userid: 'lilei' }))!.wecomTagIds as string[];
  const wecomTags = () => app.sandbox.wecom.contacts.contactState('wm_demo_sun')!.follows.find((f) => f.userid === 'lilei')!.tagIds;
  const markTag = '/cgi-bin/externalcontact/mark_tag';

  beforeAll(async () => {
    app = await createTestApp('tagreconcile');
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
  });
  afterAll(() => app.close());

  it('keeps a change still in the outbox through a full sync, then lets WeCom win once it has landed', async () => {
    // WeCom is busy for every attempt of the first try: the change waits in the outbox for its retry.
    app.sandbox.wecom.faults.inject(markTag, { kind: 'errcode', errcode: -1 }, 3);
    expect((await mark({ requestId: 'recon-0001', add: ['et_level_a'], remove: ['et_level_b'] })).status).toBe(202);
    await eventually(async () => (await app.connection.collection('outbox').findOne({ key: 'lilei:recon-0001' }))?.lastError);
    expect(wecomTags()).not.toContain('et_level_a');

    const report = await app.services.contactSync.fullSync();
    expect(report.tagDriftRepaired).toBe(0);
    expect(await heldTags()).toEqual(expect.arrayContaining(['et_level_a']));
    expect(await heldTags()).not.toContain('et_level_b');
    const during = await profile();
    expect(during.tags.map((t: { tagId: string }) => t.tagId)).toContain('et_level_a');
    expect(during.tagChanges[0]).toMatchObject({ requestId: 'recon-0001', state: 'pending' });

    // The retry lands after its backoff; from then on WeCom's answer is the truth again.
    await eventually(async () => (await app.services.markTagOutbox.drain()) > 0, 10_000);
    expect(wecomTags()).toContain('et_level_a');
    expect((await app.services.contactSync.fullSync()).tagDriftRepaired).toBe(0);
    expect([...(await heldTags())].sort()).toEqual([...wecomTags()].sort());
  });

  it('repairs tags changed in WeCom unseen, records the repair once, and says WeCom’s tags were taken', async () => {
    // A change in the WeCom client whose callback never arrived.
    app.sandbox.wecom.contacts.markTag({ userid: 'lilei', externalUserId: 'wm_demo_sun', add: ['et_source_ad'], remove: ['et_source_store'] }, 'console');
    const first = await app.services.contactSync.fullSync();
    expect(first).toMatchObject({ written: 1, tagDriftRepaired: 1 });
    expect(await heldTags()).toEqual(expect.arrayContaining(['et_source_ad']));
    expect((await profile()).timeline[0]).toMatchObject({ kind: 'tags_changed', summary: '李雷 的标签按企业微信更新：添加标签 广告；移除标签 门店' });
    const run = await app.connection.collection('sync_runs').find({}).sort({ startedAt: -1 }).limit(1).next();
    expect(run?.tagDriftRepaired).toBe(1);

    expect(await app.services.contactSync.fullSync()).toMatchObject({ written: 0, tagDriftRepaired: 0 });
    expect((await profile()).timeline.filter((e: { summary: string }) => e.summary.includes('按企业微信更新'))).toHaveLength(1);
  });

  it('lets WeCom win over a change it refused for good', async () => {
    app.sandbox.wecom.faults.inject(markTag, { kind: 'errcode', errcode: 84061, errmsg: 'not external contact' });
    await mark({ requestId: 'recon-0002', add: ['et_product_membership'] });
    await eventually(async () => (await profile()).tagChanges.find((c: { requestId: string; state: string }) => c.requestId === 'recon-0002' && c.state === 'failed'));
    expect(await heldTags()).toContain('et_product_membership');

    await app.services.contactSync.fullSync();
    expect(await heldTags()).not.toContain('et_product_membership');
    const after = await profile();
    expect(after.tags.map((t: { tagId: string }) => t.tagId)).not.toContain('et_product_membership');
    expect(after.tagChanges.find((c: { requestId: string }) => c.requestId === 'recon-0002')).toMatchObject({ state: 'failed' }); // still offered for retry
  });
});
