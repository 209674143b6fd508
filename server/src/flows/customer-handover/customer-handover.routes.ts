import { ReassignCustomersRequest, ReassignCustomersResponse, UnassignedCustomersResponse } from '@zhike/shared/handovers';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { CustomerHandoverFlow } from './customer-handover.flow';

export function registerCustomerHandoverRoutes(api: ApiRouter, flow: CustomerHandoverFlow): void {
  api.add({
    method: 'GET',
    path: '/api/handovers/unassigned',
    access: 'manager',
    tag: 'handovers',
    summary: 'Customers of salespeople who left (离职 · 待分配): a manager sees those of the departments they lead, an admin all; with any reassignment under way',
    response: UnassignedCustomersResponse,
    handler: async ({ principal }) => ({ customers: await flow.listUnassigned(staffPrincipal(principal)) }),
  });

  api.add({
    method: 'POST',
    path: '/api/admin/handovers',
    access: 'admin',
    tag: 'handovers',
    summary: "Hands up to 100 customers of a departed salesperson to an active one through WeCom (离职继承); answered per customer; idempotent by requestId",
    body: ReassignCustomersRequest,
    response: ReassignCustomersResponse,
    successStatus: 202,
    handler: async ({ body, principal }) => ({ customers: await flow.reassign(staffPrincipal(principal), body) }),
  });
}
