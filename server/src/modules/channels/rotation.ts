import type { ChannelAssignment, WorkingHours } from '@zhike/shared/channels';

/** Beijing is UTC+8 all year (no daylight saving), so its wall clock is a fixed shift. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Beijing weekday (1 Monday … 7 Sunday) and wall-clock time "HH:MM" of an instant. */
export function shanghaiClock(now: Date): { weekday: number; time: string } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { weekday, time };
}

export function isWithinWorkingHours(hours: WorkingHours | undefined, now: Date): boolean {
  if (!hours) return true;
  const { weekday, time } = shanghaiClock(now);
  return hours.weekdays.includes(weekday) && hours.start <= time && time < hours.end;
}

/**
 * Who the code should add customers to now. A rotation member is eligible inside their working hours while
 * under their daily limit; when nobody is, the backups take over; with no backups, every member does, so a
 * printed code never stops working (the console shows it as 满员).
 */
export function eligibleUsers(assignment: ChannelAssignment, now: Date, addsToday: Map<string, number>): { users: string[]; via: 'members' | 'backups' | 'everyone' } {
  if (assignment.mode === 'single') return { users: [assignment.userid], via: 'members' };
  const available = assignment.members.filter(
    (member) => isWithinWorkingHours(member.workingHours, now) && (member.dailyLimit === undefined || (addsToday.get(member.userid) ?? 0) < member.dailyLimit),
  );
  if (available.length > 0) return { users: available.map((m) => m.userid), via: 'members' };
  if (assignment.backups.length > 0) return { users: [...new Set(assignment.backups)], via: 'backups' };
  return { users: assignment.members.map((m) => m.userid), via: 'everyone' };
}

/** Every salesperson a channel names (members, backups, or the one). */
export function assignedUserids(assignment: ChannelAssignment): string[] {
  return assignment.mode === 'single' ? [assignment.userid] : [...new Set([...assignment.members.map((m) => m.userid), ...assignment.backups])];
}
