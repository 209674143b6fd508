import { z } from 'zod';
import { AnalyticsCustomerRef } from './customer-ref';
import { AnalyticsDay } from './range';
import { ChannelKey, FunnelStep } from './funnel';
import { RfmCell } from './segments';

/**
 * Which customers a figure counts. Each dashboard figure links to one of these; the list is read from the
 * raw records (journeys, follows, orders, content, referrals), so it is exact even where the chart is a rollup.
 */
export const DrillDownQuery = z.discriminatedUnion('population', [
  z.strictObject({ population: z.literal('funnel'), from: AnalyticsDay, to: AnalyticsDay, step: FunnelStep, channelKey: ChannelKey.optional(), department: z.coerce.number().int().min(0).optional() }),
  z.strictObject({ population: z.literal('new_contacts'), from: AnalyticsDay, to: AnalyticsDay, userid: z.string().max(64).optional(), department: z.coerce.number().int().min(0).optional() }),
  z.strictObject({ population: z.literal('lost_contacts'), from: AnalyticsDay, to: AnalyticsDay, userid: z.string().max(64).optional(), department: z.coerce.number().int().min(0).optional() }),
  z.strictObject({ population: z.literal('paid'), from: AnalyticsDay, to: AnalyticsDay, userid: z.string().max(64).optional(), department: z.coerce.number().int().min(0).optional(), firstOnly: z.enum(['true', 'false']).optional() }),
  z.strictObject({ population: z.literal('content'), from: AnalyticsDay, to: AnalyticsDay, contentKind: z.enum(['script', 'poster']), contentId: z.string().min(1).max(64), touch: z.enum(['sent', 'opened', 'contact_added', 'order']) }),
  z.strictObject({ population: z.literal('invitees'), inviterId: z.string().min(1).max(64) }),
  z.strictObject({ population: z.literal('rfm'), cell: RfmCell }),
  z.strictObject({ population: z.literal('segment'), segmentId: z.string().min(1).max(64) }),
  z.strictObject({ population: z.literal('churn_risk'), userid: z.string().max(64).optional() }),
  z.strictObject({ population: z.literal('uncovered'), userid: z.string().min(1).max(64) }),
]);
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

export const DRILL_DOWN_PAGE_SIZE = 50;
export const DrillDownPage = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  format: z.enum(['json', 'csv']).default('json'),
});

export const DrillDownCustomer = AnalyticsCustomerRef.extend({
  stage: z.string().nullable(),
  channelLabel: z.string(),
  firstTouchAt: z.iso.datetime().nullable(),
  lastActiveAt: z.iso.datetime().nullable(),
  paidOrders: z.number().int(),
  netRevenueFen: z.number().int(),
});
export type DrillDownCustomer = z.infer<typeof DrillDownCustomer>;

export const DrillDownResult = z.object({
  /** What the list is, in Chinese ("2026-11-01 至 2026-11-30 首次接触、已到达「已下单」的客户"). */
  title: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  customers: z.array(DrillDownCustomer),
});
export type DrillDownResult = z.infer<typeof DrillDownResult>;

/** The CSV's header row, in this order (UTF-8 with BOM so Excel opens Chinese correctly). */
export const DRILL_DOWN_CSV_COLUMNS = ['客户ID', '客户', '负责销售', '阶段', '首次接触渠道', '首次接触时间', '最近活跃', '已支付订单数', '净消费(元)'] as const;
