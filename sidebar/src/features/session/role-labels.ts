import type { StaffRole } from '@zhike/shared/auth';

export const ROLE_LABELS: Record<StaffRole, string> = {
  salesperson: '销售',
  manager: '销售主管',
  admin: '管理员',
};
