import { startSandboxServer } from '../../testing/test-app';
import { UpstreamApiError } from '../common/upstream-error';
import { SANDBOX_PATHS } from '../sandbox/sandbox';
import type { SandboxContactChange } from '../sandbox/wecom-contacts-sandbox';
import { addSyntheticContacts } from '../sandbox/world';
import { ExternalContactClient, type ContactPage } from './external-contact-client';
import { WeComClient } from './wecom-client';

describe('ExternalContactClient against the WeCom sandbox', () => {
  let upstream: Awaited<ReturnType<typeof startSandboxServer>>;
  let contacts: ExternalContactClient;
  const sandbox = () => upstream.sandbox.wecom.contacts;
  const memberIds = () => upstream.sandbox.world.members.map((m) => m.userid);
  const pairKey = (pair: { external_contact: { external_userid: string }; follow_info: { userid: string } }) =>
    `${pair.external_contact.external_userid}/${pair.follow_info.userid}`;
  const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
  const collect = async (pages: AsyncIterable<ContactPage>) => {
    const seen: ContactPage[] = [];
    for await (const page of pages) seen.push(page);
    return seen;
  };

  beforeEach(async () => {
    upstream = await startSandboxServer([]);
    const wecom = new WeComClient({
      apiBase: upstream.url + SANDBOX_PATHS.wecom,
      corpId: upstream.sandbox.world.corpId,
      agentId: upstream.sandbox.world.agentId,
      agentSecret: upstream.sandbox.world.agentSecret,
      timeoutMs: 1000,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    contacts = new ExternalContactClient(wecom);
  });
  afterEach(() => upstream.close());

  it('lists a member’s customers, and answers [] where WeCom says 84061 for a member without any', async () => {
    expect(await contacts.listContacts('lilei')).toEqual(['wm_demo_wang', 'wm_demo_sun']);
    expect(await contacts.listContacts('chenjing')).toEqual([]);
    expect(await errorOf(contacts.listContacts('nobody'))).toMatchObject({ errcode: 60111 });
  });

  it('gets one customer with every follow and its corp tags by name', async () => {
    const wang = await contacts.getContact('wm_demo_wang');
    expect(wang.external_contact).toMatchObject({ external_userid: 'wm_demo_wang', name: '王小明', type: 1, unionid: 'u_demo_wang' });
    expect(wang.follow_user.map((f) => f.userid)).toEqual(['lilei', 'zhangwei']);
    expect(wang.follow_user[0]).toMatchObject({ add_way: 1, state: 'poster_lilei', oper_userid: 'wm_demo_wang' });
    expect(wang.follow_user[0]!.tags).toContainEqual({ group_name: '客户等级', tag_name: 'A类客户', tag_id: 'et_level_a', type: 1 });

    const chen = await contacts.getContact('wm_demo_chen');
    expect(chen.external_contact).toMatchObject({ type: 2, corp_name: '晨光贸易' });
    expect(chen.external_contact.unionid).toBeUndefined();

    const unknown = await errorOf(contacts.getContact('wm_nobody'));
    expect(unknown).toBeInstanceOf(UpstreamApiError);
    expect(unknown).toMatchObject({ errcode: 40096 });
    expect(await errorOf(contacts.getContact(''))).toMatchObject({ errcode: 41035 });
  });

  it('pages 250 synthetic customers by 100 and yields every (customer, member) pair exactly once', async () => {
    addSyntheticContacts(upstream.sandbox.world, 250, 7);
    const expected = upstream.sandbox.world.contacts.flatMap((c) => c.follows.map((f) => `${c.externalUserId}/${f.userid}`)).sort();
    expect(expected.length).toBeGreaterThan(300);

    const pages = await collect(contacts.iterateByUsers(memberIds(), { limit: 100 }));
    const keys = pages.flatMap((page) => page.items.map(pairKey));
    expect(keys).toHaveLength(expected.length);
    expect([...keys].sort()).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(expected.length / 100));
    expect(pages.map((p) => p.items.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(100));
    expect(pages[0]!.cursor).toBe('');
    expect(pages.at(-1)!.nextCursor).toBe('');
    pages.slice(1).forEach((page, i) => expect(page.cursor).toBe(pages[i]!.nextCursor));
  });

  it('resumes from a saved cursor where it stopped, with customers added meanwhile', async () => {
    addSyntheticContacts(upstream.sandbox.world, 250, 7);
    let saved = '';
    const before: string[] = [];
    for await (const page of contacts.iterateByUsers(memberIds(), { limit: 100 })) {
      before.push(...page.items.map(pairKey));
      saved = page.nextCursor;
      if (before.length >= 200) break; // the "crash": only the persisted cursor survives
    }
    sandbox().addContact({ externalUserId: 'wm_zz_late', name: '晚到的客户' }, { userid: 'zhangwei', state: 'poster_zhangwei' });

    const after = (await collect(contacts.iterateByUsers(memberIds(), { limit: 100, startCursor: saved }))).flatMap((p) => p.items.map(pairKey));
    const all = [...before, ...after];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('wm_zz_late/zhangwei');
    expect(all).toHaveLength(upstream.sandbox.world.contacts.reduce((n, c) => n + c.follows.length, 0));
  });

  it('rejects a cursor that is not its own, and more than 100 userids before calling', async () => {
    expect(await errorOf(contacts.batchGetByUser(['lilei'], 'not-a-cursor'))).toMatchObject({ errcode: 40058 });
    const { nextCursor } = await contacts.batchGetByUser(['lilei', 'zhangwei'], '', 1);
    expect(await errorOf(contacts.batchGetByUser(['hanmeimei'], nextCursor))).toMatchObject({ errcode: 40058 });
    expect(await errorOf(contacts.batchGetByUser(Array(101).fill('lilei')))).toBeInstanceOf(RangeError);
  });

  it('retries a page that hit the rate limit (45009)', async () => {
    upstream.sandbox.wecom.faults.inject('/cgi-bin/externalcontact/batch/get_by_user', { kind: 'errcode', errcode: 45009 });
    const pages = await collect(contacts.iterateByUsers(['lilei'], { limit: 100 }));
    expect(pages.flatMap((p) => p.items.map(pairKey))).toEqual(['wm_demo_sun/lilei', 'wm_demo_wang/lilei']);
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/externalcontact/batch/get_by_user')).toBe(2);
  });

  it('marks tags on one follow, announcing the change as made through the API', async () => {
    const changes: SandboxContactChange[] = [];
    sandbox().onChange((change) => changes.push(change));
    await contacts.markTag({ userid: 'lilei', externalUserId: 'wm_demo_wang', add: ['et_level_b'], remove: ['et_level_a'] });

    const follows = sandbox().contactState('wm_demo_wang')!.follows;
    expect(follows.find((f) => f.userid === 'lilei')!.tagIds).toEqual(['et_product_skincare', 'et_source_event', 'et_purchase_yes', 'et_level_b']);
    expect(follows.find((f) => f.userid === 'zhangwei')!.tagIds).toEqual(['et_level_a']);
    expect(changes).toEqual([{ event: 'change_external_contact', changeType: 'edit_external_contact', userid: 'lilei', externalUserId: 'wm_demo_wang', origin: 'api' }]);
    const batch = await contacts.batchGetByUser(['lilei']);
    expect(batch.items.find((p) => p.external_contact.external_userid === 'wm_demo_wang')!.follow_info.tag_id).toContain('et_level_b');
  });

  it('rejects an unknown tag with 40068 and a member without the relationship with 84061, changing nothing', async () => {
    const unknownTag = await errorOf(contacts.markTag({ userid: 'lilei', externalUserId: 'wm_demo_wang', add: ['et_level_a', 'et_nope'] }));
    expect(unknownTag).toBeInstanceOf(UpstreamApiError);
    expect(unknownTag).toMatchObject({ errcode: 40068, code: 'UPSTREAM_REJECTED' });
    expect(await errorOf(contacts.markTag({ userid: 'chenjing', externalUserId: 'wm_demo_wang', add: ['et_level_a'] }))).toMatchObject({ errcode: 84061 });
    expect(await errorOf(contacts.markTag({ userid: 'ghost', externalUserId: 'wm_demo_wang', add: ['et_level_a'] }))).toMatchObject({ errcode: 60111 });
    expect(sandbox().contactState('wm_demo_wang')!.follows[0]!.tagIds).toEqual(['et_level_a', 'et_product_skincare', 'et_source_event', 'et_purchase_yes']);
  });

  it('keeps the corp tag library: list, add (40071 on duplicates), edit and delete', async () => {
    const groups = await contacts.getCorpTagList();
    expect(groups.map((g) => g.group_name)).toEqual(['客户等级', '意向产品', '客户来源', '购买状态']);
    expect(groups[0]!.tag.map((t) => t.name)).toEqual(['A类客户', 'B类客户', 'C类客户']);

    const vip = await contacts.addCorpTag({ groupName: '会员等级', tags: [{ name: '金卡', order: 2 }, { name: '银卡', order: 1 }] });
    expect(vip.tag.map((t) => t.name)).toEqual(['金卡', '银卡']);
    const more = await contacts.addCorpTag({ groupName: '客户来源', tags: [{ name: '直播' }] });
    expect(more.group_id).toBe('etg_source');
    expect(await errorOf(contacts.addCorpTag({ groupId: 'etg_source', tags: [{ name: '门店' }] }))).toMatchObject({ errcode: 40071 });

    await contacts.editCorpTag({ id: vip.tag[1]!.id, name: '普卡' });
    await contacts.markTag({ userid: 'lilei', externalUserId: 'wm_demo_sun', add: [vip.tag[0]!.id] });
    await contacts.delCorpTag({ tagIds: vip.tag.map((t) => t.id) });
    expect(sandbox().contactState('wm_demo_sun')!.follows[0]!.tagIds).not.toContain(vip.tag[0]!.id);
    expect((await contacts.getCorpTagList()).map((g) => g.group_name)).not.toContain('会员等级');
    const byId = await contacts.getCorpTagList({ groupIds: [vip.group_id] });
    expect(byId[0]).toMatchObject({ group_name: '会员等级', deleted: true });
    expect(byId[0]!.tag.map((t) => [t.name, t.deleted])).toEqual([['金卡', true], ['普卡', true]]);
  });

  it('lets a test play the customer: add, edit and delete go through one change hook', async () => {
    const changes: SandboxContactChange[] = [];
    const stop = sandbox().onChange((change) => changes.push(change));
    sandbox().addContact({ externalUserId: 'wm_new', name: '新客户', unionid: 'u_new' }, { userid: 'chenjing', state: 'qr_chenjing', tagIds: ['et_source_event'] });
    expect(await contacts.listContacts('chenjing')).toEqual(['wm_new']);
    sandbox().editFollow('wm_new', 'chenjing', { remark: '活动认识' });
    sandbox().deleteFollow('wm_new', 'chenjing', 'customer');
    expect(await contacts.listContacts('chenjing')).toEqual([]);
    stop();
    sandbox().addContact({ externalUserId: 'wm_new', name: '新客户' }, { userid: 'lilei' });
    expect(changes.map((c) => (c.event === 'change_external_contact' ? [c.changeType, c.userid, c.origin] : []))).toEqual([
      ['add_external_contact', 'chenjing', 'console'],
      ['edit_external_contact', 'chenjing', 'console'],
      ['del_follow_user', 'chenjing', 'console'],
    ]);
    expect(changes[0]).toMatchObject({ externalUserId: 'wm_new', state: 'qr_chenjing' });
  });

  it('hands a departed member’s customers over after 24 hours on the sandbox clock, unless a customer refuses (离职继承)', async () => {
    const world = upstream.sandbox.world;
    world.members = world.members.filter((m) => m.userid !== 'lilei'); // 李雷 has left
    world.transferRefusals.push('wm_demo_sun');
    const pair = { handoverUserid: 'lilei', takeoverUserid: 'hanmeimei' };

    expect(await contacts.transferResignedCustomers({ ...pair, externalUserIds: ['wm_demo_wang', 'wm_demo_sun', 'wm_demo_chen', 'wm_nobody'] })).toEqual([
      { external_userid: 'wm_demo_wang', errcode: 0 },
      { external_userid: 'wm_demo_sun', errcode: 0 },
      { external_userid: 'wm_demo_chen', errcode: 84061 },
      { external_userid: 'wm_nobody', errcode: 40096 },
    ]);
    expect(await contacts.transferResult(pair)).toEqual([
      { external_userid: 'wm_demo_wang', status: 2 },
      { external_userid: 'wm_demo_sun', status: 2 },
    ]);
    expect(await errorOf(contacts.transferResignedCustomers({ handoverUserid: 'zhangwei', takeoverUserid: 'hanmeimei', externalUserIds: ['wm_demo_wang'] }))).toMatchObject({ errcode: 40003 });

    upstream.sandbox.clock.advance(24 * 60 * 60 * 1000);
    const settled = await contacts.transferResult(pair);
    expect(settled).toEqual([
      { external_userid: 'wm_demo_wang', status: 1, takeover_time: expect.any(Number) },
      { external_userid: 'wm_demo_sun', status: 3 },
    ]);
    const wang = await contacts.getContact('wm_demo_wang');
    expect(wang.follow_user.map((f) => [f.userid, f.add_way])).toEqual([
      ['zhangwei', 3],
      ['hanmeimei', 202],
    ]);
    expect((await contacts.getContact('wm_demo_sun')).follow_user.map((f) => f.userid)).toEqual(['lilei']);
  });
});
