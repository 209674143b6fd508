import type { Kpi } from '@zhike/shared/analytics';
import { formatShanghaiDateTime } from '@zhike/shared/time';

/** 12345 → "12,345". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** 0.4567 → "45.7%"; null (nothing to divide by) → "—", never a misleading 0%. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

/**
 * Period-over-period change: "▲12.5%", "▼25.0%", "持平", or "—" when the previous period had nothing (no
 * percentage of zero exists). Against the previous figure's size, so net revenue going from −¥100 to ¥100 is up.
 */
export function formatChange(kpi: Kpi): { text: string; direction: ChangeDirection } {
  if (kpi.previous === 0) return { text: '—', direction: 'none' };
  const change = (kpi.value - kpi.previous) / Math.abs(kpi.previous);
  if (change === 0) return { text: '持平', direction: 'flat' };
  return { text: `${change > 0 ? '▲' : '▼'}${(Math.abs(change) * 100).toFixed(1)}%`, direction: change > 0 ? 'up' : 'down' };
}

/** A funnel step's median time: under a day in hours ("5 小时"), else in days with one decimal ("1.5 天"). */
export function formatMedianHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return '不到 1 小时';
  if (hours < 24) return `${Math.round(hours)} 小时`;
  return `${(hours / 24).toFixed(1)} 天`;
}

/** 3 → "3 天", 2.5 → "2.5 天" (a median of an even count can fall between two whole days). */
export function formatDays(days: number | null): string {
  return days === null ? '—' : `${Number.isInteger(days) ? days : days.toFixed(1)} 天`;
}

export function formatDateTime(iso: string | null): string {
  return iso === null ? '—' : formatShanghaiDateTime(iso);
}

/** "2026-11-25" → "11-25": the chart's axis has no room for the year. */
export function shortDay(day: string): string {
  return day.slice(5);
}
