import type { CustomerProfile } from '@zhike/shared/auth';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { MiniProgramClient } from '../../integrations/miniprogram';
import { AppError } from '../../platform/http/app-error';
import type { IssuedSession, SessionService } from '../../modules/auth';
import { toCustomerProfile, type CustomerService } from '../../modules/customers';

const INVALID_CODE = 40029;
const TOO_FREQUENT = 45011;
const HIGH_RISK_USER = 40226;

/** wx.login code → code2session → the Customer with that openid/unionid → a customer session. session_key stays here. */
export class CustomerLoginFlow {
  constructor(
    private readonly miniProgram: Pick<MiniProgramClient, 'code2Session'>,
    private readonly customers: CustomerService,
    private readonly sessions: SessionService,
  ) {}

  async loginWithCode(code: string): Promise<IssuedSession & { customer: CustomerProfile }> {
    const session = await this.miniProgram.code2Session(code).catch((error: unknown) => {
      if (!(error instanceof UpstreamApiError)) throw error;
      if (error.errcode === INVALID_CODE) throw new AppError('LOGIN_CODE_INVALID', '登录码无效或已使用，请重新进入小程序', [{ field: 'body.code', issue: 'WeChat errcode 40029' }]);
      if (error.errcode === TOO_FREQUENT) throw new AppError('RATE_LIMITED', '登录太频繁，请稍后再试');
      if (error.errcode === HIGH_RISK_USER) throw new AppError('FORBIDDEN', '该微信账号存在风险，暂时无法登录');
      throw error;
    });
    const customer = await this.customers.observe({ openid: session.openid, unionid: session.unionid, source: '小程序登录 (code2session)', customerActed: true });
    const issued = await this.sessions.startCustomerSession(customer.id);
    return { ...issued, customer: toCustomerProfile(customer) };
  }
}
