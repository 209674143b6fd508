import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('referrals: claims, 我的邀请 and the referral tree', () => {
  let app: TestApp;
  let lilei: string;
  const tokens: Record<string, string> = {};
  const codes: Record<string, string> = {};
  const as = (openid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('authorization', `Bearer ${tokens[openid]}`),
    claim: async (inviteCode: string) => (await request(app.callback).post('/api/referrals/claims').set('authorization', `Bearer ${tokens[openid]}`).send({ inviteCode, channel: 'share' })).body,
  });
  const customerIdOf = async (openid: string) => String((await app.connection.collection('customers').findOne({ 'identifiers.openid': openid }))!._id);

  beforeAll(async () => {
    app = await createTestApp('referrals');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
    lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
    for (const openid of ['o_demo_wang', 'o_demo_zhao', 'o_demo_sun', 'o_demo_liu']) {
      tokens[openid] = (await request(app.callback).post('/api/auth/miniprogram/login').send({ code: app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, openid) })).body.token;
      codes[openid] = (await as(openid).get('/api/customers/me')).body.inviteCode;
    }
  });
  afterAll(() => app.close());

  it('gives every customer a stable, distinct invite code', async () => {
    expect(codes.o_demo_wang).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(new Set(Object.values(codes)).size).toBe(4);
    expect((await as('o_demo_wang').get('/api/customers/me')).body.inviteCode).toBe(codes.o_demo_wang);
  });

  it('records 王 → 赵 once, and refuses self, a second inviter, a cycle, an unknown code and a customer who is not new', async () => {
    expect(await as('o_demo_zhao').claim(codes.o_demo_wang!)).toEqual({ recorded: true, inviterName: '王小明' });
    // The same claim again (a retried request) is the same referral, not a second one.
    expect(await as('o_demo_zhao').claim(codes.o_demo_wang!)).toEqual({ recorded: true, inviterName: '王小明' });
    expect(await as('o_demo_zhao').claim(codes.o_demo_liu!)).toEqual({ recorded: false, reason: 'already_referred' });
    expect(await as('o_demo_wang').claim(codes.o_demo_wang!)).toEqual({ recorded: false, reason: 'self' });
    // 王 brought 赵 in: 王 cannot be 赵's invitee, nor the invitee of anyone 赵 brought in.
    expect(await as('o_demo_wang').claim(codes.o_demo_zhao!)).toEqual({ recorded: false, reason: 'cycle' });
    expect(await as('o_demo_liu').claim(codes.o_demo_zhao!)).toEqual({ recorded: true, inviterName: '微信用户' });
    expect(await as('o_demo_wang').claim(codes.o_demo_liu!)).toEqual({ recorded: false, reason: 'cycle' });
    expect(await as('o_demo_sun').claim('Unknown0000')).toEqual({ recorded: false, reason: 'unknown_code' });
    // A late login: 孙 was first seen two days ago and only now opens a share link.
    await app.connection.collection('customers').updateOne({ 'identifiers.openid': 'o_demo_sun' }, { $set: { firstSeenAt: new Date(Date.now() - 2 * 86_400_000) } });
    expect(await as('o_demo_sun').claim(codes.o_demo_wang!)).toEqual({ recorded: false, reason: 'not_new' });
    expect(await app.connection.collection('referrals').countDocuments()).toBe(2);
  });

  it('credits the invitee’s first touch to the inviter’s salesperson and shows both sides on the timeline', async () => {
    const referral = await app.connection.collection('referrals').findOne({ inviteeId: await customerIdOf('o_demo_zhao') });
    expect(referral).toMatchObject({ inviterId: await customerIdOf('o_demo_wang'), channel: 'share', attributedUserid: 'lilei' });
    const timeline = (await request(app.callback).get('/api/customers/by-external-userid/wm_demo_wang').set('cookie', lilei)).body.timeline as { kind: string; summary: string }[];
    expect(timeline.map((e) => `${e.kind} ${e.summary}`)).toContain('invited_customer 邀请了新客户 微信用户（分享）');
    const zhaoLines = await app.connection.collection('timeline').find({ customerId: await customerIdOf('o_demo_zhao') }).toArray();
    expect(zhaoLines.map((line) => line.kind)).toEqual(['referred_by', 'invited_customer']); // 赵 then brought 刘
  });

  it('records a poster scanned by someone other than the poster’s customer, credited to the poster’s salesperson', async () => {
    const [wang, sun] = [await customerIdOf('o_demo_wang'), await customerIdOf('o_demo_sun')];
    await app.connection.collection('customers').updateOne({ _id: (await app.connection.collection('customers').findOne({ 'identifiers.openid': 'o_demo_sun' }))!._id }, { $set: { firstSeenAt: new Date() } });
    expect(await app.services.referrals.posterScanned(wang, wang, { userid: 'lilei', scene: 'pOwnPoster1' })).toEqual({ recorded: false, reason: 'self' });
    expect(await app.services.referrals.posterScanned(wang, sun, { userid: 'zhangwei', scene: 'pWangPoster' })).toEqual({ recorded: true, inviterName: '王小明' });
    expect(await app.connection.collection('referrals').findOne({ inviteeId: sun })).toMatchObject({ channel: 'poster', attributedUserid: 'zhangwei', scene: 'pWangPoster' });
  });

  it('lists 我的邀请 with counts, and the two-level tree for a salesperson who may see the customer', async () => {
    const mine = (await as('o_demo_wang').get('/api/referrals/mine')).body;
    expect(mine).toMatchObject({ inviteCode: codes.o_demo_wang, counts: { invited: 2, activated: 2, converted: 0 } });
    expect(mine.invited.map((i: { activated: boolean; converted: boolean }) => [i.activated, i.converted])).toEqual([
      [true, false],
      [true, false],
    ]);
    const tree = await request(app.callback).get('/api/customers/by-external-userid/wm_demo_wang/referrals').set('cookie', lilei);
    expect(tree.status).toBe(200);
    expect(tree.body.inviter).toBeNull();
    expect(tree.body.invitees.map((n: { channel: string; attributedTo: { name: string }; invitees: unknown[] }) => [n.channel, n.attributedTo.name, n.invitees.length])).toEqual([
      ['poster', '张伟', 0],
      ['share', '李雷', 1], // 赵, who brought 刘
    ]);
    expect(tree.body.counts).toEqual({ invited: 2, activated: 2, converted: 0 });
  });
});
