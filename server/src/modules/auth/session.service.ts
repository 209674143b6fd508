import crypto from 'node:crypto';
import type { StaffRole } from '@zhike/shared/auth';
import { AppError } from '../../platform/http/app-error';
import type { Principal } from '../../platform/http/principal';
import type { SessionRepository } from './session.repository';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export interface SessionPolicy {
  corpId: string;
  staffSessionHours: number;
  customerSessionDays: number;
  now?: () => Date;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Opaque bearer sessions: 256 random bits, stored only as a hash, revocable, bound to the corp for staff. */
export class SessionService {
  private readonly now: () => Date;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly policy: SessionPolicy,
  ) {
    this.now = policy.now ?? (() => new Date());
  }

  async startStaffSession(staff: { staffId: string; corpId: string; userid: string; role: StaffRole }): Promise<IssuedSession> {
    const expiresAt = new Date(this.now().getTime() + this.policy.staffSessionHours * 3_600_000);
    return this.issue({ kind: 'staff', ...staff, expiresAt });
  }

  async startCustomerSession(customerId: string): Promise<IssuedSession> {
    const expiresAt = new Date(this.now().getTime() + this.policy.customerSessionDays * 86_400_000);
    return this.issue({ kind: 'customer', customerId, expiresAt });
  }

  /**
   * The principal behind a token. `clientCorpId` is the corp the WeCom client says it is in: the PC
   * client keeps storage across corp switches, so a session from another corp must not pass.
   */
  async resolve(token: string, clientCorpId?: string): Promise<Principal> {
    const session = await this.sessions.findSessionByTokenHash(hashToken(token));
    if (!session || session.revokedAt) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
    if (session.expiresAt <= this.now()) throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
    if (session.kind === 'customer') return { kind: 'customer', sessionId: session.id, customerId: session.customerId! };
    if (session.corpId !== this.policy.corpId || (clientCorpId && clientCorpId !== session.corpId)) {
      throw new AppError('SESSION_CORP_MISMATCH', '当前企业与登录的企业不一致，请重新登录');
    }
    return {
      kind: 'staff',
      sessionId: session.id,
      staffId: session.staffId!,
      corpId: session.corpId,
      userid: session.userid!,
      role: session.role!,
    };
  }

  async end(token: string): Promise<void> {
    await this.sessions.revokeSession(hashToken(token), this.now());
  }

  private async issue(fields: Omit<Parameters<SessionRepository['insertSession']>[0], 'tokenHash' | 'createdAt'>): Promise<IssuedSession> {
    const token = crypto.randomBytes(32).toString('base64url');
    await this.sessions.insertSession({ ...fields, tokenHash: hashToken(token), createdAt: this.now() });
    return { token, expiresAt: fields.expiresAt };
  }
}
