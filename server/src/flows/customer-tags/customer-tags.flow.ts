import type { MarkCustomerTagsRequest, TagChangeView } from '@zhike/shared/tags';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { ExternalContactClient } from '../../integrations/wecom/external-contact-client';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import { PermanentFailure, type QueueMessage, type QueueRepository, type QueueWorker } from '../../platform/queue';
import type { FollowRepository } from '../../modules/follows';
import type { CorpTagRepository } from '../../modules/tags';
import type { TimelineRepository } from '../../modules/timeline';
import type { CustomerAccess } from '../customer-360';

export const MARK_TAG_TOPIC = 'wecom-mark-tag';

/** How long a written-through change stays listed (so the sidebar can show it landed). */
const SYNCED_VISIBLE_MS = 10 * 60 * 1000;
const RECENT_MS = 24 * 60 * 60 * 1000;

interface MarkTagPayload {
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

/**
 * A salesperson tags a customer: visible in Zhike at once, written through to WeCom (`mark_tag`) by the
 * outbox — retried until it succeeds or WeCom refuses for good (then shown, with the reason, and retryable
 * by hand). The client's requestId makes a repeated request apply once.
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
    const known = new Set((await this.deps.tags.findByTagIds(key.corpId, [...request.add, ...request.remove])).filter((t) => !t.deletedAt && t.source === 'wecom').map((t) => t.tagId));
    const unknown = [...request.add, ...request.remove].filter((tagId) => !known.has(tagId));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', '标签不存在或已被删除', unknown.map((tagId) => ({ field: 'body.add', issue: `未知标签 ${tagId}` })));

    const messageKey = `${viewer.userid}:${request.requestId}`;
    const payload: MarkTagPayload = { userid: viewer.userid, externalUserId, add: request.add, remove: request.remove };
    const now = (this.deps.now ?? (() => new Date()))();
    // Stored first: once accepted, the WeCom write survives a crash. The local change is applied on every
    // request ($addToSet/$pullAll are idempotent), so a retry after a crash between the two still lands it.
    const fresh = await this.deps.outbox.enqueue(MARK_TAG_TOPIC, messageKey, payload, now, subjectOf(viewer.userid, externalUserId));
    if (!fresh) await this.deps.outbox.rearm(MARK_TAG_TOPIC, messageKey); // a retry of a refused change tries again
    await this.deps.follows.applyTagChange(key, request.add, request.remove);
    await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId: customer.id,
      kind: 'tags_changed',
      at: now,
      actorUserid: viewer.userid,
      data: { add: request.add, remove: request.remove },
      key: `tags:${messageKey}`,
    });
    void this.deps.worker.drain().catch(() => undefined);
    const stored = await this.deps.outbox.findByKey(MARK_TAG_TOPIC, messageKey);
    return toChangeView(stored!);
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
