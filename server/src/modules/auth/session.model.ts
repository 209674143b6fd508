import { Schema, type Connection, type Model } from 'mongoose';

export interface SessionDocument {
  /** sha256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  kind: 'staff' | 'customer';
  corpId?: string;
  staffId?: string;
  userid?: string;
  role?: 'salesperson' | 'manager' | 'admin';
  customerId?: string;
  expiresAt: Date;
  revokedAt?: Date;
  createdAt: Date;
}

const SessionSchema = new Schema<SessionDocument>(
  {
    tokenHash: { type: String, required: true },
    kind: { type: String, required: true, enum: ['staff', 'customer'] },
    corpId: String,
    staffId: String,
    userid: String,
    role: { type: String, enum: ['salesperson', 'manager', 'admin'] },
    customerId: String,
    expiresAt: { type: Date, required: true },
    revokedAt: Date,
    createdAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false },
);
SessionSchema.index({ tokenHash: 1 }, { unique: true });
SessionSchema.index({ expiresAt: 1 });

export function sessionModel(connection: Connection): Model<SessionDocument> {
  return connection.models.Session ?? connection.model<SessionDocument>('Session', SessionSchema);
}
