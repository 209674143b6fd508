import type { FunnelStep } from '@zhike/shared/analytics';

/**
 * What the analytics know of one customer, kept current from the timeline, orders and referrals: the
 * funnel steps reached (first time each), the first touch and its channel, the owner, money, and the
 * customer's rhythm. Dashboards never scan these (100k of them); the periodic snapshot and drill-downs do.
 * Collections `analytics_journeys_00` … `_3f` (by a hash of the customer id), one document per customer.
 */
export interface CustomerJourneyDocument {
  corpId: string;
  customerId: string;
  /** First time each step was reached (UTC). */
  steps: Partial<Record<FunnelStep, Date>>;
  /** The earliest of the visitor, fan and contact steps and the referral: the customer's cohort. */
  firstTouchAt?: Date;
  /** ChannelKey of the first touch (`organic`, `poster`, `referral`, `channel:<id>`) and its label as shown. */
  channelKey: string;
  channelLabel: string;
  /** When each salesperson first became the customer's WeCom contact (days to first order are counted from it). */
  contactedAt?: Record<string, Date>;
  /** The 渠道活码 of the first contact, when it came through one. */
  contactChannel?: { key: string; label: string };
  /** The salesperson credited with the customer: their first contact's, else the referral's attributed salesperson. */
  ownerUserid?: string;
  /** The owner's first WeCom department when last computed (0 = no owner / no department). */
  departmentId: number;
  referrerId?: string;
  /** The inviter's name when the referral was recorded: the top-referrers table shows it without reading customers. */
  referrerName?: string;
  referredAt?: Date;
  referralChannel?: 'share' | 'poster';
  /** A referred customer became active: a page view, or became a contact. */
  activatedAt?: Date;
  paidOrders: number;
  /** Paid minus refunded, all time, in fen. */
  netRevenueFen: number;
  lastPaidAt?: Date;
  /** Distinct Beijing days with the customer's own activity (mini-program events, opened content, orders). */
  activeDays: number;
  firstActiveAt?: Date;
  lastActiveAt?: Date;
  /** Last time each salesperson did something for the customer (sent content, note, stage, tags, fields). */
  touchedBy: Record<string, Date>;
  /**
   * What this journey has added to the cohort rollups (funnel and referral cohorts, referrer totals). A change
   * to the journey applies the difference between the old and the new contribution, so a revised first touch,
   * owner or department moves the customer between rollup rows instead of counting them twice.
   */
  contribution?: JourneyContribution;
  /** Compare-and-set between concurrent updaters. */
  version: number;
  updatedAt: Date;
}

export interface JourneyContribution {
  funnel?: { key: FunnelRollupKey; counts: Record<string, number> };
  referralCohort?: { key: ReferralRollupKey; counts: Record<string, number> };
  referrer?: { inviterId: string; name?: string; counts: Record<string, number> };
}

/**
 * Daily rollups live in one collection per family and Beijing month (`analytics_<family>_<yyyymm>`), so
 * reading a 30-day range touches two or three small collections whatever the history's length: the embedded
 * engine uses no index for a range, and a collection is what bounds a scan.
 */
export type RollupFamily = 'funnel' | 'sales' | 'content' | 'referrals' | SummaryRollupFamily;

/**
 * Summaries of the funnel and sales rows, kept with them (every increment to a row also goes to its summaries,
 * see rollup-summaries.ts) so the dashboards read fewer bytes: the embedded engine decodes every row of a
 * collection it reads, at about 0.75 ms per KB.
 */
export type SummaryRollupFamily = 'sales_days' | 'funnel_days' | 'funnel_channels';

export function rollupCollectionName(family: RollupFamily, day: string): string {
  return `analytics_${family}_${day.slice(0, 4)}${day.slice(5, 7)}`;
}

/** By first-touch day (cohort), channel and the owner's department. `_id`: `${day}|${channelKey}|${departmentId}`. */
export interface FunnelRollupKey {
  day: string;
  channelKey: string;
  departmentId: number;
}
export interface FunnelRollupDocument extends FunnelRollupKey {
  _id: string;
  /** Customers whose first touch is this day. */
  entered: number;
  /** Per step: customers who reached it; who reached it and the previous step; hours between them (whole hours → count). */
  reached: Partial<Record<FunnelStep, number>>;
  fromPrevious: Partial<Record<FunnelStep, number>>;
  lagHours: Partial<Record<FunnelStep, Record<string, number>>>;
}

/** By Beijing day of the event and salesperson (`''` = no salesperson). `_id`: `${day}|${userid}`. */
export interface SalesRollupDocument {
  _id: string;
  day: string;
  userid: string;
  newContacts: number;
  /** Customers who deleted the salesperson (follow ended with customer_deleted_staff). */
  lostContacts: number;
  contentSent: number;
  /** First opens of content this salesperson sent, on the day of the open. */
  contentOpened: number;
  paidOrders: number;
  paidFen: number;
  /** Refunds made this day (of orders credited to the salesperson), in fen. */
  refundFen: number;
  firstOrders: number;
  /** Whole days from becoming the salesperson's contact to the first paid order → count (first orders this day). */
  daysToFirstOrder: Record<string, number>;
}

/** The funnel's counts by first-touch day and department, without channels or times: cohort weeks and the previous period read these. `_id`: `${day}|${departmentId}`. */
export interface FunnelDayRollupDocument {
  _id: string;
  day: string;
  departmentId: number;
  entered: number;
  reached: Partial<Record<FunnelStep, number>>;
}

/** The whole team's funnel by first-touch day and channel (all departments together): what an admin's funnel reads. `_id`: `${day}|${channelKey}`. */
export type FunnelChannelRollupDocument = Omit<FunnelRollupDocument, 'departmentId'>;

/** The whole team's sales counters by Beijing day (every salesperson and none): what an admin's overview reads. `_id`: the day. */
export type SalesDayRollupDocument = Omit<SalesRollupDocument, 'userid' | 'daysToFirstOrder'>;

/** By Beijing day, content and the sender's department. `_id`: `${day}|${contentKind}|${contentId}|${departmentId}`. */
export interface ContentRollupDocument {
  _id: string;
  day: string;
  contentKind: 'script' | 'poster';
  contentId: string;
  departmentId: number;
  sent: number;
  opened: number;
  scans: number;
  contactsAdded: number;
  orders: number;
  paidFen: number;
  refundFen: number;
}

/** By Beijing day and the department of the invitee's owner. `_id`: `${day}|${departmentId}`. */
export interface ReferralRollupKey {
  day: string;
  departmentId: number;
}
export interface ReferralRollupDocument extends ReferralRollupKey {
  _id: string;
  /** Cohort by referral day: invitees referred this day, and of them (by now) activated and converted. */
  invited: number;
  activated: number;
  converted: number;
  /** Event by pay/refund day: money from customers who were referred (whenever). */
  referredPaidFen: number;
  referredRefundFen: number;
}

/** All-time totals per inviter (`analytics_referrers`, `_id` = inviter customerId). */
export interface ReferrerTotalsDocument {
  _id: string;
  /** The inviter's name as the latest referral recorded it (null on rows older than the name). */
  name: string | null;
  departmentId: number;
  invited: number;
  activated: number;
  converted: number;
  revenueFen: number;
}

/** Periodic snapshot (`analytics_snapshots`, `_id` = corpId): figures that are not sums of days. */
export interface AnalyticsSnapshotDocument {
  _id: string;
  asOf: Date;
  coverageDays: number;
  /** Per salesperson: customers followed now, and of them touched in the last coverageDays. */
  coverage: Record<string, { followed: number; covered: number }>;
  rfm: {
    buyers: number;
    averages: { recencyDays: number; frequency: number; monetaryFen: number };
    /** Per department id (as a string key): per cell, customers and net revenue. */
    byDepartment: Record<string, Record<string, { customers: number; netRevenueFen: number }>>;
  };
  /** Per segment id, per department id: matching customers. */
  segments: Record<string, Record<string, number>>;
}
