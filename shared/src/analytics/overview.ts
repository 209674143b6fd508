import { z } from 'zod';
import { AnalyticsDay, AnalyticsRange, Kpi } from './range';

/** Top KPIs of the console's first screen, each against the previous period. */
export const OverviewReport = z.object({
  range: AnalyticsRange,
  newContacts: Kpi,
  lostContacts: Kpi,
  paidOrders: Kpi,
  /** Paid in the range minus refunded in the range, in fen. */
  netRevenueFen: Kpi,
  /** Customers who paid their first order in the range. */
  firstOrders: Kpi,
  contentSent: Kpi,
  contentOpened: Kpi,
  /** New contacts and net revenue per Beijing day in the range (for the trend chart). */
  daily: z.array(z.object({ day: AnalyticsDay, newContacts: z.number().int(), lostContacts: z.number().int(), paidOrders: z.number().int(), netRevenueFen: z.number().int() })),
});
export type OverviewReport = z.infer<typeof OverviewReport>;
