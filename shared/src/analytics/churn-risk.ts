import { z } from 'zod';
import { AnalyticsCustomerRef } from './customer-ref';

export const CHURN_RULE =
  '只看企微客户中至少活跃过 3 个不同日子的人：沉默天数超过自己平均活跃间隔的 2 倍且不少于 7 天，即列为流失风险；意向分按 7 天半衰期随沉默下降，一并列出。';

export const ChurnRiskRow = AnalyticsCustomerRef.extend({
  lastActiveAt: z.iso.datetime(),
  /** Average days between the customer's active days. */
  usualGapDays: z.number(),
  silentDays: z.number().int(),
  /** Intent score when last active, and decayed to now. */
  scoreAtLastActive: z.number(),
  scoreNow: z.number(),
  /** 0–100: higher = more overdue relative to the customer's rhythm. */
  risk: z.number(),
  /** One line in Chinese: "平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 18". */
  reason: z.string(),
});
export type ChurnRiskRow = z.infer<typeof ChurnRiskRow>;

/** The list shows the customers most at risk; the whole list is the `churn_risk` drill-down (and its CSV). */
export const CHURN_LIST_LIMIT = 200;

export const ChurnRiskReport = z.object({
  asOf: z.iso.datetime().nullable(),
  rule: z.string(),
  /** Customers at risk in the viewer's scope, and per salesperson. */
  total: z.number().int(),
  byOwner: z.array(z.object({ userid: z.string(), name: z.string(), total: z.number().int() })),
  /** The CHURN_LIST_LIMIT most at risk. */
  rows: z.array(ChurnRiskRow),
});
export type ChurnRiskReport = z.infer<typeof ChurnRiskReport>;

/** A salesperson may ask only for themselves (or leave it out); a manager for a salesperson of their departments. */
export const ChurnRiskQuery = z.strictObject({ userid: z.string().min(1).max(64).optional() });

/** POST /api/admin/analytics/refresh: the snapshot just computed. */
export const AnalyticsRefreshResult = z.object({
  asOf: z.iso.datetime(),
  /** Customers (journeys) read, buyers among them, customers listed at churn risk, and how long it took. */
  customers: z.number().int(),
  buyers: z.number().int(),
  churnRisks: z.number().int(),
  durationMs: z.number().int(),
});
export type AnalyticsRefreshResult = z.infer<typeof AnalyticsRefreshResult>;
