import type { CustomerFollower, CustomerTagView } from '@zhike/shared/customers';
import { formatShanghaiDateTime, shanghaiDay } from '@zhike/shared/time';

type EndReason = NonNullable<CustomerFollower['endReason']>;

/** Why a relationship ended, in the words WeCom users know; the chip carries the short status. */
export const END_REASON_LABELS: Record<EndReason, string> = {
  customer_deleted_staff: '客户已删除该成员',
  staff_deleted_customer: '成员已删除客户',
  transferred: '已转接给其他同事',
};

/** The chip of an ended relationship: a transfer is not a deletion, so it does not say 已删除. */
export function endedLabel(follower: CustomerFollower): string {
  return follower.endReason === 'transferred' ? '已转接' : '已删除';
}

export interface TagGroup<T extends GroupedTag = CustomerTagView> {
  groupId: string;
  groupName: string;
  tags: T[];
}

type GroupedTag = Pick<CustomerTagView, 'groupId' | 'groupName'>;

/** Tags grouped the way WeCom groups them, groups in the order the server listed their first tag. */
export function groupTags<T extends GroupedTag>(tags: T[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const tag of tags) {
    const group = groups.get(tag.groupId) ?? { groupId: tag.groupId, groupName: tag.groupName, tags: [] };
    group.tags.push(tag);
    groups.set(tag.groupId, group);
  }
  return [...groups.values()];
}

/** Current relationships first (the viewer's own on top), each part oldest first; ended ones last. */
export function sortFollowers(followers: CustomerFollower[], viewerUserid: string): CustomerFollower[] {
  const rank = (f: CustomerFollower) => (!f.active ? 2 : f.userid === viewerUserid ? 0 : 1);
  return [...followers].sort((a, b) => rank(a) - rank(b) || Date.parse(a.since) - Date.parse(b.since));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "今天 09:41", "昨天 18:02", else the Beijing date: recency matters more than the exact day. */
export function describeRecent(instant: string, now: Date = new Date()): string {
  const daysAgo = (Date.parse(shanghaiDay(now)) - Date.parse(shanghaiDay(instant))) / DAY_MS;
  const time = formatShanghaiDateTime(instant).slice(11);
  if (daysAgo === 0) return `今天 ${time}`;
  if (daysAgo === 1) return `昨天 ${time}`;
  return shanghaiDay(instant);
}
