import { ExternalUserIdParams } from '@zhike/shared/customers';
import { ClaimReferralRequest, ClaimReferralResponse, MyInvitationsResponse, ReferralTreeResponse } from '@zhike/shared/referrals';
import type { ApiRouter } from '../../platform/http/api-router';
import { customerPrincipal, staffPrincipal } from '../../platform/http/principal';
import type { ReferralFlow } from './referral.flow';

export function registerReferralRoutes(api: ApiRouter, flow: ReferralFlow): void {
  api.add({
    method: 'POST',
    path: '/api/referrals/claims',
    access: 'customer',
    tag: 'referrals',
    summary: 'After login, the invite code the mini-program was opened with: recorded once if the caller is new, not the inviter, and not in a cycle (else recorded:false with the reason)',
    body: ClaimReferralRequest,
    response: ClaimReferralResponse,
    handler: ({ body, principal }) => flow.claim(customerPrincipal(principal).customerId, body),
  });
  api.add({
    method: 'GET',
    path: '/api/referrals/mine',
    access: 'customer',
    tag: 'referrals',
    summary: '我的邀请: the caller’s invite code and the people they brought in (invited, activated, converted)',
    response: MyInvitationsResponse,
    handler: ({ principal }) => flow.mine(customerPrincipal(principal).customerId),
  });
  api.add({
    method: 'GET',
    path: '/api/customers/by-external-userid/:externalUserId/referrals',
    access: 'salesperson',
    tag: 'customers',
    summary: 'Referral tree: who invited this customer and whom they invited (two levels). 404 when outside your data scope.',
    params: ExternalUserIdParams,
    response: ReferralTreeResponse,
    handler: ({ params, principal }) => flow.tree(staffPrincipal(principal), params.externalUserId),
  });
}
