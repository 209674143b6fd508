import { Schema, type Connection, type Model } from 'mongoose';
import type { ContentKind, ContentSendStatus } from '@zhike/shared/content';

export type ContentTouchKind = 'open' | 'scan' | 'contact_added' | 'order';

/** One piece of content a salesperson prepared for one customer; it counts as sent once WeCom says so. */
export interface ContentSendDocument {
  corpId: string;
  userid: string;
  requestId: string;
  customerId: string;
  externalUserId: string;
  contentKind: ContentKind;
  contentId: string;
  title: string;
  /** Carried by links and mini-program cards; 128 random bits, so it cannot be guessed or forged. */
  token: string;
  /** Where a tracked link leads once its open is counted. */
  targetUrl?: string;
  status: ContentSendStatus;
  preparedAt: Date;
  settledAt?: Date;
  error?: string;
}

const ContentSendSchema = new Schema<ContentSendDocument>(
  {
    corpId: { type: String, required: true },
    userid: { type: String, required: true },
    requestId: { type: String, required: true },
    customerId: { type: String, required: true },
    externalUserId: { type: String, required: true },
    contentKind: { type: String, required: true, enum: ['script', 'poster'] },
    contentId: { type: String, required: true },
    title: { type: String, required: true },
    token: { type: String, required: true },
    targetUrl: String,
    status: { type: String, required: true, enum: ['prepared', 'sent', 'cancelled', 'failed'] },
    preparedAt: { type: Date, required: true },
    settledAt: Date,
    error: String,
  },
  { collection: 'content_sends', versionKey: false },
);
ContentSendSchema.index({ corpId: 1, userid: 1, requestId: 1 }, { unique: true });
ContentSendSchema.index({ token: 1 }, { unique: true });
ContentSendSchema.index({ customerId: 1, preparedAt: -1 });

/**
 * Something a customer did that content is credited with: opening a tracked link or card, scanning a
 * poster's code, and later becoming a contact or ordering. Keyed, so each counts once however often it
 * is reported (a viewer coming back, a retried callback).
 */
export interface ContentTouchDocument {
  corpId: string;
  key: string;
  touch: ContentTouchKind;
  contentKind: ContentKind;
  contentId: string;
  userid: string;
  sendId?: string;
  scene?: string;
  campaign?: string;
  /** The customer who acted, when known (a mini-program session); link opens in a browser are anonymous. */
  customerId?: string;
  /** Orders: what was paid. */
  amountFen?: number;
  at: Date;
}

const ContentTouchSchema = new Schema<ContentTouchDocument>(
  {
    corpId: { type: String, required: true },
    key: { type: String, required: true },
    touch: { type: String, required: true, enum: ['open', 'scan', 'contact_added', 'order'] },
    contentKind: { type: String, required: true },
    contentId: { type: String, required: true },
    userid: { type: String, required: true },
    sendId: String,
    scene: String,
    campaign: String,
    customerId: String,
    amountFen: Number,
    at: { type: Date, required: true },
  },
  { collection: 'content_touches', versionKey: false },
);
ContentTouchSchema.index({ corpId: 1, key: 1 }, { unique: true });
ContentTouchSchema.index({ customerId: 1, at: -1 });

/** Counters per piece of content, kept with $inc as things happen (the console reads them, never recounts). */
export interface ContentStatsDocument {
  _id: string;
  corpId: string;
  contentKind: ContentKind;
  contentId: string;
  sends: number;
  opens: number;
  uniqueOpens: number;
  sendsOpened: number;
  scans: number;
  contactsAdded: number;
  orders: number;
  revenueFen: number;
}

const ContentStatsSchema = new Schema<ContentStatsDocument>(
  {
    _id: String,
    corpId: { type: String, required: true },
    contentKind: { type: String, required: true },
    contentId: { type: String, required: true },
    sends: { type: Number, default: 0 },
    opens: { type: Number, default: 0 },
    uniqueOpens: { type: Number, default: 0 },
    sendsOpened: { type: Number, default: 0 },
    scans: { type: Number, default: 0 },
    contactsAdded: { type: Number, default: 0 },
    orders: { type: Number, default: 0 },
    revenueFen: { type: Number, default: 0 },
  },
  { collection: 'content_stats', versionKey: false },
);
ContentStatsSchema.index({ corpId: 1 });

export function contentTrackingModels(connection: Connection) {
  return {
    sends: (connection.models.ContentSend ?? connection.model<ContentSendDocument>('ContentSend', ContentSendSchema)) as Model<ContentSendDocument>,
    touches: (connection.models.ContentTouch ?? connection.model<ContentTouchDocument>('ContentTouch', ContentTouchSchema)) as Model<ContentTouchDocument>,
    stats: (connection.models.ContentStats ?? connection.model<ContentStatsDocument>('ContentStats', ContentStatsSchema)) as Model<ContentStatsDocument>,
  };
}
