import type { StaffRole } from '@zhike/shared/auth';

// The server orders roles the same way: an admin may do what a manager may, a manager what a salesperson may.
const ROLE_RANK: Record<StaffRole, number> = { salesperson: 1, manager: 2, admin: 3 };

export function hasRole(role: StaffRole, minRole: StaffRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minRole];
}
