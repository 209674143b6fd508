import { z } from 'zod';

/** A Beijing day, "YYYY-MM-DD". */
export const AnalyticsDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((day) => {
    const midnight = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day;
  }, '日期无效');

/** The range a report covers, as it answers it. */
export const AnalyticsRange = z.object({ from: AnalyticsDay, to: AnalyticsDay });

/** The longest range one request may cover: two years of daily rollups. */
export const MAX_RANGE_DAYS = 731;
export const DEFAULT_RANGE_DAYS = 30;

/** From the query string: a date range and an optional department (managers see only the ones they lead). */
export const AnalyticsRangeQuery = z
  .strictObject({
    from: AnalyticsDay,
    to: AnalyticsDay,
    /** A WeCom department id; absent = everything the viewer may see. */
    department: z.coerce.number().int().min(0).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, { message: '时间范围最长两年', path: ['to'] });
export type AnalyticsRangeQuery = z.infer<typeof AnalyticsRangeQuery>;

/** The departments a viewer may filter by (GET /api/analytics/departments). */
export const AnalyticsDepartments = z.array(z.object({ departmentId: z.number().int(), name: z.string() }));
export type AnalyticsDepartment = z.infer<typeof AnalyticsDepartments>[number];

/** A figure with the same figure for the period of equal length just before (period-over-period change). */
export const Kpi = z.object({ value: z.number(), previous: z.number() });
export type Kpi = z.infer<typeof Kpi>;
