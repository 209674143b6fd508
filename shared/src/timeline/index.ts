import { z } from 'zod';

/** The default sales pipeline (configurable pipelines come with the admin console). */
export const CustomerStage = z.enum(['new', 'contacted', 'interested', 'won', 'repeat']);
export type CustomerStage = z.infer<typeof CustomerStage>;

export const STAGE_LABELS: Record<CustomerStage, string> = {
  new: '新客户',
  contacted: '初步沟通',
  interested: '意向',
  won: '成交',
  repeat: '复购',
};

export const TimelineKind = z.enum([
  'contact_added',
  'contact_removed',
  'tags_changed',
  'stage_changed',
  'note',
  // Content (scripts and posters): what a salesperson sent and what the customer did with it.
  'content_sent',
  'content_opened',
  'poster_scanned',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEntry = z.object({
  id: z.string(),
  kind: TimelineKind,
  at: z.iso.datetime(),
  /** Who did it: a salesperson's userid and name, or absent for the customer/system. */
  actor: z.object({ userid: z.string(), name: z.string() }).optional(),
  /** One line in Chinese, ready to show ("李雷 将阶段从 新客户 改为 意向"). */
  summary: z.string(),
  /** The note's text, for notes. */
  text: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const RequestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).describe('Client-generated idempotency key, one per user action');

export const AddCustomerNoteRequest = z.strictObject({
  requestId: RequestId,
  text: z.string().trim().min(1, '备注不能为空').max(2000, '备注最多 2000 字'),
});
export type AddCustomerNoteRequest = z.infer<typeof AddCustomerNoteRequest>;

export const ChangeCustomerStageRequest = z.strictObject({
  requestId: RequestId,
  stage: CustomerStage,
  /** The stage the salesperson saw: a change based on a stale screen is refused (409) instead of overwriting a colleague's. */
  expectedStage: CustomerStage,
});
export type ChangeCustomerStageRequest = z.infer<typeof ChangeCustomerStageRequest>;

export const TimelineEntryResponse = z.object({ entry: TimelineEntry }).meta({ id: 'TimelineEntryResponse' });
export type TimelineEntryResponse = z.infer<typeof TimelineEntryResponse>;
