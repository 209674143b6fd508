import { shanghaiDay } from '@zhike/shared/time';
import type { CustomerJourneyDocument } from './analytics.model';
import type { DirectoryLookups } from './analytics-directory';
import type { JourneyEntry } from './journey-reducer';
import { referralRowId } from './journey-contribution';
import type { RollupIncrement } from './rollup-increments';

const DAY_MS = 86_400_000;

/** What a content touch (content-tracking's keyed record) needs to be counted. */
export interface AnalyticsTouch {
  /** The stored touch's id (what tells a rebuild's reading from the recorder's). */
  id?: string;
  corpId: string;
  key: string;
  touch: 'open' | 'scan' | 'contact_added' | 'order';
  contentKind: 'script' | 'poster';
  contentId: string;
  /** The salesperson the content is credited to (who sent it, or whose poster it is). */
  userid: string;
  sendId?: string;
  amountFen?: number;
  at: Date;
}

const salesRow = (day: string, userid: string | undefined, counts: Record<string, number>): RollupIncrement => ({
  family: 'sales',
  id: `${day}|${userid ?? ''}`,
  keyFields: { day, userid: userid ?? '' },
  counts,
});

const contentRow = (day: string, contentKind: string, contentId: string, departmentId: number, counts: Record<string, number>): RollupIncrement => ({
  family: 'content',
  id: `${day}|${contentKind}|${contentId}|${departmentId}`,
  keyFields: { day, contentKind, contentId, departmentId },
  counts,
});

const referralRow = (day: string, departmentId: number, counts: Record<string, number>): RollupIncrement => ({
  family: 'referrals',
  id: referralRowId({ day, departmentId }),
  keyFields: { day, departmentId },
  counts,
});

/**
 * Counters of the day an entry happened (not cohorts): a salesperson's new and lost contacts, sends, paid
 * orders and refunds; content sends; money from referred customers. `before` is the customer's journey as it
 * stood before this entry (whether this is their first paid order, whom they were referred by).
 */
export function entryCounters(entry: JourneyEntry, before: CustomerJourneyDocument, directory: DirectoryLookups): RollupIncrement[] {
  const day = shanghaiDay(entry.at);
  const { data } = entry;
  switch (entry.kind) {
    case 'contact_added':
      return [salesRow(day, entry.actorUserid, { newContacts: 1 })];
    case 'contact_removed':
      return data.reason === 'customer_deleted_staff' ? [salesRow(day, entry.actorUserid, { lostContacts: 1 })] : [];
    case 'content_sent':
      return [
        salesRow(day, entry.actorUserid, { contentSent: 1 }),
        contentRow(day, String(data.contentKind), String(data.contentId), directory.departmentOf(entry.corpId, entry.actorUserid), { sent: 1 }),
      ];
    case 'order_paid': {
      const paidFen = Number(data.totalFen ?? 0);
      const counts: Record<string, number> = { paidOrders: 1, paidFen };
      if (before.paidOrders === 0) {
        counts.firstOrders = 1;
        const contactedAt = entry.actorUserid ? before.contactedAt?.[entry.actorUserid] : undefined;
        if (contactedAt && contactedAt <= entry.at) counts[`daysToFirstOrder.${Math.floor((entry.at.getTime() - contactedAt.getTime()) / DAY_MS)}`] = 1;
      }
      const rows = [salesRow(day, entry.actorUserid, counts)];
      if (before.referrerId) rows.push(referralRow(day, before.departmentId, { referredPaidFen: paidFen }));
      return rows;
    }
    case 'order_refunded': {
      const refundFen = Number(data.refundFen ?? 0);
      // The refund is the order's salesperson's loss, whoever pressed the button.
      const salesperson = typeof data.salespersonUserid === 'string' ? data.salespersonUserid : undefined;
      const rows = [salesRow(day, salesperson, { refundFen })];
      if (before.referrerId) rows.push(referralRow(day, before.departmentId, { referredRefundFen: refundFen }));
      return rows;
    }
    default:
      return [];
  }
}

/**
 * Content figures from the keyed touches (each key is stored once, so each counts once): the first open of
 * each send, scans, contacts and orders credited to the content, and refunds taken back from it. The first
 * open of a send also counts for the salesperson who sent it.
 */
export function touchCounters(touch: AnalyticsTouch, directory: DirectoryLookups): RollupIncrement[] {
  const day = shanghaiDay(touch.at);
  const row = (counts: Record<string, number>) => contentRow(day, touch.contentKind, touch.contentId, directory.departmentOf(touch.corpId, touch.userid), counts);
  switch (touch.touch) {
    case 'open':
      return touch.key === `open:${touch.sendId}` ? [row({ opened: 1 }), salesRow(day, touch.userid, { contentOpened: 1 })] : [];
    case 'scan':
      return [row({ scans: 1 })];
    case 'contact_added':
      return [row({ contactsAdded: 1 })];
    case 'order':
      // A refund is stored as an order touch with a negative amount under its own key.
      return touch.key.startsWith('refund:') ? [row({ refundFen: -(touch.amountFen ?? 0) })] : [row({ orders: 1, paidFen: touch.amountFen ?? 0 })];
  }
}
