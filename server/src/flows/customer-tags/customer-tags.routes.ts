import { ExternalUserIdParams } from '@zhike/shared/customers';
import { MarkCustomerTagsRequest, MarkCustomerTagsResponse, TagLibraryResponse } from '@zhike/shared/tags';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { TagLibraryService } from '../../modules/tags';
import type { CustomerTagsFlow } from './customer-tags.flow';

export function registerCustomerTagRoutes(api: ApiRouter, deps: { flow: CustomerTagsFlow; library: TagLibraryService }): void {
  api.add({
    method: 'GET',
    path: '/api/tags',
    access: 'salesperson',
    tag: 'tags',
    summary: 'The corp tag library (mirrored from WeCom), in display order',
    response: TagLibraryResponse,
    handler: async () => ({
      tags: (await deps.library.list()).map(({ tagId, name, groupId, groupName, source }) => ({ tagId, name, groupId, groupName, source })),
    }),
  });

  api.add({
    method: 'POST',
    path: '/api/customers/by-external-userid/:externalUserId/tags',
    access: 'salesperson',
    tag: 'tags',
    summary: "Adds/removes corp tags on the caller's relationship with the customer: local at once, written through to WeCom by the outbox; idempotent by requestId",
    params: ExternalUserIdParams,
    body: MarkCustomerTagsRequest,
    response: MarkCustomerTagsResponse,
    successStatus: 202,
    handler: async ({ params, body, principal }) => ({ change: await deps.flow.mark(staffPrincipal(principal), params.externalUserId, body) }),
  });
}
