import type { StaffProfile } from '@zhike/shared/auth';
import { Avatar } from '../../lib/ui/Avatar';
import { ROLE_LABELS } from './role-labels';

/** The signed-in salesperson: who the sidebar acts as. */
export function StaffHeader({ staff }: { staff: StaffProfile }) {
  return (
    <div className="staff-header">
      <Avatar name={staff.name} src={staff.avatar} />
      <span className="staff-name" data-testid="staff-name">
        {staff.name}
      </span>
      <span className="role-chip" data-testid="staff-role">
        {ROLE_LABELS[staff.role]}
      </span>
    </div>
  );
}
