import type { StaffRole } from '@zhike/shared/auth';

const TITLES: Record<StaffRole, string> = { salesperson: '需要登录', manager: '需要主管权限', admin: '需要管理员权限' };
const WHO: Record<StaffRole, string> = { salesperson: '公司成员', manager: '销售主管和管理员', admin: '管理员' };

/**
 * Shown instead of a screen the viewer's role may not open, or when the server answered 403 FORBIDDEN: polite,
 * and says whom to ask, rather than an error.
 */
export function NeedsPermission({ minRole, screen }: { minRole: StaffRole; screen: string }) {
  return (
    <section className="console-card console-needs-permission" role="status" data-testid="needs-permission">
      <h2>{TITLES[minRole]}</h2>
      <p>
        “{screen}”只对{WHO[minRole]}开放。如需使用，请联系公司的知客管理员为你开通权限。
      </p>
    </section>
  );
}
