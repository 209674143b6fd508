import type { StaffProfile } from '@zhike/shared/auth';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { WeComClient } from '../../integrations/wecom';
import { AppError } from '../../platform/http/app-error';
import type { IssuedSession, SessionService } from '../../modules/auth';
import { toStaffProfile, type StaffService } from '../../modules/staff';

/** WeCom's answer to a code that is unknown, used, or older than five minutes. */
const INVALID_CODE = 40029;

/** OAuth code → WeCom member → Staff refreshed from the directory → a session bound to corp and userid. */
export class StaffLoginFlow {
  constructor(
    private readonly wecom: Pick<WeComClient, 'getUserInfoByCode'>,
    private readonly staff: StaffService,
    private readonly sessions: SessionService,
  ) {}

  async loginWithCode(code: string): Promise<IssuedSession & { staff: StaffProfile }> {
    const info = await this.wecom.getUserInfoByCode(code).catch((error: unknown) => {
      if (error instanceof UpstreamApiError && error.errcode === INVALID_CODE) {
        throw new AppError('OAUTH_CODE_INVALID', '授权码无效或已使用，请重新打开页面', [{ field: 'code', issue: 'WeCom errcode 40029' }]);
      }
      throw error;
    });
    if (!info.userid) throw new AppError('FORBIDDEN', '仅企业成员可以使用知客，请使用企业微信账号登录');
    const member = await this.staff.syncMember(info.userid);
    if (!member.active) throw new AppError('FORBIDDEN', '该成员账号已停用');
    const session = await this.sessions.startStaffSession({ staffId: member.id, corpId: member.corpId, userid: member.userid, role: member.role });
    return { ...session, staff: toStaffProfile(member) };
  }
}
