import { Schema, type Connection, type Model } from 'mongoose';
import { FIRST_STAGE_KEY, type StageKey } from '@zhike/shared/stages';

export type IdentifierKind = 'openid' | 'unionid' | 'external_userid';

/** Why an identifier points at this customer: every link is explained and dated. */
export interface IdentityLink {
  kind: IdentifierKind;
  value: string;
  reason: string;
  at: Date;
}

/** What WeCom says about the person (externalcontact/get), refreshed on every sync. */
export interface WeComContactProfile {
  avatar?: string;
  corpName?: string;
  position?: string;
  /** 0 unknown, 1 male, 2 female. */
  gender?: number;
  /** 1 WeChat user, 2 WeCom user. */
  type?: number;
}

export interface CustomerDocument {
  displayName: string;
  /** Where the customer stands in the corp's sales pipeline (a stage key); every change is on the timeline. */
  stage?: StageKey;
  wecomProfile?: WeComContactProfile;
  /** Values of the admin's custom fields, by field key (checked against the definitions when written). */
  customFields?: Record<string, string | number>;
  identifiers: {
    /** Mini-program openid (one per app). */
    openid?: string;
    /** WeChat unionid: the join between a mini-program user and a WeCom contact. */
    unionid?: string;
    externalUserIds: string[];
  };
  identityLinks: IdentityLink[];
  firstSeenAt: Date;
  /** When the customer themselves last did something (a login, a tracked event); syncs never move it. */
  lastActiveAt?: Date;
  /** Their own code for share paths (`inviter=…`): random, unique, made on first use and never changed. */
  inviteCode?: string;
}

const CustomerSchema = new Schema<CustomerDocument>(
  {
    displayName: { type: String, required: true },
    // A key of the corp's configured pipeline (validated there); every pipeline starts at 'new'.
    stage: { type: String, default: FIRST_STAGE_KEY },
    wecomProfile: { _id: false, avatar: String, corpName: String, position: String, gender: Number, type: { type: Number } },
    customFields: { type: Schema.Types.Mixed, default: undefined },
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
    lastActiveAt: Date,
    inviteCode: String,
  },
  { collection: 'customers', versionKey: false },
);
// One person per identifier; absent identifiers never collide (sparse).
CustomerSchema.index({ 'identifiers.openid': 1 }, { unique: true, sparse: true });
CustomerSchema.index({ 'identifiers.unionid': 1 }, { unique: true, sparse: true });
CustomerSchema.index({ 'identifiers.externalUserIds': 1 });
CustomerSchema.index({ inviteCode: 1 }, { unique: true, sparse: true });

export function customerModel(connection: Connection): Model<CustomerDocument> {
  return connection.models.Customer ?? connection.model<CustomerDocument>('Customer', CustomerSchema);
}
