/** Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight saving). */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiParts(instant: Date | string | number) {
  const shifted = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

/** "2026-11-25 09:41" in Beijing time. */
export function formatShanghaiDateTime(instant: Date | string | number): string {
  const { date, time } = shanghaiParts(instant);
  return `${date} ${time}`;
}

/** The calendar day in Beijing time, "2026-11-25": the key for daily rollups. */
export function shanghaiDay(instant: Date | string | number): string {
  return shanghaiParts(instant).date;
}
