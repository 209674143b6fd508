import crypto from 'node:crypto';
import type { StaffRole } from '@zhike/shared/auth';
import { AppError } from '../../platform/http/app-error';
import type { Principal } from '../../platform/http/principal';
import type { SessionRecord, SessionRepository } from './session.repository';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export interface SessionPolicy {
  corpId: string;
  staffSessionHours: number;
  customerSessionDays: number;
  now?: () => Date;
  /** How long a looked-up session is trusted without reading it again (default 5 s; 0 turns the cache off). */
  cacheMs?: number;
}

/**
 * Every authenticated request resolves its session; reading it from the database each time was one of the
 * hot path's round trips. A found session is kept in memory for a few seconds. Bound on revocation: a
 * logout through this instance evicts at once; a revocation written by another instance (or straight to
 * the database) is honoured within `cacheMs`. Expiry is re-checked on every hit, so it stays exact.
 */
const DEFAULT_CACHE_MS = 5_000;
/** Enough for every session active within a few seconds; beyond it the oldest entries go first. */
const CACHE_MAX_ENTRIES = 10_000;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Opaque bearer sessions: 256 random bits, stored only as a hash, revocable, bound to the corp for staff. */
export class SessionService {
  private readonly now: () => Date;
  private readonly cacheMs: number;
  /** By token hash; a Map keeps insertion order, so the first key is the oldest entry. */
  private readonly cache = new Map<string, { session: SessionRecord; until: number }>();
  /** Counts logouts: a read that overlapped one may predate the revocation, so it is not cached. */
  private ends = 0;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly policy: SessionPolicy,
  ) {
    this.now = policy.now ?? (() => new Date());
    this.cacheMs = policy.cacheMs ?? DEFAULT_CACHE_MS;
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
    const session = await this.lookup(hashToken(token));
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
    const tokenHash = hashToken(token);
    // Before and after the write: a read in flight across either edge may have seen the session unrevoked.
    this.cache.delete(tokenHash);
    this.ends++;
    await this.sessions.revokeSession(tokenHash, this.now());
    this.ends++;
    this.cache.delete(tokenHash);
  }

  /** The session by token hash, from memory when read less than `cacheMs` ago. Misses are not cached. */
  private async lookup(tokenHash: string): Promise<SessionRecord | null> {
    const nowMs = this.now().getTime();
    const hit = this.cache.get(tokenHash);
    if (hit && hit.until > nowMs) return hit.session;
    if (hit) this.cache.delete(tokenHash);
    const endsBefore = this.ends;
    const session = await this.sessions.findSessionByTokenHash(tokenHash);
    if (session && !session.revokedAt && this.cacheMs > 0 && this.ends === endsBefore) {
      if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(tokenHash, { session, until: nowMs + this.cacheMs });
    }
    return session;
  }

  private async issue(fields: Omit<Parameters<SessionRepository['insertSession']>[0], 'tokenHash' | 'createdAt'>): Promise<IssuedSession> {
    const token = crypto.randomBytes(32).toString('base64url');
    await this.sessions.insertSession({ ...fields, tokenHash: hashToken(token), createdAt: this.now() });
    return { token, expiresAt: fields.expiresAt };
  }
}
