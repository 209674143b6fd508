import { UpdateCustomerFieldsRequest, UpdateCustomerFieldsResponse } from '@zhike/shared/custom-fields';
import { ExternalUserIdParams } from '@zhike/shared/customers';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { CustomerFieldsFlow } from './customer-fields.flow';

export function registerCustomerFieldsRoutes(api: ApiRouter, flow: CustomerFieldsFlow): void {
  api.add({
    method: 'POST',
    path: '/api/customers/by-external-userid/:externalUserId/fields',
    access: 'salesperson',
    tag: 'customers',
    summary: "Fills in or clears custom fields of a customer you can see (null clears); 400 names a field that is unknown or does not fit its type; idempotent by requestId",
    params: ExternalUserIdParams,
    body: UpdateCustomerFieldsRequest,
    response: UpdateCustomerFieldsResponse,
    handler: ({ params, body, principal }) => flow.update(staffPrincipal(principal), params.externalUserId, body),
  });
}
