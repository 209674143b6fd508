import { ExternalUserIdParams } from '@zhike/shared/customers';
import { AddCustomerNoteRequest, ChangeCustomerStageRequest, TimelineEntryResponse } from '@zhike/shared/timeline';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { CustomerFollowUpFlow } from './customer-follow-up.flow';

export function registerCustomerFollowUpRoutes(api: ApiRouter, flow: CustomerFollowUpFlow): void {
  api.add({
    method: 'POST',
    path: '/api/customers/by-external-userid/:externalUserId/notes',
    access: 'salesperson',
    tag: 'customers',
    summary: 'Adds a note to the timeline of a customer you follow; idempotent by requestId',
    params: ExternalUserIdParams,
    body: AddCustomerNoteRequest,
    response: TimelineEntryResponse,
    successStatus: 201,
    handler: async ({ params, body, principal }) => ({ entry: await flow.addNote(staffPrincipal(principal), params.externalUserId, body) }),
  });

  api.add({
    method: 'POST',
    path: '/api/customers/by-external-userid/:externalUserId/stage',
    access: 'salesperson',
    tag: 'customers',
    summary: 'Moves a customer you follow to another pipeline stage; 409 if it is no longer at expectedStage; idempotent by requestId',
    params: ExternalUserIdParams,
    body: ChangeCustomerStageRequest,
    response: TimelineEntryResponse,
    handler: async ({ params, body, principal }) => ({ entry: await flow.changeStage(staffPrincipal(principal), params.externalUserId, body) }),
  });
}
