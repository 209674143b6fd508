import {
  ContentSendOutcomeResponse,
  PreparedContentSend,
  type ContentSendOutcomeResponse as ContentSendOutcome,
  type PrepareContentSendRequest,
  type ReportSendOutcomeRequest,
} from '@zhike/shared/content';
import { postJson } from '../../lib/http';

/**
 * Step 1 of a send: the server fills the variables, resolves media ids and tracking tokens, and records a
 * `prepared` send. Resending the same requestId answers with the same send.
 */
export function prepareContentSend(request: PrepareContentSendRequest): Promise<PreparedContentSend> {
  return postJson('/api/content/sends', request, PreparedContentSend);
}

/** Step 3: what sendChatMessage answered. Only `sent` counts as a send in the statistics. */
export function reportSendOutcome(sendId: string, request: ReportSendOutcomeRequest): Promise<ContentSendOutcome> {
  return postJson(`/api/content/sends/${encodeURIComponent(sendId)}/outcome`, request, ContentSendOutcomeResponse);
}
