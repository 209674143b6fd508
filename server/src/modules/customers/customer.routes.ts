import { CustomerMeResponse } from '@zhike/shared/auth';
import type { ApiRouter } from '../../platform/http/api-router';
import { AppError } from '../../platform/http/app-error';
import type { CustomerService } from './customer.service';

export function registerCustomerRoutes(api: ApiRouter, customers: CustomerService): void {
  api.add({
    method: 'GET',
    path: '/api/customers/me',
    access: 'customer',
    tag: 'customers',
    summary: 'The logged-in mini-program customer',
    response: CustomerMeResponse,
    handler: async ({ principal }) => {
      const customer = principal?.kind === 'customer' ? await customers.profileOf(principal.customerId) : null;
      const inviteCode = customer && (await customers.inviteCodeOf(customer.id));
      if (!customer || !inviteCode) throw new AppError('UNAUTHENTICATED', '账号不存在，请重新登录');
      return { customer, inviteCode };
    },
  });
}
