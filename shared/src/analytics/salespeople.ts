import { z } from 'zod';
import { AnalyticsRange } from './range';

export const SalespersonRow = z.object({
  userid: z.string(),
  name: z.string(),
  departmentIds: z.array(z.number().int()),
  newContacts: z.number().int(),
  /** Customers who deleted this salesperson in the range (churn). */
  lostContacts: z.number().int(),
  /** Customers followed now, and of them those the salesperson touched (sent content, note, stage, tags) in the last `coverageDays`; from the latest snapshot. */
  followedCustomers: z.number().int(),
  coveredCustomers: z.number().int(),
  coverageRate: z.number().nullable(),
  contentSent: z.number().int(),
  contentOpened: z.number().int(),
  /** contentOpened ÷ contentSent (first opens in the range over sends in the range); null without sends. */
  openRate: z.number().nullable(),
  paidOrders: z.number().int(),
  netRevenueFen: z.number().int(),
  /** Customers who paid their first order in the range. */
  firstOrders: z.number().int(),
  /** firstOrders ÷ newContacts; null without new contacts. */
  conversionRate: z.number().nullable(),
  /** Median whole days from becoming this salesperson's contact to the first paid order, of the first orders in the range. */
  medianDaysToFirstOrder: z.number().nullable(),
});
export type SalespersonRow = z.infer<typeof SalespersonRow>;

export const SalespeopleReport = z.object({
  range: AnalyticsRange,
  coverageDays: z.number().int(),
  /** When the coverage figures were computed (they come from the periodic snapshot). */
  coverageAsOf: z.iso.datetime().nullable(),
  rows: z.array(SalespersonRow),
  departments: z.array(
    z.object({
      departmentId: z.number().int(),
      name: z.string(),
      newContacts: z.number().int(),
      lostContacts: z.number().int(),
      paidOrders: z.number().int(),
      netRevenueFen: z.number().int(),
      firstOrders: z.number().int(),
      conversionRate: z.number().nullable(),
    }),
  ),
});
export type SalespeopleReport = z.infer<typeof SalespeopleReport>;
