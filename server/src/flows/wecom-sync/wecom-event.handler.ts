import type { WeComCallbackEvent } from '../../integrations/wecom/callback-events';
import type { Logger } from '../../platform/logging/logger';
import type { FollowEndReason, FollowRepository } from '../../modules/follows';
import type { TimelineRepository } from '../../modules/timeline';

export interface WeComEventHandlerDeps {
  corpId: string;
  follows: Pick<FollowRepository, 'end'>;
  timeline: Pick<TimelineRepository, 'record'>;
  /** Re-reads one contact from WeCom and writes it (the event says only that something changed). */
  syncContact(externalUserId: string): Promise<void>;
  /** After a customer added a salesperson and the contact was read back: credit the content that led there. */
  contactAdded?(externalUserId: string, userid: string): Promise<void>;
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
      case 'add_half_external_contact':
        await deps.syncContact(event.externalUserId);
        return deps.contactAdded?.(event.externalUserId, event.userId);
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
