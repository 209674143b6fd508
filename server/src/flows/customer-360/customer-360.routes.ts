import { Customer360, ExternalUserIdParams } from '@zhike/shared/customers';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { Customer360Flow } from './customer-360.flow';

export function registerCustomer360Routes(api: ApiRouter, flow: Customer360Flow): void {
  api.add({
    method: 'GET',
    path: '/api/customers/by-external-userid/:externalUserId',
    access: 'salesperson',
    tag: 'customers',
    summary: 'Customer 360 for the sidebar: identity, followers, tags, first touch — one round trip. 404 when outside your data scope.',
    params: ExternalUserIdParams,
    response: Customer360,
    handler: ({ params, principal }) => flow.forExternalUserId(staffPrincipal(principal), params.externalUserId),
  });
}
