import type { MarkCustomerTagsRequest, TagChangeView, TagSource } from '@zhike/shared/tags';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { ExternalContactClient } from '../../integrations/wecom/external-contact-client';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import { PermanentFailure, type QueueMessage, type QueueRepository, type QueueWorker } from '../../platform/queue';
import type { FollowRepository } from '../../modules/follows';
import type { CorpTagRepository } from '../../modules/tags';
import type { TimelineRepository } from '../../modules/timeline';
import type { CustomerAccess } from '../customer-360';
import type { TagOverlay } from '../wecom-sync/contact-sync.flow';

export const MARK_TAG_TOPIC = 'wecom-mark-tag';

/** How long a written-through change stays listed (so the sidebar can show it landed). */
const SYNCED_VISIBLE_MS = 10 * 60 * 1000;
const RECENT_MS = 24 * 60 * 60 * 1000;

/** One WeCom mark_tag write, as the outbox carries it (channels apply their tags through it too). */
export interface MarkTagPayload {
  userid: string;
  externalUserId: string;
  add: string[];
  remove: string[];
}

/** WeCom answers that retrying cannot fix, worded for the salesperson. */
const PERMANENT_ERRCODES: Record<number, string> = {
  40068: '标签不存在或已被删除',
  84061: '你与该客户已不是好友关系',
  40096: '客户账号无效',
  60111: '成员账号不存在',
  48002: '应用没有客户联系接口权限',
};

const subjectOf = (userid: string, externalUserId: string) => `${userid}:${externalUserId}`;

function applyChange(tagIds: string[], change: { add: string[]; remove: string[] }): string[] {
  return [...new Set([...tagIds.filter((id) => !change.remove.includes(id)), ...change.add])];
}

/**
 * A salesperson tags a customer: visible in Zhike at once, written through to WeCom (`mark_tag`) by the
 * outbox — retried until it succeeds or WeCom refuses for good (then shown, with the reason, and retryable
 * by hand). Local-only tags (仅知客) are applied in Zhike alone. The client's requestId makes a repeated
 * request apply once.
 */
export class CustomerTagsFlow {
  constructor(
    private readonly deps: {
      corpId: string;
      access: CustomerAccess;
      follows: Pick<FollowRepository, 'findActive' | 'applyTagChange'>;
      timeline: Pick<TimelineRepository, 'record'>;
      tags: Pick<CorpTagRepository, 'findByTagIds'>;
      outbox: QueueRepository;
      worker: QueueWorker;
      now?: () => Date;
    },
  ) {}

  async mark(viewer: StaffPrincipal, externalUserId: string, request: MarkCustomerTagsRequest): Promise<TagChangeView> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const key = { corpId: this.deps.corpId, externalUserId, userid: viewer.userid };
    if (!(await this.deps.follows.findActive(key.corpId, externalUserId, viewer.userid))) {
      throw new AppError('FORBIDDEN', '你没有跟进这位客户，不能修改标签');
    }
    const requested = [...request.add, ...request.remove];
    const sources = new Map((await this.deps.tags.findByTagIds(key.corpId, requested)).filter((t) => !t.deletedAt).map((t) => [t.tagId, t.source]));
    const unknown = requested.filter((tagId) => !sources.has(tagId));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', '标签不存在或已被删除', unknown.map((tagId) => ({ field: request.add.includes(tagId) ? 'body.add' : 'body.remove', issue: `未知标签 ${tagId}` })));
    const from = (source: TagSource) => ({
      add: request.add.filter((tagId) => sources.get(tagId) === source),
      remove: request.remove.filter((tagId) => sources.get(tagId) === source),
    });
    const wecom = from('wecom');
    const local = from('local');

    const messageKey = `${viewer.userid}:${request.requestId}`;
    const now = (this.deps.now ?? (() => new Date()))();
    const writesThrough = wecom.add.length + wecom.remove.length > 0;
    if (writesThrough) {
      // Stored first: once accepted, the WeCom write survives a crash. The local change is applied on every
      // request ($addToSet/$pullAll are idempotent), so a retry after a crash between the two still lands it.
      const payload: MarkTagPayload = { userid: viewer.userid, externalUserId, ...wecom };
      const fresh = await this.deps.outbox.enqueue(MARK_TAG_TOPIC, messageKey, payload, now, subjectOf(viewer.userid, externalUserId));
      if (!fresh) await this.deps.outbox.rearm(MARK_TAG_TOPIC, messageKey); // a retry of a refused change tries again
      await this.deps.follows.applyTagChange(key, 'wecom', wecom.add, wecom.remove);
    }
    if (local.add.length + local.remove.length > 0) await this.deps.follows.applyTagChange(key, 'local', local.add, local.remove);
    const recorded = await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId: customer.id,
      kind: 'tags_changed',
      at: now,
      actorUserid: viewer.userid,
      data: { add: request.add, remove: request.remove },
      key: `tags:${messageKey}`,
    });
    if (!writesThrough) return { requestId: request.requestId, add: request.add, remove: request.remove, state: 'synced', at: recorded.at.toISOString() };
    void this.deps.worker.drain().catch(() => undefined);
    const stored = await this.deps.outbox.findByKey(MARK_TAG_TOPIC, messageKey);
    // The whole change as asked for; the outbox carries only its WeCom part.
    return { ...toChangeView(stored!), add: request.add, remove: request.remove };
  }

  /**
   * Local changes WeCom may not reflect yet, for a read of WeCom that started at `readStartedAt`: changes
   * still in the outbox, and those that landed after the read began. A sync overlays them on WeCom's answer,
   * so a pending change never disappears from the 360 (local pending wins until the outbox settles; a change
   * WeCom refused for good does not count, so WeCom wins then).
   */
  async pendingOverlay(follows: { externalUserId: string; userid: string }[], readStartedAt: Date): Promise<TagOverlay> {
    const subjects = [...new Set(follows.map((f) => subjectOf(f.userid, f.externalUserId)))];
    const bySubject = new Map<string, MarkTagPayload[]>();
    for (const message of await this.deps.outbox.listInFlight(MARK_TAG_TOPIC, subjects, readStartedAt)) {
      bySubject.set(message.subject!, [...(bySubject.get(message.subject!) ?? []), JSON.parse(message.payload) as MarkTagPayload]);
    }
    return (externalUserId, userid, tagIds) => (bySubject.get(subjectOf(userid, externalUserId)) ?? []).reduce(applyChange, tagIds);
  }

  /** The viewer's recent changes still on their way, refused, or just landed. */
  async recentChanges(viewer: StaffPrincipal, externalUserId: string): Promise<TagChangeView[]> {
    const now = (this.deps.now ?? (() => new Date()))().getTime();
    const messages = await this.deps.outbox.listBySubject(MARK_TAG_TOPIC, subjectOf(viewer.userid, externalUserId), new Date(now - RECENT_MS));
    return messages.filter((m) => !m.processedAt || now - m.processedAt.getTime() < SYNCED_VISIBLE_MS).map(toChangeView);
  }
}

function toChangeView(message: QueueMessage): TagChangeView {
  const payload = JSON.parse(message.payload) as MarkTagPayload;
  return {
    requestId: message.key.slice(message.key.indexOf(':') + 1),
    add: payload.add,
    remove: payload.remove,
    state: message.processedAt ? 'synced' : message.failedAt ? 'failed' : 'pending',
    ...(message.failedAt && message.lastError ? { error: message.lastError } : {}),
    at: message.createdAt.toISOString(),
  };
}

/** The outbox handler: one mark_tag call per change; WeCom's final refusals stop the retries. */
export function markTagHandler(contacts: Pick<ExternalContactClient, 'markTag'>) {
  return async (payload: unknown): Promise<void> => {
    const change = payload as MarkTagPayload;
    try {
      await contacts.markTag({ userid: change.userid, externalUserId: change.externalUserId, add: change.add, remove: change.remove });
    } catch (error) {
      if (error instanceof UpstreamApiError && PERMANENT_ERRCODES[error.errcode]) {
        throw new PermanentFailure(`${PERMANENT_ERRCODES[error.errcode]}（企业微信错误码 ${error.errcode}）`);
      }
      throw error;
    }
  };
}
