import { AnalyticsRangeQuery, DEFAULT_RANGE_DAYS } from '@zhike/shared/analytics';
import { shanghaiDay } from '@zhike/shared/time';

/** What every dashboard is filtered by: Beijing days, both ends included, and a department (null = all the viewer may see). */
export interface AnalyticsFilter {
  from: string;
  to: string;
  department: number | null;
}

export type RangePreset = 'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth';
export const RANGE_PRESETS: ReadonlyArray<{ id: RangePreset; label: string }> = [
  { id: 'last7', label: '近7天' },
  { id: 'last30', label: '近30天' },
  { id: 'last90', label: '近90天' },
  { id: 'thisMonth', label: '本月' },
  { id: 'lastMonth', label: '上月' },
];

/** Today in Beijing: a manager in Shanghai at 07:00 means their today, not UTC's yesterday. */
export function beijingToday(now: number = Date.now()): string {
  return shanghaiDay(now);
}

/** "2026-11-25" + -29 → "2026-10-27"; calendar arithmetic on the day itself, no time zone involved. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -(DEFAULT_RANGE_DAYS - 1)), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'lastMonth': {
      const firstOfThisMonth = `${today.slice(0, 8)}01`;
      const lastOfPrevious = addDays(firstOfThisMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
  }
}

/** Which preset the range is, to mark its button; null for a hand-picked range. */
export function matchingPreset(filter: Pick<AnalyticsFilter, 'from' | 'to'>, today: string): RangePreset | null {
  return RANGE_PRESETS.find(({ id }) => {
    const range = presetRange(id, today);
    return range.from === filter.from && range.to === filter.to;
  })?.id ?? null;
}

export function defaultFilter(today: string): AnalyticsFilter {
  return { ...presetRange('last30', today), department: null };
}

/**
 * The filter a console hash carries (`#/analytics?from=…&to=…&department=…`), checked by the same schema
 * the server uses; null when the hash has none or a broken one (a hand-edited link), so the caller falls back.
 */
export function readFilterFromHash(hash: string): AnalyticsFilter | null {
  const search = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  if (from === null || to === null) return null;
  const department = params.get('department');
  const parsed = AnalyticsRangeQuery.safeParse({ from, to, ...(department === null || department === '' ? {} : { department }) });
  if (!parsed.success) return null;
  return { from: parsed.data.from, to: parsed.data.to, department: parsed.data.department ?? null };
}

/** The query string of a dashboard request and of the console hash: `from=…&to=…[&department=…]`. */
export function rangeSearch(filter: AnalyticsFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.department !== null) params.set('department', String(filter.department));
  return params.toString();
}

/** The hash of a console section with the filter: reloading it or sending it to a colleague keeps the range. */
export function filterHash(route: string, filter: AnalyticsFilter): string {
  return `#/${route}?${rangeSearch(filter)}`;
}

/** The problem with a hand-typed range, in the server's words, or null when it may be asked for. */
export function rangeProblem(from: string, to: string): string | null {
  const parsed = AnalyticsRangeQuery.safeParse({ from, to });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '日期范围无效');
}
