import type { TimelineKind } from '@zhike/shared/timeline';
import request from 'supertest';
import { SnapshotRepository } from '../../modules/analytics/snapshot.repository';
import { ChannelRepository, newChannelState } from '../../modules/channels';
import { ContentTrackingRepository } from '../../modules/content-tracking';
import { CustomerRepository } from '../../modules/customers';
import { FollowRepository } from '../../modules/follows';
import { OrderRepository } from '../../modules/orders';
import { ReferralRepository } from '../../modules/referrals';
import { ScriptRepository } from '../../modules/scripts';
import { TimelineRepository } from '../../modules/timeline';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import type { TestApp } from '../../testing/test-app';

/**
 * A small corp whose every figure is worked out by hand in the tests. Times are UTC; the comments give the
 * Beijing time. Departments (sandbox): 2 销售一部 (李雷 lilei), 3 销售二部 (韩梅梅 hanmeimei); 张伟 zhangwei
 * is in both but leads only 2; 陈静 chenjing (运营部, 4) is the admin.
 *
 * 王一 (wang)  visitor 11-25 00:30 (= 11-24T16:30Z) → fan 02:30 → contact of lilei 10:30 → opens 新品话术 13:30
 *             → pays 300.00 on 11-26 10:30 (credited to 新品话术) → invites 赵二 → pays 200.00 on 11-28
 *             → 50.00 of the first order refunded on 11-29 00:30 (= 11-28T16:30Z).
 * 赵二 (zhao)  referred by 王一 (share) 11-26 12:00, views 12:05, contact of lilei 11-27 12:00, receives 老客回访
 *             11-28, pays 80.00 on 11-30 14:00, 30.00 refunded 12-01.
 * 孙三 (sun)   fan 11-26 23:00, contact of hanmeimei through the channel 地推活码 11-27 09:00, receives 新品话术,
 *             pays 100.00 on 11-30 09:00.
 * 刘四 (liu)   contact of lilei 11-20 (previous period), deletes lilei 11-28. No orders.
 * 陈五 (chen)  contact of hanmeimei 11-24 23:59:59 (previous period, but the cohort week of 11-23).
 * 周六 (zhou)  visitor 11-26 18:00, nobody's customer (department 0).
 */
export interface AnalyticsDataset {
  customers: Record<'wang' | 'zhao' | 'sun' | 'liu' | 'chen' | 'zhou', string>;
  scripts: { launch: string; revisit: string };
  channel: { id: string; name: string };
  cookies: Record<'admin' | 'manager' | 'salesperson', string>;
}

const at = (iso: string) => new Date(iso);

export async function seedAnalyticsDataset(app: TestApp): Promise<AnalyticsDataset> {
  const corpId = app.config.wecom.corpId;
  const { connection } = app;
  // 张伟 leads 销售一部 only: a manager who must not see 销售二部.
  app.sandbox.world.members = app.sandbox.world.members.map((member) => (member.userid === 'zhangwei' ? { ...member, isLeaderInDept: [1, 0] } : member));
  await app.services.staff.syncDirectory();

  const customers = new CustomerRepository(connection);
  const follows = new FollowRepository(connection);
  const timeline = new TimelineRepository(connection);
  const orders = new OrderRepository(connection);
  const content = new ContentTrackingRepository(connection);
  const referrals = new ReferralRepository(connection);

  const customer = async (displayName: string, firstSeenAt: string, identity: { externalUserId?: string; unionid?: { value: string; at: string } }) =>
    (
      await customers.insert({
        displayName,
        identifiers: { externalUserIds: identity.externalUserId ? [identity.externalUserId] : [], ...(identity.unionid ? { unionid: identity.unionid.value } : {}) },
        identityLinks: identity.unionid ? [{ kind: 'unionid', value: identity.unionid.value, reason: '小程序登录', at: at(identity.unionid.at) }] : [],
        firstSeenAt: at(firstSeenAt),
      })
    ).id;
  const ids = {
    wang: await customer('王一, VIP', '2026-11-24T16:30:00Z', { externalUserId: 'wm_wang', unionid: { value: 'u_wang', at: '2026-11-24T18:30:00Z' } }),
    zhao: await customer('赵二', '2026-11-26T04:00:00Z', { externalUserId: 'wm_zhao' }),
    sun: await customer('孙三', '2026-11-26T15:00:00Z', { externalUserId: 'wm_sun', unionid: { value: 'u_sun', at: '2026-11-26T15:00:00Z' } }),
    liu: await customer('刘四', '2026-11-20T02:00:00Z', { externalUserId: 'wm_liu' }),
    chen: await customer('陈五', '2026-11-24T15:59:59Z', { externalUserId: 'wm_chen5' }),
    zhou: await customer('周六', '2026-11-26T10:00:00Z', {}),
  };

  const state = newChannelState();
  const now = at('2026-11-01T00:00:00Z');
  const channel = await new ChannelRepository(connection).insert('64b000000000000000000001', {
    corpId, kind: 'channel', name: '地推活码', group: '', state, configId: 'cfg_ditui', contactWayType: 1, qrAssetId: 'asset', qrAssetKey: 'key',
    assignment: { mode: 'single', userid: 'hanmeimei' }, skipVerify: true, tagIds: [], welcome: null, currentUsers: ['hanmeimei'],
    version: 1, createdBy: 'chenjing', updatedBy: 'chenjing', createdAt: now, updatedAt: now,
  });

  const scriptRepository = new ScriptRepository(connection);
  const script = async (title: string) =>
    (
      await scriptRepository.create({
        corpId, scope: 'shared', categoryId: 'cat', title, content: { type: 'text', text: title }, keywords: [], stages: [], tagIds: [], usageCount: 0,
        version: 1, createdBy: 'chenjing', updatedBy: 'chenjing', createdAt: now, updatedAt: now,
      })
    ).id;
  const scripts = { launch: await script('新品话术'), revisit: await script('老客回访') };

  let n = 0;
  const entry = (customerId: string, kind: TimelineKind, when: string, data: Record<string, unknown> = {}, actorUserid?: string) =>
    timeline.record({ corpId, customerId, kind, at: at(when), data, key: `seed:${++n}`, ...(actorUserid ? { actorUserid } : {}) });
  const follow = (customerId: string, externalUserId: string, userid: string, since: string, extra: { state?: string } = {}) =>
    follows.saveSnapshot({ corpId, customerId, externalUserId, userid, wecomTagIds: [], since: at(since), syncedAt: at(since), ...extra });
  const order = (orderNo: string, customerId: string, salespersonUserid: string, totalFen: number, paidAt: string, status: 'paid' | 'fulfilled', refundedFen = 0) =>
    orders.create({
      corpId, orderNo, creatorKey: `customer:${customerId}`, requestId: orderNo, customerId, createdBy: { kind: 'customer' }, salespersonUserid,
      items: [], subtotalFen: totalFen, discountFen: 0, totalFen, refundedFen, status, createdAt: at(paidAt), expiresAt: at(paidAt), paidAt: at(paidAt), history: [],
    });
  const send = async (customerId: string, externalUserId: string, userid: string, contentId: string, title: string, when: string) => {
    const created = await content.createSend({
      corpId, userid, requestId: `send-${++n}`, customerId, externalUserId, contentKind: 'script', contentId, title, token: `token${String(n).padStart(17, '0')}`,
      status: 'prepared', preparedAt: at(when),
    });
    await content.settle(corpId, created.id, { status: 'sent', settledAt: at(when) });
    await entry(customerId, 'content_sent', when, { contentKind: 'script', contentId, title, sendId: created.id }, userid);
    return created.id;
  };

  // 王一
  await entry(ids.wang, 'page_viewed', '2026-11-24T16:30:00Z', { title: '首页' });
  await follow(ids.wang, 'wm_wang', 'lilei', '2026-11-25T02:30:00Z');
  await entry(ids.wang, 'contact_added', '2026-11-25T02:30:00Z', { addWay: 1 }, 'lilei');
  const wangSend = await send(ids.wang, 'wm_wang', 'lilei', scripts.launch, '新品话术', '2026-11-25T03:00:00Z');
  const opened = { corpId, touch: 'open', contentKind: 'script', contentId: scripts.launch, userid: 'lilei', sendId: wangSend, customerId: ids.wang, at: at('2026-11-25T05:30:00Z') } as const;
  await content.recordTouch({ ...opened, key: `open:${wangSend}:customer:${ids.wang}` });
  await content.recordTouch({ ...opened, key: `open:${wangSend}` });
  await entry(ids.wang, 'content_opened', '2026-11-25T05:30:00Z', { userid: 'lilei', contentKind: 'script', contentId: scripts.launch, sendId: wangSend });
  await order('A1', ids.wang, 'lilei', 30000, '2026-11-26T02:30:00Z', 'paid', 5000);
  await entry(ids.wang, 'order_paid', '2026-11-26T02:30:00Z', { orderNo: 'A1', totalFen: 30000 }, 'lilei');
  const credited = { corpId, touch: 'order', contentKind: 'script', contentId: scripts.launch, userid: 'lilei', customerId: ids.wang } as const;
  await content.recordTouch({ ...credited, key: 'order:A1', amountFen: 30000, at: at('2026-11-26T02:30:00Z') });
  await entry(ids.wang, 'invited_customer', '2026-11-26T04:00:00Z', { inviteeId: ids.zhao, inviteeName: '赵二', channel: 'share' });
  await order('A2', ids.wang, 'lilei', 20000, '2026-11-28T02:30:00Z', 'fulfilled');
  await entry(ids.wang, 'order_paid', '2026-11-28T02:30:00Z', { orderNo: 'A2', totalFen: 20000 }, 'lilei');
  await entry(ids.wang, 'order_refunded', '2026-11-28T16:30:00Z', { orderNo: 'A1', refundFen: 5000, salespersonUserid: 'lilei' }, 'chenjing');
  await content.recordTouch({ ...credited, key: 'refund:R1', amountFen: -5000, at: at('2026-11-28T16:30:00Z') });

  // 赵二
  await referrals.insertFirst({ inviterId: ids.wang, inviteeId: ids.zhao, channel: 'share', at: at('2026-11-26T04:00:00Z'), attributedUserid: 'lilei' });
  await entry(ids.zhao, 'referred_by', '2026-11-26T04:00:00Z', { inviterId: ids.wang, inviterName: '王一, VIP', channel: 'share', attributedUserid: 'lilei' });
  await entry(ids.zhao, 'page_viewed', '2026-11-26T04:05:00Z', { title: '商品详情' });
  await follow(ids.zhao, 'wm_zhao', 'lilei', '2026-11-27T04:00:00Z');
  await entry(ids.zhao, 'contact_added', '2026-11-27T04:00:00Z', { addWay: 1 }, 'lilei');
  await send(ids.zhao, 'wm_zhao', 'lilei', scripts.revisit, '老客回访', '2026-11-28T03:00:00Z');
  await order('B1', ids.zhao, 'lilei', 8000, '2026-11-30T06:00:00Z', 'paid', 3000);
  await entry(ids.zhao, 'order_paid', '2026-11-30T06:00:00Z', { orderNo: 'B1', totalFen: 8000 }, 'lilei');
  await entry(ids.zhao, 'order_refunded', '2026-12-01T06:00:00Z', { orderNo: 'B1', refundFen: 3000, salespersonUserid: 'lilei' }, 'lilei');

  // 孙三
  await follow(ids.sun, 'wm_sun', 'hanmeimei', '2026-11-27T01:00:00Z', { state });
  await entry(ids.sun, 'contact_added', '2026-11-27T01:00:00Z', { addWay: 1, state }, 'hanmeimei');
  await send(ids.sun, 'wm_sun', 'hanmeimei', scripts.launch, '新品话术', '2026-11-27T02:00:00Z');
  await order('C1', ids.sun, 'hanmeimei', 10000, '2026-11-30T01:00:00Z', 'paid');
  await entry(ids.sun, 'order_paid', '2026-11-30T01:00:00Z', { orderNo: 'C1', totalFen: 10000 }, 'hanmeimei');

  // 刘四
  await follow(ids.liu, 'wm_liu', 'lilei', '2026-11-20T02:00:00Z');
  await entry(ids.liu, 'contact_added', '2026-11-20T02:00:00Z', { addWay: 1 }, 'lilei');
  await follows.end({ corpId, externalUserId: 'wm_liu', userid: 'lilei' }, 'customer_deleted_staff', at('2026-11-28T02:00:00Z'));
  await entry(ids.liu, 'contact_removed', '2026-11-28T02:00:00Z', { reason: 'customer_deleted_staff' }, 'lilei');

  // 陈五, 周六
  await follow(ids.chen, 'wm_chen5', 'hanmeimei', '2026-11-24T15:59:59Z');
  await entry(ids.chen, 'contact_added', '2026-11-24T15:59:59Z', { addWay: 2 }, 'hanmeimei');
  await entry(ids.zhou, 'page_viewed', '2026-11-26T10:00:00Z', { title: '首页' });

  await new SnapshotRepository(connection).save({
    _id: corpId,
    asOf: at('2026-12-01T08:00:00Z'),
    coverageDays: 7,
    coverage: { lilei: { followed: 4, covered: 3 } },
    rfm: { buyers: 0, averages: { recencyDays: 0, frequency: 0, monetaryFen: 0 }, byDepartment: {} },
    segments: {},
  });

  const login = async (userid: string) => sessionCookie((await completeStaffOAuth(app, userid, '/console/')).callback);
  const cookies = { admin: await login('chenjing'), manager: await login('zhangwei'), salesperson: await login('lilei') };
  const rebuilt = await request(app.callback).post('/api/admin/analytics/rebuild').set('cookie', cookies.admin);
  if (rebuilt.status !== 200) throw new Error(`rebuild failed: ${rebuilt.status} ${JSON.stringify(rebuilt.body)}`);
  return { customers: ids, scripts, channel: { id: channel!.id, name: '地推活码' }, cookies };
}
