import type { StaffProfile, StaffRole } from '@zhike/shared/auth';
import type { WeComClient, WeComMember } from '../../integrations/wecom';
import type { StaffRecord, StaffRepository } from './staff.repository';

export interface StaffPolicy {
  corpId: string;
  /** Members named here are admins (运营/IT); WeCom has no such notion. */
  adminUserIds: string[];
  now?: () => Date;
}

/** Staff come from the WeCom directory; the role follows from configuration and department leadership. */
export class StaffService {
  private readonly now: () => Date;

  constructor(
    private readonly repository: StaffRepository,
    private readonly wecom: Pick<WeComClient, 'getMember' | 'listDepartments' | 'listMembers'>,
    private readonly policy: StaffPolicy,
  ) {
    this.now = policy.now ?? (() => new Date());
  }

  roleOf(member: Pick<WeComMember, 'userid' | 'is_leader_in_dept'>): StaffRole {
    if (this.policy.adminUserIds.includes(member.userid)) return 'admin';
    return member.is_leader_in_dept?.some((flag) => flag === 1) ? 'manager' : 'salesperson';
  }

  /** Refreshes one member from WeCom (at login, so a role change applies at the next sign-in). */
  async syncMember(userid: string): Promise<StaffRecord> {
    return this.save(await this.wecom.getMember(userid));
  }

  /**
   * Imports every member of every department (members in several departments are saved once) and marks
   * those the directory no longer lists as departed, so their customers show as awaiting reassignment.
   */
  async syncDirectory(): Promise<{ members: number; departed: number }> {
    const seen = new Map<string, WeComMember>();
    for (const department of await this.wecom.listDepartments()) {
      for (const member of await this.wecom.listMembers(department.id)) seen.set(member.userid, member);
    }
    for (const member of seen.values()) await this.save(member);
    const departed = await this.repository.markDepartedExcept(this.policy.corpId, [...seen.keys()], this.now());
    return { members: seen.size, departed };
  }

  /**
   * Whose customers a staff member may see: a salesperson their own, a manager also those of every member
   * of the departments they lead, an admin everyone's ('all').
   */
  async visibleFollowers(viewer: { corpId: string; userid: string; role: StaffRole }): Promise<'all' | Set<string>> {
    if (viewer.role === 'admin') return 'all';
    const visible = new Set([viewer.userid]);
    if (viewer.role === 'manager') {
      const self = await this.repository.findByUserid(viewer.corpId, viewer.userid);
      const led = self?.leaderOfDepartmentIds ?? [];
      if (led.length) for (const userid of await this.repository.listUseridsInDepartments(viewer.corpId, led)) visible.add(userid);
    }
    return visible;
  }

  async directory(corpId: string, userids: string[]): Promise<Map<string, StaffRecord>> {
    return new Map((await this.repository.listByUserids(corpId, userids)).map((staff) => [staff.userid, staff]));
  }

  async profileOf(staffId: string): Promise<StaffProfile | null> {
    const staff = await this.repository.findById(staffId);
    return staff && toStaffProfile(staff);
  }

  private save(member: WeComMember): Promise<StaffRecord> {
    const departments = member.department;
    return this.repository.upsertMember({
      corpId: this.policy.corpId,
      userid: member.userid,
      name: member.name,
      avatar: member.avatar,
      position: member.position,
      departmentIds: departments,
      leaderOfDepartmentIds: departments.filter((_, i) => member.is_leader_in_dept?.[i] === 1),
      role: this.roleOf(member),
      active: member.status === undefined || member.status === 1,
      syncedAt: this.now(),
    });
  }
}

export function toStaffProfile(staff: StaffRecord): StaffProfile {
  return {
    id: staff.id,
    corpId: staff.corpId,
    userid: staff.userid,
    name: staff.name,
    ...(staff.avatar ? { avatar: staff.avatar } : {}),
    role: staff.role,
    departmentIds: staff.departmentIds,
  };
}
