import type { Connection, Model } from 'mongoose';
import { withStringId, type WithId } from '../../platform/db/records';
import { oauthStateModel, type OAuthStateDocument } from './oauth-state.model';
import { sessionModel, type SessionDocument } from './session.model';

export type SessionRecord = WithId<SessionDocument>;

/** The only code that reads or writes sessions and OAuth states. */
export class SessionRepository {
  private readonly sessions: Model<SessionDocument>;
  private readonly states: Model<OAuthStateDocument>;

  constructor(connection: Connection) {
    this.sessions = sessionModel(connection);
    this.states = oauthStateModel(connection);
  }

  async insertSession(session: SessionDocument): Promise<SessionRecord> {
    const created = await this.sessions.create(session);
    return { ...session, id: created._id.toString() };
  }

  async findSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const found = await this.sessions.findOne({ tokenHash }).lean();
    return found && withStringId(found);
  }

  async revokeSession(tokenHash: string, at: Date): Promise<boolean> {
    const result = await this.sessions.updateOne({ tokenHash, revokedAt: { $exists: false } }, { $set: { revokedAt: at } });
    return result.modifiedCount === 1;
  }

  async insertOAuthState(state: OAuthStateDocument): Promise<void> {
    await this.states.create(state);
  }

  /** Marks a state used, once: a replayed callback finds nothing and gets null. */
  async consumeOAuthState(state: string, now: Date): Promise<OAuthStateDocument | null> {
    return this.states
      .findOneAndUpdate({ state, usedAt: { $exists: false }, expiresAt: { $gt: now } }, { $set: { usedAt: now } }, { returnDocument: 'after' })
      .lean();
  }
}
