import { z } from 'zod';
import { DEFAULT_STAGE_PIPELINE, StageKey } from '../stages';

/**
 * The default pipeline's stage keys. @deprecated A corp configures its own pipeline: stage fields are StageKey
 * (../stages) and the stages come from GET /api/stages. Kept for screens not moved to the configured pipeline yet.
 */
export const CustomerStage = z.enum(['new', 'contacted', 'interested', 'won', 'repeat']);
export type CustomerStage = z.infer<typeof CustomerStage>;

/** @deprecated The default pipeline's labels; the corp's own come from GET /api/stages. */
export const STAGE_LABELS = Object.fromEntries(DEFAULT_STAGE_PIPELINE.map((stage) => [stage.key, stage.label])) as Record<CustomerStage, string>;

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
  // Admin-defined custom fields a salesperson filled in or changed.
  'fields_changed',
  // 离职继承: a departed salesperson's customer handed to another (requested, taken over, refused, failed).
  'customer_reassigned',
  // Fan activity in the mini-program (at most one browse entry per target per 30 minutes) and referrals.
  'page_viewed',
  'content_shared',
  'referred_by',
  'invited_customer',
  // Orders: paid (with the stage rule it may trigger) and refunded.
  'order_paid',
  'order_refunded',
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
  /** A stage of the corp's pipeline (400 naming body.stage otherwise). */
  stage: StageKey,
  /** The stage the salesperson saw: a change based on a stale screen is refused (409) instead of overwriting a colleague's. */
  expectedStage: StageKey,
});
export type ChangeCustomerStageRequest = z.infer<typeof ChangeCustomerStageRequest>;

export const TimelineEntryResponse = z.object({ entry: TimelineEntry }).meta({ id: 'TimelineEntryResponse' });
export type TimelineEntryResponse = z.infer<typeof TimelineEntryResponse>;
