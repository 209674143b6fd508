import { z } from 'zod';

/** Who a listed customer is, and who owns them: the first columns of every customer list in analytics. */
export const AnalyticsCustomerRef = z.object({
  customerId: z.string(),
  /** For opening the customer's 360 (absent for fans who are not WeCom contacts yet). */
  externalUserId: z.string().nullable(),
  name: z.string(),
  avatar: z.string().nullable(),
  ownerUserid: z.string().nullable(),
  ownerName: z.string().nullable(),
});
