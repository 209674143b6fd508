import { openTestDatabase } from '../../testing/test-database';
import { ensureIndexes } from '../../platform/db/database';
import { CustomerRepository } from './customer.repository';
import { CustomerService } from './customer.service';

describe('CustomerService.observe (identity stitching on the real engine)', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let customers: CustomerService;
  const at = new Date('2026-11-25T02:00:00Z');

  beforeAll(async () => {
    db = await openTestDatabase('stitching');
    customers = new CustomerService(new CustomerRepository(db.connection), () => at);
    await ensureIndexes(db.connection);
  });
  afterAll(() => db.drop());

  it('joins a mini-program login to the WeCom contact with the same unionid, and says why', async () => {
    const contact = await customers.observe({ externalUserId: 'wm_a', unionid: 'u_a', displayName: '王小明', source: '企业微信客户同步' });
    const login = await customers.observe({ openid: 'o_a', unionid: 'u_a', source: '小程序登录 (code2session)' });
    expect(login.id).toBe(contact.id);
    expect(login.displayName).toBe('王小明');
    expect(login.identifiers).toEqual({ openid: 'o_a', unionid: 'u_a', externalUserIds: ['wm_a'] });
    expect(login.identityLinks.map(({ kind, value, reason }) => `${kind}=${value} (${reason})`)).toEqual([
      'external_userid=wm_a (企业微信客户同步)',
      'unionid=u_a (企业微信客户同步)',
      'openid=o_a (小程序登录 (code2session))',
    ]);
  });

  it('names an unnamed mini-program customer once WeCom vouches for a name, and never renames back', async () => {
    const fan = await customers.observe({ openid: 'o_b', unionid: 'u_b', source: '小程序登录 (code2session)' });
    expect(fan.displayName).toBe('微信用户');
    const named = await customers.observe({ externalUserId: 'wm_b', unionid: 'u_b', displayName: '赵丽', source: '企业微信客户同步' });
    expect(named.id).toBe(fan.id);
    expect(named.displayName).toBe('赵丽');
    expect(named.identifiers.externalUserIds).toEqual(['wm_b']);
    const again = await customers.observe({ openid: 'o_b', source: '小程序登录 (code2session)' });
    expect(again.displayName).toBe('赵丽');
  });

  it('ends a WeCom callback and a mini-program login racing for one unionid as one customer', async () => {
    const racers = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0
        ? customers.observe({ externalUserId: 'wm_c', unionid: 'u_c', displayName: '孙强', source: '企业微信回调' })
        : customers.observe({ openid: 'o_c', unionid: 'u_c', source: '小程序登录 (code2session)' }),
    );
    const results = await Promise.all(racers);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.connection.collection('customers').countDocuments({ 'identifiers.unionid': 'u_c' })).toBe(1);
    const final = (await db.connection.collection('customers').findOne({ 'identifiers.unionid': 'u_c' }))!;
    expect(final.identifiers).toEqual({ openid: 'o_c', unionid: 'u_c', externalUserIds: ['wm_c'] });
  });
});
