import { Schema, type Connection, type Model } from 'mongoose';

/** A pending staff OAuth login: the state we sent to WeCom, where to return, and whether it was used. */
export interface OAuthStateDocument {
  state: string;
  redirect: string;
  expiresAt: Date;
  usedAt?: Date;
}

const OAuthStateSchema = new Schema<OAuthStateDocument>(
  {
    state: { type: String, required: true },
    redirect: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: Date,
  },
  { collection: 'oauth_states', versionKey: false },
);
OAuthStateSchema.index({ state: 1 }, { unique: true });

export function oauthStateModel(connection: Connection): Model<OAuthStateDocument> {
  return connection.models.OAuthState ?? connection.model<OAuthStateDocument>('OAuthState', OAuthStateSchema);
}
