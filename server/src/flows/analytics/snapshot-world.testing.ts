import { CustomerRepository } from '../../modules/customers';
import { FollowRepository } from '../../modules/follows';
import { IntentRollupRepository } from '../../modules/intent';
import { JourneyRepository, type CustomerJourneyDocument } from '../../modules/analytics';
import type { TestApp } from '../../testing/test-app';

const DAY = 86_400_000;

/**
 * Five customers across the demo corp's departments (李雷 in 2, 韩梅梅 in 3, 陈静 in 4; 张伟 leads 2 and 3),
 * written straight into the records the snapshot reads. Times are whole days before `seededAt` less an hour,
 * so a snapshot taken a few seconds later counts the same whole days.
 *
 * | customer | owner (dept)   | tags        | stage      | paid orders, net, days since | active days, first → last (days ago) | touched by owner |
 * | k1 王一  | lilei (2)      | et_level_a  | won        | 3, ¥900, 3                   | 10, 20 → 1                           | 1 day ago        |
 * | k2 李二  | lilei (2)      | —           | interested | —                            | 5, 24 → 12 (every 3 days)            | 10 days ago      |
 * | k3 张三  | hanmeimei (3)  | et_level_b  | new        | 1, ¥100, 40                  | 3, 40 → 30 (every 5 days)            | 2 days ago       |
 * | k4 赵四  | chenjing (4)   | —           | new        | 2, ¥500, 10                  | 4, 33 → 21 (every 4 days)            | —                |
 * | k5 钱五  | nobody (0)     | —           | new        | 1, ¥200, 20                  | —                                    | —                |
 *
 * k2 had 40 engagement points when last active; the others none.
 */
export async function seedSnapshotWorld(app: TestApp): Promise<{ ids: Record<'k1' | 'k2' | 'k3' | 'k4' | 'k5', string>; seededAt: Date }> {
  const corpId = app.config.wecom.corpId;
  const seededAt = new Date();
  const daysAgo = (days: number) => new Date(seededAt.getTime() - days * DAY - 3_600_000);
  const customers = new CustomerRepository(app.connection);
  const follows = new FollowRepository(app.connection);
  const rows = [
    { key: 'k1', name: '王一', stage: 'won', owner: 'lilei', departmentId: 2, tags: ['et_level_a'] },
    { key: 'k2', name: '李二', stage: 'interested', owner: 'lilei', departmentId: 2, tags: [] },
    { key: 'k3', name: '张三', stage: 'new', owner: 'hanmeimei', departmentId: 3, tags: ['et_level_b'] },
    { key: 'k4', name: '赵四', stage: 'new', owner: 'chenjing', departmentId: 4, tags: [] },
    { key: 'k5', name: '钱五', stage: 'new', owner: undefined, departmentId: 0, tags: [] },
  ] as const;
  const ids = {} as Record<(typeof rows)[number]['key'], string>;
  for (const row of rows) {
    const externalUserIds = row.owner ? [`wm_${row.key}`] : [];
    const created = await customers.insert({ displayName: row.name, stage: row.stage, identifiers: { externalUserIds }, identityLinks: [], firstSeenAt: daysAgo(60) });
    ids[row.key] = created.id;
    if (row.owner) {
      await follows.saveSnapshot({ corpId, customerId: created.id, externalUserId: `wm_${row.key}`, userid: row.owner, wecomTagIds: [...row.tags], since: daysAgo(50), syncedAt: daysAgo(0) });
    }
  }
  await new IntentRollupRepository(app.connection).change(ids.k2, () => ({ refAt: daysAgo(12), value: 40, recent: [] }));

  const journey = (key: (typeof rows)[number]['key'], fields: Partial<CustomerJourneyDocument>): CustomerJourneyDocument => {
    const row = rows.find((r) => r.key === key)!;
    return {
      corpId,
      customerId: ids[key],
      steps: row.owner ? { contact: daysAgo(50) } : { visitor: daysAgo(50) },
      firstTouchAt: daysAgo(50),
      channelKey: 'organic',
      channelLabel: '自然流量',
      ...(row.owner ? { ownerUserid: row.owner } : {}),
      departmentId: row.departmentId,
      paidOrders: 0,
      netRevenueFen: 0,
      activeDays: 0,
      touchedBy: {},
      version: 1,
      updatedAt: seededAt,
      ...fields,
    };
  };
  await new JourneyRepository(app.connection).insertMany([
    journey('k1', { paidOrders: 3, netRevenueFen: 90_000, lastPaidAt: daysAgo(3), activeDays: 10, firstActiveAt: daysAgo(20), lastActiveAt: daysAgo(1), touchedBy: { lilei: daysAgo(1) } }),
    journey('k2', { activeDays: 5, firstActiveAt: daysAgo(24), lastActiveAt: daysAgo(12), touchedBy: { lilei: daysAgo(10) } }),
    journey('k3', { paidOrders: 1, netRevenueFen: 10_000, lastPaidAt: daysAgo(40), activeDays: 3, firstActiveAt: daysAgo(40), lastActiveAt: daysAgo(30), touchedBy: { hanmeimei: daysAgo(2) } }),
    journey('k4', { paidOrders: 2, netRevenueFen: 50_000, lastPaidAt: daysAgo(10), activeDays: 4, firstActiveAt: daysAgo(33), lastActiveAt: daysAgo(21) }),
    journey('k5', { paidOrders: 1, netRevenueFen: 20_000, lastPaidAt: daysAgo(20) }),
  ]);
  return { ids, seededAt };
}
