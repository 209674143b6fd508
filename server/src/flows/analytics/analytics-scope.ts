import type { StaffRole } from '@zhike/shared/auth';
import { AppError } from '../../platform/http/app-error';
import type { StaffRepository } from '../../modules/staff';

export interface AnalyticsViewer {
  corpId: string;
  userid: string;
  role: StaffRole;
}

/**
 * What one viewer's figures may include. Rollups and journeys keyed by department count when the department
 * is in `departments` (0 = no owner, admins only); those keyed by salesperson when the userid is in `userids`
 * ('' = no salesperson, admins only).
 */
export interface AnalyticsScope {
  departments: 'all' | ReadonlySet<number>;
  userids: 'all' | ReadonlySet<string>;
}

export function inDepartments(scope: AnalyticsScope, departmentId: number): boolean {
  return scope.departments === 'all' || scope.departments.has(departmentId);
}

export function ofUserids(scope: AnalyticsScope, userid: string): boolean {
  return scope.userids === 'all' || scope.userids.has(userid);
}

/** For repository filters: the departments as a list, or 'all'. */
export function departmentList(scope: AnalyticsScope): number[] | 'all' {
  return scope.departments === 'all' ? 'all' : [...scope.departments];
}

export function useridList(scope: AnalyticsScope): string[] | 'all' {
  return scope.userids === 'all' ? 'all' : [...scope.userids];
}

/** Department 0 in the filter: customers without an owner, whose rows carry no salesperson. */
export const NO_DEPARTMENT = 0;

/**
 * Who sees what in the console: an admin everything (or the department they pick), a manager the departments
 * they lead (asking for another is refused, not silently emptied), a salesperson only themselves.
 */
export class AnalyticsScopes {
  constructor(private readonly staff: Pick<StaffRepository, 'findByUserid' | 'listUseridsInDepartments' | 'listUserids' | 'listByUserids'>) {}

  async resolve(viewer: AnalyticsViewer, department?: number): Promise<AnalyticsScope> {
    if (viewer.role === 'salesperson') return { departments: new Set(), userids: new Set([viewer.userid]) };
    if (viewer.role === 'admin' && department === undefined) return { departments: 'all', userids: 'all' };
    const allowed = viewer.role === 'admin' ? null : await this.ledBy(viewer);
    if (department !== undefined && allowed && !allowed.includes(department)) {
      throw new AppError('FORBIDDEN', '只能查看您负责的部门', [{ field: 'query.department', issue: '不是您负责的部门' }]);
    }
    const departments = department === undefined ? allowed! : [department];
    const userids = new Set(await this.staff.listUseridsInDepartments(viewer.corpId, departments));
    if (departments.includes(NO_DEPARTMENT)) userids.add('');
    return { departments: new Set(departments), userids };
  }

  /**
   * The salesperson sets that scopes other than everyone's resolve to, as they stand: each department's (an
   * admin's filter, a manager of one) and each manager's departments together. The snapshot digests each.
   */
  async ownerGroups(corpId: string): Promise<string[][]> {
    const members = await this.staff.listByUserids(corpId, await this.staff.listUserids(corpId));
    const departments = [...new Set(members.flatMap((member) => member.departmentIds))].map((id) => [id]);
    const led = members.filter((member) => member.leaderOfDepartmentIds.length > 1).map((member) => member.leaderOfDepartmentIds);
    return Promise.all([...departments, ...led].map((ids) => this.staff.listUseridsInDepartments(corpId, ids)));
  }

  /** The departments a viewer may pick in the filter; 'all' for an admin. */
  async selectable(viewer: AnalyticsViewer): Promise<number[] | 'all'> {
    if (viewer.role === 'admin') return 'all';
    return viewer.role === 'manager' ? this.ledBy(viewer) : [];
  }

  private async ledBy(viewer: AnalyticsViewer): Promise<number[]> {
    return (await this.staff.findByUserid(viewer.corpId, viewer.userid))?.leaderOfDepartmentIds ?? [];
  }
}
