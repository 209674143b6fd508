import type { RouteAccess, StaffRole } from '@zhike/shared/auth';

/** Who is calling, as established from a verified session. */
export type Principal =
  | { kind: 'staff'; sessionId: string; staffId: string; corpId: string; userid: string; role: StaffRole }
  | { kind: 'customer'; sessionId: string; customerId: string };

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
export type CustomerPrincipal = Extract<Principal, { kind: 'customer' }>;

const STAFF_RANK: Record<StaffRole, number> = { salesperson: 1, manager: 2, admin: 3 };

/** Whether a principal may call a route that declares `access`. */
export function isAllowed(access: RouteAccess, principal: Principal | null): boolean {
  if (access === 'anonymous') return true;
  if (!principal) return false;
  if (access === 'customer') return principal.kind === 'customer';
  return principal.kind === 'staff' && STAFF_RANK[principal.role] >= STAFF_RANK[access];
}

/** The staff principal of a route declared for staff; the router has already refused anyone else. */
export function staffPrincipal(principal: Principal | null): StaffPrincipal {
  if (principal?.kind !== 'staff') throw new Error('staff route reached without a staff principal');
  return principal;
}

/** The customer principal of a route declared for customers; the router has already refused anyone else. */
export function customerPrincipal(principal: Principal | null): CustomerPrincipal {
  if (principal?.kind !== 'customer') throw new Error('customer route reached without a customer principal');
  return principal;
}
