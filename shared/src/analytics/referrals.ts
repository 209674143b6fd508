import { z } from 'zod';
import { AnalyticsRange, Kpi } from './range';

export const ReferrerRow = z.object({
  customerId: z.string(),
  name: z.string(),
  /** Customers they brought in (all time), those who became active (a page view or a contact), those who paid, and what those paid net of refunds. */
  invited: z.number().int(),
  activated: z.number().int(),
  converted: z.number().int(),
  revenueFen: z.number().int(),
});
export type ReferrerRow = z.infer<typeof ReferrerRow>;

export const ReferralsReport = z.object({
  range: AnalyticsRange,
  /** Referrals recorded in the range, and of those invitees how many became active and how many paid (by now). */
  invited: Kpi,
  activated: Kpi,
  converted: Kpi,
  /** Net revenue in the range from customers who were referred (whenever they were referred). */
  referredRevenueFen: Kpi,
  topReferrers: z.array(ReferrerRow),
});
export type ReferralsReport = z.infer<typeof ReferralsReport>;

export interface ReferralTreeNode {
  customerId: string;
  name: string;
  at: string | null;
  channel: 'share' | 'poster' | null;
  ordered: boolean;
  revenueFen: number;
  children: ReferralTreeNode[];
}
export const ReferralTreeNode: z.ZodType<ReferralTreeNode> = z.lazy(() =>
  z.object({
    customerId: z.string(),
    name: z.string(),
    at: z.iso.datetime().nullable(),
    channel: z.enum(['share', 'poster']).nullable(),
    ordered: z.boolean(),
    revenueFen: z.number().int(),
    children: z.array(ReferralTreeNode),
  }),
);
/** The tree around one customer: who invited them (the chain up to the root) and everyone below, 5 levels at most. */
export const ReferralTree = z.object({
  /** From the root inviter down to the customer's own inviter; empty when nobody invited them. */
  invitedBy: z.array(z.object({ customerId: z.string(), name: z.string() })),
  root: ReferralTreeNode,
  truncated: z.boolean(),
});
export type ReferralTree = z.infer<typeof ReferralTree>;
export const REFERRAL_TREE_MAX_DEPTH = 5;
