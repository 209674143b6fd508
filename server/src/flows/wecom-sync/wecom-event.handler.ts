import type { WeComCallbackEvent } from '../../integrations/wecom/callback-events';
import type { Logger } from '../../platform/logging/logger';
import type { FollowRepository } from '../../modules/follows';

export interface WeComEventHandlerDeps {
  corpId: string;
  follows: Pick<FollowRepository, 'end'>;
  /** Re-reads one contact from WeCom and writes it (the event says only that something changed). */
  syncContact(externalUserId: string): Promise<void>;
  /** Re-reads the corp tag library (tag events carry ids, not names). */
  syncTagLibrary(): Promise<void>;
  log: Logger;
}

/**
 * Applies one stored WeCom event. Events say *that* something changed; the current state is read back
 * from WeCom, so applying an event twice, or out of order, converges on the same state.
 */
export function createWeComEventHandler(deps: WeComEventHandlerDeps) {
  return async function handleWeComEvent(payload: unknown): Promise<void> {
    const event = payload as WeComCallbackEvent;
    if (event.event === 'change_external_tag') return deps.syncTagLibrary();
    if (event.event !== 'change_external_contact') return;
    const at = new Date(event.createTime * 1000);
    const key = { corpId: deps.corpId, externalUserId: event.externalUserId, userid: event.userId };
    switch (event.changeType) {
      case 'add_external_contact':
      case 'add_half_external_contact':
      case 'edit_external_contact':
        return deps.syncContact(event.externalUserId);
      case 'del_follow_user':
        // The customer deleted the salesperson: churn, kept with its time.
        await deps.follows.end(key, 'customer_deleted_staff', at);
        return;
      case 'del_external_contact':
        await deps.follows.end(key, event.source === 'DELETE_BY_TRANSFER' ? 'transferred' : 'staff_deleted_customer', at);
        return;
      case 'transfer_fail':
        deps.log.warn({ externalUserId: event.externalUserId, userid: event.userId, reason: event.failReason }, 'WeCom customer transfer failed');
        return;
    }
  };
}
