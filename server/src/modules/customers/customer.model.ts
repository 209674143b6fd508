import { Schema, type Connection, type Model } from 'mongoose';

export type IdentifierKind = 'openid' | 'unionid' | 'external_userid';

/** Why an identifier points at this customer: every link is explained and dated. */
export interface IdentityLink {
  kind: IdentifierKind;
  value: string;
  reason: string;
  at: Date;
}

export interface CustomerDocument {
  displayName: string;
  identifiers: {
    /** Mini-program openid (one per app). */
    openid?: string;
    /** WeChat unionid: the join between a mini-program user and a WeCom contact. */
    unionid?: string;
    externalUserIds: string[];
  };
  identityLinks: IdentityLink[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const CustomerSchema = new Schema<CustomerDocument>(
  {
    displayName: { type: String, required: true },
    identifiers: {
      openid: String,
      unionid: String,
      externalUserIds: { type: [String], default: [] },
    },
    identityLinks: [
      {
        _id: false,
        kind: { type: String, required: true, enum: ['openid', 'unionid', 'external_userid'] },
        value: { type: String, required: true },
        reason: { type: String, required: true },
        at: { type: Date, required: true },
      },
    ],
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'customers', versionKey: false },
);
// One person per identifier; absent identifiers never collide (sparse).
CustomerSchema.index({ 'identifiers.openid': 1 }, { unique: true, sparse: true });
CustomerSchema.index({ 'identifiers.unionid': 1 }, { unique: true, sparse: true });
CustomerSchema.index({ 'identifiers.externalUserIds': 1 });

export function customerModel(connection: Connection): Model<CustomerDocument> {
  return connection.models.Customer ?? connection.model<CustomerDocument>('Customer', CustomerSchema);
}
