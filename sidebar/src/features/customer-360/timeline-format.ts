import type { Customer360 } from '@zhike/shared/customers';
import type { StageKey } from '@zhike/shared/stages';
import type { TimelineEntry, TimelineKind } from '@zhike/shared/timeline';
import { formatShanghaiDateTime, shanghaiDay } from '@zhike/shared/time';

/** What each kind is called where its icon cannot be seen (screen readers, tooltips); TimelineIcon draws it. */
export const TIMELINE_KINDS: Record<TimelineKind, { label: string }> = {
  contact_added: { label: '添加好友' },
  contact_removed: { label: '关系结束' },
  tags_changed: { label: '标签' },
  stage_changed: { label: '阶段' },
  note: { label: '备注' },
  content_sent: { label: '发送内容' },
  content_opened: { label: '打开内容' },
  poster_scanned: { label: '扫码' },
  fields_changed: { label: '资料' },
  customer_reassigned: { label: '离职继承' },
  page_viewed: { label: '浏览' },
  content_shared: { label: '分享' },
  referred_by: { label: '受邀而来' },
  invited_customer: { label: '邀请新客' },
  order_paid: { label: '支付订单' },
  order_refunded: { label: '退款' },
};

export interface TimelineDay {
  /** The Beijing calendar day, "2026-05-21". */
  day: string;
  /** 今天, 昨天, else the day itself. */
  label: string;
  entries: TimelineEntry[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** 今天 / 昨天 by the Beijing calendar (a salesperson in Beijing at 00:30 is on the new day), else the date. */
export function dayLabel(day: string, now: Date = new Date()): string {
  const daysAgo = (Date.parse(shanghaiDay(now)) - Date.parse(day)) / DAY_MS;
  if (daysAgo === 0) return '今天';
  if (daysAgo === 1) return '昨天';
  return day;
}

/** "09:41" in Beijing time. */
export function timeOf(at: string): string {
  return formatShanghaiDateTime(at).slice(11);
}

/** Newest first, one group per Beijing day. Sorted here too, so an entry added on the client lands in place. */
export function groupTimelineByDay(entries: TimelineEntry[], now: Date = new Date()): TimelineDay[] {
  const sorted = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const days: TimelineDay[] = [];
  for (const entry of sorted) {
    const day = shanghaiDay(entry.at);
    const last = days[days.length - 1];
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, label: dayLabel(day, now), entries: [entry] });
  }
  return days;
}

/** The 360 with `entry` on top of its timeline (once: a quiet reload may already have brought it). */
export function withTimelineEntry(data: Customer360, entry: TimelineEntry): Customer360 {
  return { ...data, timeline: [entry, ...data.timeline.filter((e) => e.id !== entry.id)] };
}

/** The 360 once the server has moved the customer to `stage`, its stage_changed entry on top. */
export function withStageChange(data: Customer360, stage: StageKey, entry: TimelineEntry): Customer360 {
  return withTimelineEntry({ ...data, stage }, entry);
}

// About four lines of the ~330 px note box at 13 px; past that the note starts clamped, with 展开.
const NOTE_LINES = 4;
const NOTE_LINE_CHARS = 22;

/** Whether a note is long enough to clamp: counts wrapped lines roughly (CJK is about one character per 13 px). */
export function isLongNote(text: string): boolean {
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(Array.from(paragraph).length / NOTE_LINE_CHARS));
  return lines > NOTE_LINES;
}
