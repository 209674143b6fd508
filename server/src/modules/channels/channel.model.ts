import { Schema, type Connection, type Model } from 'mongoose';
import type { ChannelAssignment, WelcomeMessage } from '@zhike/shared/channels';

/** An acquisition channel and its 「联系我」 config upstream. */
export interface ChannelDocument {
  corpId: string;
  /** personal: a salesperson's own code (我的活码), at most one each. */
  kind: 'channel' | 'personal';
  /** `${corpId}:${userid}` for personal codes, absent otherwise (unique, sparse). */
  personalKey?: string;
  name: string;
  group: string;
  /** What WeCom returns on every add through the code: resolves the add to this channel. */
  state: string;
  configId: string;
  /** 1 single member, 2 rotation: fixed at creation, WeCom cannot change it. */
  contactWayType: 1 | 2;
  qrAssetId: string;
  /** The asset's public key (`/files/<key>`), kept beside its id so lists need no asset reads. */
  qrAssetKey: string;
  assignment: ChannelAssignment;
  skipVerify: boolean;
  tagIds: string[];
  welcome: WelcomeMessage | null;
  /** The members the config lists upstream right now (rotation: today's eligible ones). */
  currentUsers: string[];
  pausedAt?: Date;
  /** Deleted upstream; the record and its statistics stay. */
  deletedAt?: Date;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const ChannelSchema = new Schema<ChannelDocument>(
  {
    corpId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['channel', 'personal'] },
    personalKey: String,
    name: { type: String, required: true },
    group: { type: String, default: '' },
    state: { type: String, required: true },
    configId: { type: String, required: true },
    contactWayType: { type: Number, required: true },
    qrAssetId: { type: String, required: true },
    qrAssetKey: { type: String, required: true },
    assignment: { type: Schema.Types.Mixed, required: true },
    skipVerify: { type: Boolean, required: true },
    tagIds: { type: [String], default: [] },
    welcome: { type: Schema.Types.Mixed, default: null },
    currentUsers: { type: [String], default: [] },
    pausedAt: Date,
    deletedAt: Date,
    version: { type: Number, required: true },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'channels', versionKey: false, minimize: false },
);
ChannelSchema.index({ state: 1 }, { unique: true });
ChannelSchema.index({ personalKey: 1 }, { unique: true, sparse: true });
ChannelSchema.index({ corpId: 1, deletedAt: 1, updatedAt: -1 });

/** One add through a channel's code (the unit of the statistics and of the daily limits). */
export interface ChannelAddDocument {
  corpId: string;
  channelId: string;
  /** The add event's identity (state, customer, member, CreateTime): a redelivered event adds nothing. */
  key: string;
  externalUserId: string;
  userid: string;
  customerId?: string;
  at: Date;
  /** Beijing day of `at`, YYYY-MM-DD: adds per day and the daily limits count by it. */
  day: string;
  /** Added while the channel was paused: counted, but neither tagged nor greeted. */
  paused: boolean;
  /** The relationship this add began has ended (either side deleted the other). */
  endedAt?: Date;
  endedDay?: string;
}

const ChannelAddSchema = new Schema<ChannelAddDocument>(
  {
    corpId: { type: String, required: true },
    channelId: { type: String, required: true },
    key: { type: String, required: true },
    externalUserId: { type: String, required: true },
    userid: { type: String, required: true },
    customerId: String,
    at: { type: Date, required: true },
    day: { type: String, required: true },
    paused: { type: Boolean, default: false },
    endedAt: Date,
    endedDay: String,
  },
  { collection: 'channel_adds', versionKey: false },
);
ChannelAddSchema.index({ key: 1 }, { unique: true });
ChannelAddSchema.index({ channelId: 1, day: 1, userid: 1 });
ChannelAddSchema.index({ corpId: 1, externalUserId: 1, userid: 1, at: -1 });

export type WelcomeOutcome = 'sending' | 'sent' | 'already_sent' | 'other_app' | 'missed' | 'failed';

/** One WelcomeCode: claimed before send_welcome_msg is called, so a code is used at most once by us. */
export interface ChannelWelcomeDocument {
  corpId: string;
  welcomeCode: string;
  channelId?: string;
  externalUserId: string;
  userid: string;
  /** When the add happened (the event's CreateTime); the code lapses 20 s later. */
  addedAt: Date;
  status: WelcomeOutcome;
  reason?: string;
  claimedAt: Date;
  settledAt?: Date;
  /** How long from the add to WeCom's answer, for the record. */
  latencyMs?: number;
}

const ChannelWelcomeSchema = new Schema<ChannelWelcomeDocument>(
  {
    corpId: { type: String, required: true },
    welcomeCode: { type: String, required: true },
    channelId: String,
    externalUserId: { type: String, required: true },
    userid: { type: String, required: true },
    addedAt: { type: Date, required: true },
    status: { type: String, required: true, enum: ['sending', 'sent', 'already_sent', 'other_app', 'missed', 'failed'] },
    reason: String,
    claimedAt: { type: Date, required: true },
    settledAt: Date,
    latencyMs: Number,
  },
  { collection: 'channel_welcomes', versionKey: false },
);
ChannelWelcomeSchema.index({ welcomeCode: 1 }, { unique: true });
ChannelWelcomeSchema.index({ channelId: 1, status: 1 });

/** The channel that brought a customer first (their first relationship with the corp). Written once. */
export interface ChannelFirstTouchDocument {
  corpId: string;
  customerId: string;
  channelId: string;
  userid: string;
  at: Date;
}

const ChannelFirstTouchSchema = new Schema<ChannelFirstTouchDocument>(
  {
    corpId: { type: String, required: true },
    customerId: { type: String, required: true },
    channelId: { type: String, required: true },
    userid: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'channel_first_touches', versionKey: false },
);
ChannelFirstTouchSchema.index({ corpId: 1, customerId: 1 }, { unique: true });
ChannelFirstTouchSchema.index({ channelId: 1 });

/** An order credited to the channel that first touched its customer (once per order). */
export interface ChannelConversionDocument {
  corpId: string;
  channelId: string;
  orderId: string;
  customerId: string;
  amountFen: number;
  at: Date;
}

const ChannelConversionSchema = new Schema<ChannelConversionDocument>(
  {
    corpId: { type: String, required: true },
    channelId: { type: String, required: true },
    orderId: { type: String, required: true },
    customerId: { type: String, required: true },
    amountFen: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'channel_conversions', versionKey: false },
);
ChannelConversionSchema.index({ corpId: 1, orderId: 1 }, { unique: true });
ChannelConversionSchema.index({ channelId: 1 });

/** The corp's default welcome message (one document per corp). */
export interface ChannelSettingsDocument {
  corpId: string;
  defaultWelcome: WelcomeMessage | null;
  applyToOtherAdds: boolean;
  updatedBy: string;
  updatedAt: Date;
}

const ChannelSettingsSchema = new Schema<ChannelSettingsDocument>(
  {
    corpId: { type: String, required: true },
    defaultWelcome: { type: Schema.Types.Mixed, default: null },
    applyToOtherAdds: { type: Boolean, default: false },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'channel_settings', versionKey: false, minimize: false },
);
ChannelSettingsSchema.index({ corpId: 1 }, { unique: true });

function model<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

export function channelModels(connection: Connection) {
  return {
    channels: model(connection, 'Channel', ChannelSchema),
    adds: model(connection, 'ChannelAdd', ChannelAddSchema),
    welcomes: model(connection, 'ChannelWelcome', ChannelWelcomeSchema),
    firstTouches: model(connection, 'ChannelFirstTouch', ChannelFirstTouchSchema),
    conversions: model(connection, 'ChannelConversion', ChannelConversionSchema),
    settings: model(connection, 'ChannelSettings', ChannelSettingsSchema),
  };
}
