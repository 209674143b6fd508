import { z } from 'zod';
import { ExternalUserId } from '../customers';
import { RequestId } from '../timeline';

/**
 * Where a reassignment (离职继承) stands: requested (on its way to WeCom), waiting (WeCom accepted it; the
 * customer has 24 hours to refuse), done (the new salesperson has the customer), refused (by the customer),
 * failed (WeCom refused it; `error` says why).
 */
export const HandoverState = z.enum(['requested', 'waiting', 'done', 'refused', 'failed']);
export type HandoverState = z.infer<typeof HandoverState>;

const Staff = z.object({ userid: z.string(), name: z.string() });

export const HandoverView = z.object({
  takeover: Staff.describe('The active salesperson the customer is handed to'),
  state: HandoverState,
  error: z.string().optional().describe('Why it failed, in Chinese'),
  requestedAt: z.iso.datetime(),
  settledAt: z.iso.datetime().optional(),
});
export type HandoverView = z.infer<typeof HandoverView>;

/** A customer of a salesperson who left the corp, awaiting reassignment (已离职 · 待分配). */
export const UnassignedCustomer = z.object({
  customerId: z.string(),
  externalUserId: z.string(),
  displayName: z.string(),
  avatar: z.string().optional(),
  departed: Staff.describe('The salesperson who left'),
  since: z.iso.datetime().describe('When the departed salesperson added the customer'),
  /** The latest reassignment, when one was asked for. */
  handover: HandoverView.nullable(),
});
export type UnassignedCustomer = z.infer<typeof UnassignedCustomer>;

export const UnassignedCustomersResponse = z.object({ customers: z.array(UnassignedCustomer) }).meta({ id: 'UnassignedCustomersResponse' });
export type UnassignedCustomersResponse = z.infer<typeof UnassignedCustomersResponse>;

/** An admin hands up to 100 customers of one departed salesperson to one active salesperson (WeCom's limit per call). */
export const ReassignCustomersRequest = z.strictObject({
  requestId: RequestId,
  handoverUserid: z.string().min(1).max(64).describe('The departed salesperson'),
  takeoverUserid: z.string().min(1).max(64).describe('The active salesperson who takes the customers over'),
  externalUserIds: z.array(ExternalUserId).min(1, '至少选择一位客户').max(100, '一次最多分配 100 位客户'),
});
export type ReassignCustomersRequest = z.infer<typeof ReassignCustomersRequest>;

/** Per customer: where its reassignment stands now (one already under way is not asked again). */
export const ReassignCustomersResponse = z
  .object({ customers: z.array(z.object({ externalUserId: z.string(), state: HandoverState })) })
  .meta({ id: 'ReassignCustomersResponse' });
export type ReassignCustomersResponse = z.infer<typeof ReassignCustomersResponse>;
