import type { WeComCallbackEvent } from '../../integrations/wecom/callback-events';
import type { Logger } from '../../platform/logging/logger';
import type { FollowEndReason, FollowRepository } from '../../modules/follows';
import type { TimelineRepository } from '../../modules/timeline';

/** An add as the callback reported it: the contact-me state it came through and the single-use WelcomeCode. */
export interface ContactAddedDetails {
  externalUserId: string;
  userid: string;
  state?: string;
  welcomeCode?: string;
  /** The event's CreateTime. */
  at: Date;
}

export interface WeComEventHandlerDeps {
  corpId: string;
  follows: Pick<FollowRepository, 'end'>;
  timeline: Pick<TimelineRepository, 'record'>;
  /** Re-reads one contact from WeCom and writes it (the event says only that something changed). */
  syncContact(externalUserId: string): Promise<void>;
  /**
   * A customer just added a salesperson and WeCom handed a WelcomeCode: greet them. It runs before the contact
   * is read back, because the code lapses 20 s after the add; it must not throw for WeCom's refusals.
   */
  greetNewContact?(added: ContactAddedDetails): Promise<void>;
  /** After a customer added a salesperson and the contact was read back: credit the content (and the channel) that led there. */
  contactAdded?(externalUserId: string, userid: string, added: ContactAddedDetails): Promise<void>;
  /** After a relationship ended (either side deleted the other). */
  contactEnded?(externalUserId: string, userid: string, at: Date): Promise<void>;
  /** Re-reads the corp tag library (tag events carry ids, not names). */
  syncTagLibrary(): Promise<void>;
  log: Logger;
}

/**
 * Applies one stored WeCom event. Events say *that* something changed; the current state is read back
 * from WeCom, so applying an event twice, or out of order, converges on the same state.
 */
export function createWeComEventHandler(deps: WeComEventHandlerDeps) {
  const endFollow = async (key: { corpId: string; externalUserId: string; userid: string }, reason: FollowEndReason, at: Date) => {
    const ended = await deps.follows.end(key, reason, at);
    if (!ended) return;
    await deps.contactEnded?.(key.externalUserId, key.userid, at);
    await deps.timeline.record({
      corpId: key.corpId,
      customerId: ended.customerId,
      kind: 'contact_removed',
      at,
      actorUserid: key.userid,
      data: { reason },
      key: `contact_removed:${key.externalUserId}:${key.userid}:${at.getTime()}`,
    });
  };

  return async function handleWeComEvent(payload: unknown): Promise<void> {
    const event = payload as WeComCallbackEvent;
    if (event.event === 'change_external_tag') return deps.syncTagLibrary();
    if (event.event !== 'change_external_contact') return;
    const at = new Date(event.createTime * 1000);
    const key = { corpId: deps.corpId, externalUserId: event.externalUserId, userid: event.userId };
    switch (event.changeType) {
      case 'add_external_contact':
      case 'add_half_external_contact': {
        const added: ContactAddedDetails = { externalUserId: event.externalUserId, userid: event.userId, at, ...(event.state ? { state: event.state } : {}), ...(event.welcomeCode ? { welcomeCode: event.welcomeCode } : {}) };
        if (added.welcomeCode) await deps.greetNewContact?.(added);
        await deps.syncContact(event.externalUserId);
        return deps.contactAdded?.(event.externalUserId, event.userId, added);
      }
      case 'edit_external_contact':
        return deps.syncContact(event.externalUserId);
      case 'del_follow_user':
        // The customer deleted the salesperson: churn, kept with its time.
        return endFollow(key, 'customer_deleted_staff', at);
      case 'del_external_contact':
        return endFollow(key, event.source === 'DELETE_BY_TRANSFER' ? 'transferred' : 'staff_deleted_customer', at);
      case 'transfer_fail':
        deps.log.warn({ externalUserId: event.externalUserId, userid: event.userId, reason: event.failReason }, 'WeCom customer transfer failed');
        return;
    }
  };
}
