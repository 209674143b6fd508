import { CustomerIntentResponse, IngestEventsRequest, IngestEventsResponse } from '@zhike/shared/events';
import { ExternalUserIdParams } from '@zhike/shared/customers';
import type { ApiRouter } from '../../platform/http/api-router';
import { customerPrincipal, staffPrincipal } from '../../platform/http/principal';
import type { CustomerIntentFlow } from './customer-intent.flow';
import { IngestionRateLimited, type FanActivityFlow } from './fan-activity.flow';

export function registerFanActivityRoutes(api: ApiRouter, deps: { activity: FanActivityFlow; intent: CustomerIntentFlow }): void {
  api.add({
    method: 'POST',
    path: '/api/events',
    access: 'customer',
    tag: 'events',
    summary:
      'Mini-program tracking: a batch of ≤ 50 events for the signed-in customer, answered per event (accepted, duplicates of a resend, rejected with a code). 429 with Retry-After past 20 batches in 10 s.',
    body: IngestEventsRequest,
    response: IngestEventsResponse,
    handler: async ({ body, principal, ctx }) => {
      try {
        return await deps.activity.ingest(customerPrincipal(principal).customerId, body.events);
      } catch (error) {
        if (error instanceof IngestionRateLimited) ctx.set('Retry-After', String(error.retryAfterSeconds));
        throw error;
      }
    },
  });
  api.add({
    method: 'GET',
    path: '/api/customers/by-external-userid/:externalUserId/intent',
    access: 'salesperson',
    tag: 'customers',
    summary: 'Intent score 0–100 with its explanation (engagement with a 7-day half-life, fit, top contributing actions). 404 when outside your data scope.',
    params: ExternalUserIdParams,
    response: CustomerIntentResponse,
    handler: ({ params, principal }) => deps.intent.forExternalUserId(staffPrincipal(principal), params.externalUserId),
  });
}
