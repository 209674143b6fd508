import type { ContentStatsRow } from '@zhike/shared/content';

/** 0.4567 → "45.7%": one decimal, enough to tell two scripts apart without false precision. */
export function formatOpenRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export type StatsSortKey = 'sends' | 'openRate';
export interface StatsSort {
  key: StatsSortKey;
  descending: boolean;
}

/** Sorted copy; ties keep sends (then title) order so the table does not reshuffle between reloads. */
export function sortStatsRows(rows: readonly ContentStatsRow[], sort: StatsSort): ContentStatsRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * (a[sort.key] - b[sort.key]) || b.sends - a.sends || a.title.localeCompare(b.title, 'zh-CN'));
}

/** Clicking the sorted column flips it; another column starts with the biggest first. */
export function nextSort(current: StatsSort, key: StatsSortKey): StatsSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: true };
}
