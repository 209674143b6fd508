import { TimelineEntryResponse, type AddCustomerNoteRequest, type ChangeCustomerStageRequest, type TimelineEntry } from '@zhike/shared/timeline';
import { postJson } from '../../lib/http';

const customerPath = (externalUserId: string) => `/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}`;

/**
 * Adds a note to the customer's timeline (201, the new entry). Resending the same requestId returns the first
 * note instead of writing a second. Rejects with ApiError: 403 FORBIDDEN when the viewer does not follow them.
 */
export async function addCustomerNote(externalUserId: string, request: AddCustomerNoteRequest): Promise<TimelineEntry> {
  return (await postJson(`${customerPath(externalUserId)}/notes`, request, TimelineEntryResponse)).entry;
}

/**
 * Moves the customer to `stage` from `expectedStage` (the stage on screen), answering the stage_changed entry.
 * Rejects with ApiError: 409 CONFLICT when a colleague moved it meanwhile, 403 FORBIDDEN for a non-follower.
 */
export async function changeCustomerStage(externalUserId: string, request: ChangeCustomerStageRequest): Promise<TimelineEntry> {
  return (await postJson(`${customerPath(externalUserId)}/stage`, request, TimelineEntryResponse)).entry;
}
