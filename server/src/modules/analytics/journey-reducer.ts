import { shanghaiDay } from '@zhike/shared/time';
import type { TimelineKind } from '@zhike/shared/timeline';
import type { CustomerJourneyDocument } from './analytics.model';
import type { DirectoryLookups } from './analytics-directory';

/** What the analytics need of a timeline entry (a stored one, or one just recorded). */
export interface JourneyEntry {
  /** The stored entry's id (what tells a rebuild's reading from the recorder's). */
  id?: string;
  corpId: string;
  customerId: string;
  kind: TimelineKind;
  at: Date;
  actorUserid?: string;
  data: Record<string, unknown>;
}

/** A timeline entry, or the customer's unionid becoming known (it has no timeline entry of its own). */
export type JourneyInput = { type: 'entry'; entry: JourneyEntry } | { type: 'identified'; corpId: string; customerId: string; at: Date };

/** The customer's own doings: they make the active days and the rhythm the churn list compares against. */
const OWN_ACTIONS = new Set<TimelineKind>(['page_viewed', 'content_shared', 'content_opened', 'poster_scanned', 'order_paid', 'invited_customer']);
/** Engagement once a contact: opening what was sent, sharing, scanning, inviting, browsing. */
const ENGAGEMENTS = new Set<TimelineKind>(['content_opened', 'content_shared', 'poster_scanned', 'invited_customer', 'page_viewed']);
/** A salesperson working on the customer (follow-up coverage). */
const SALES_ACTIONS = new Set<TimelineKind>(['content_sent', 'note', 'stage_changed', 'tags_changed', 'fields_changed']);

export const CHANNEL_LABELS = { organic: '自然流量', referral: '好友分享', poster: '海报' } as const;

export function emptyJourney(corpId: string, customerId: string): CustomerJourneyDocument {
  return {
    corpId,
    customerId,
    steps: {},
    channelKey: 'organic',
    channelLabel: CHANNEL_LABELS.organic,
    departmentId: 0,
    paidOrders: 0,
    netRevenueFen: 0,
    activeDays: 0,
    touchedBy: {},
    version: 0,
    updatedAt: new Date(0),
  };
}

const earlier = (a: Date | undefined, b: Date) => (a && a <= b ? a : b);
const later = (a: Date | undefined, b: Date) => (a && a >= b ? a : b);

/**
 * Applies one input to the journey (in place). Each fact keeps its first (or last) time whatever the order
 * inputs arrive in, except what needs the history in order: engagement and activation count only inputs
 * after the contact and the referral already applied, and active days count a day before the first or after
 * the last one known. The rebuild applies inputs in time order per customer, as the recorder does live.
 */
export function applyInput(journey: CustomerJourneyDocument, input: JourneyInput, directory: DirectoryLookups): void {
  if (input.type === 'identified') {
    // A WeCom contact whose unionid is known was identifiable from the day they were added.
    journey.steps.fan = earlier(journey.steps.contact, earlier(journey.steps.fan, input.at));
  } else {
    applyEntry(journey, input.entry, directory);
  }
  derive(journey, directory);
}

function applyEntry(journey: CustomerJourneyDocument, entry: JourneyEntry, directory: DirectoryLookups): void {
  const { kind, at, data } = entry;
  const steps = journey.steps;
  if (OWN_ACTIONS.has(kind)) markActive(journey, at);
  if (ENGAGEMENTS.has(kind) && steps.contact && at >= steps.contact) steps.engaged = earlier(steps.engaged, at);
  if (SALES_ACTIONS.has(kind) && entry.actorUserid) journey.touchedBy[entry.actorUserid] = later(journey.touchedBy[entry.actorUserid], at);
  if ((kind === 'page_viewed' || kind === 'contact_added') && journey.referredAt && at >= journey.referredAt) journey.activatedAt = earlier(journey.activatedAt, at);
  switch (kind) {
    case 'page_viewed':
      steps.visitor = earlier(steps.visitor, at);
      break;
    case 'contact_added': {
      if (entry.actorUserid) journey.contactedAt = { ...journey.contactedAt, [entry.actorUserid]: earlier(journey.contactedAt?.[entry.actorUserid], at) };
      if (!steps.contact || at < steps.contact) {
        steps.contact = at;
        const channel = directory.channelOf(journey.corpId, typeof data.state === 'string' ? data.state : undefined);
        journey.contactChannel = channel && { key: `channel:${channel.id}`, label: channel.name };
      }
      if (steps.fan) steps.fan = earlier(steps.fan, at);
      break;
    }
    case 'order_paid':
      if (!steps.ordered || at < steps.ordered) {
        if (steps.ordered) steps.repeat = steps.ordered;
        steps.ordered = at;
      } else if (!steps.repeat || at < steps.repeat) {
        steps.repeat = at;
      }
      journey.paidOrders += 1;
      journey.netRevenueFen += Number(data.totalFen ?? 0);
      journey.lastPaidAt = later(journey.lastPaidAt, at);
      break;
    case 'order_refunded':
      journey.netRevenueFen -= Number(data.refundFen ?? 0);
      break;
    case 'referred_by':
      journey.referrerId = String(data.inviterId);
      if (typeof data.inviterName === 'string') journey.referrerName = data.inviterName;
      journey.referredAt = at;
      journey.referralChannel = data.channel === 'poster' ? 'poster' : 'share';
      if (!journey.contactedAt && typeof data.attributedUserid === 'string') journey.ownerUserid = data.attributedUserid;
      break;
    default:
      break;
  }
}

function markActive(journey: CustomerJourneyDocument, at: Date): void {
  if (!journey.lastActiveAt || !journey.firstActiveAt) {
    journey.activeDays = 1;
    journey.firstActiveAt = at;
    journey.lastActiveAt = at;
    return;
  }
  const day = shanghaiDay(at);
  if (at > journey.lastActiveAt) {
    if (day !== shanghaiDay(journey.lastActiveAt)) journey.activeDays += 1;
    journey.lastActiveAt = at;
  } else if (at < journey.firstActiveAt) {
    if (day !== shanghaiDay(journey.firstActiveAt)) journey.activeDays += 1;
    journey.firstActiveAt = at;
  }
}

/** The facts that follow from the others: first touch, its channel, the owner and the owner's department. */
function derive(journey: CustomerJourneyDocument, directory: DirectoryLookups): void {
  const { visitor, fan, contact } = journey.steps;
  const touches = [visitor, fan, contact, journey.referredAt].filter((at): at is Date => at !== undefined);
  journey.firstTouchAt = touches.length ? new Date(Math.min(...touches.map((at) => at.getTime()))) : undefined;

  // A referral is accepted only within a day of the invitee first being seen: it brought them, unless a contact came before it.
  if (journey.referredAt && (!contact || journey.referredAt <= contact)) {
    journey.channelKey = journey.referralChannel === 'poster' ? 'poster' : 'referral';
    journey.channelLabel = journey.referralChannel === 'poster' ? CHANNEL_LABELS.poster : CHANNEL_LABELS.referral;
  } else if (journey.contactChannel) {
    journey.channelKey = journey.contactChannel.key;
    journey.channelLabel = journey.contactChannel.label;
  } else {
    journey.channelKey = 'organic';
    journey.channelLabel = CHANNEL_LABELS.organic;
  }

  const firstContact = Object.entries(journey.contactedAt ?? {}).sort(([userA, a], [userB, b]) => a.getTime() - b.getTime() || userA.localeCompare(userB))[0];
  if (firstContact) journey.ownerUserid = firstContact[0];
  journey.departmentId = directory.departmentOf(journey.corpId, journey.ownerUserid);
}
