/** Calendar arithmetic on Beijing days ("YYYY-MM-DD"): noon UTC keeps every step clear of a midnight. */
const DAY_MS = 24 * 60 * 60 * 1000;

const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);

export function addDays(day: string, days: number): string {
  return new Date(noon(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function dayCount(range: { from: string; to: string }): number {
  return Math.round((noon(range.to) - noon(range.from)) / DAY_MS) + 1;
}

/** The period of equal length that ends the day before `from`: what a figure is compared with. */
export function previousPeriod(range: { from: string; to: string }): { from: string; to: string } {
  return { from: addDays(range.from, -dayCount(range)), to: addDays(range.from, -1) };
}

/** The Monday that starts the (Beijing) week of a day. */
export function mondayOf(day: string): string {
  const weekday = new Date(noon(day)).getUTCDay();
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** The instants a range of Beijing days covers: [start of `from`, start of the day after `to`). */
export function instantsOf(range: { from: string; to: string }): { start: Date; end: Date } {
  return { start: new Date(`${range.from}T00:00:00+08:00`), end: new Date(`${addDays(range.to, 1)}T00:00:00+08:00`) };
}
