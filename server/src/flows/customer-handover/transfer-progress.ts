import type { HandoverState } from '@zhike/shared/handovers';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { ExternalContactClient } from '../../integrations/wecom/external-contact-client';
import type { Logger } from '../../platform/logging/logger';
import { PermanentFailure } from '../../platform/queue';
import type { FollowRepository } from '../../modules/follows';
import type { HandoverRecord, HandoverRepository } from '../../modules/handovers';
import type { StaffService } from '../../modules/staff';
import type { TimelineRepository } from '../../modules/timeline';
import type { ResignedTransferPayload } from './customer-handover.flow';

/** WeCom's per-customer refusals of a transfer request, worded for the admin. */
const TRANSFER_ERRCODES: Record<number, string> = {
  84061: '这位客户已不是离职成员的客户',
  40096: '客户账号无效',
  40003: '成员账号无效或尚未离职',
  60111: '成员账号不存在',
  48002: '应用没有客户联系接口权限',
};
const reasonOf = (errcode: number) => `${TRANSFER_ERRCODES[errcode] ?? '企业微信拒绝了这次分配'}（企业微信错误码 ${errcode}）`;

/** transfer_result statuses that end a transfer, other than 1 (taken over) and 2 (still waiting). */
const UNSUCCESSFUL: Record<number, { state: HandoverState; reason?: string }> = {
  3: { state: 'refused' },
  4: { state: 'failed', reason: '接替成员的客户数已达上限' },
  5: { state: 'failed', reason: '企业微信没有这次分配的记录' },
};

export interface TransferProgressDeps {
  corpId: string;
  contacts: Pick<ExternalContactClient, 'transferResignedCustomers' | 'transferResult'>;
  handovers: Pick<HandoverRepository, 'settle' | 'listWaiting'>;
  follows: Pick<FollowRepository, 'end'>;
  timeline: Pick<TimelineRepository, 'record'>;
  staff: Pick<StaffService, 'directory'>;
  /** Re-reads the customer from WeCom: the takeover's new follow arrives that way. */
  syncContact(externalUserId: string): Promise<void>;
  log: Logger;
  now?: () => Date;
}

/**
 * A reassignment after the admin asked for it: the outbox's WeCom call (each customer accepted → waiting, or
 * refused → failed with WeCom's reason), then polling transfer_result until WeCom says how it ended. Every
 * step is a conditional update, so a redelivered message or an overlapping poll applies once.
 */
export class TransferProgress {
  private readonly now: () => Date;

  constructor(private readonly deps: TransferProgressDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The outbox handler for RESIGNED_TRANSFER_TOPIC. */
  readonly send = async (payload: unknown): Promise<void> => {
    const request = payload as ResignedTransferPayload;
    try {
      const outcomes = await this.deps.contacts.transferResignedCustomers(request);
      for (const outcome of outcomes) {
        if (outcome.errcode === 0) await this.settle(request, outcome.external_userid, 'waiting');
        else await this.settle(request, outcome.external_userid, 'failed', reasonOf(outcome.errcode));
      }
    } catch (error) {
      if (!(error instanceof UpstreamApiError && TRANSFER_ERRCODES[error.errcode])) throw error; // busy, down: the outbox retries
      for (const externalUserId of request.externalUserIds) await this.settle(request, externalUserId, 'failed', reasonOf(error.errcode));
      throw new PermanentFailure(reasonOf(error.errcode));
    }
  };

  /** Asks WeCom how every waiting transfer stands, one transfer_result walk per (departed, takeover) pair. */
  async poll(): Promise<{ settled: number }> {
    const pairs = new Map<string, HandoverRecord[]>();
    for (const record of await this.deps.handovers.listWaiting(this.deps.corpId)) {
      const key = `${record.handoverUserid}\n${record.takeoverUserid}`;
      pairs.set(key, [...(pairs.get(key) ?? []), record]);
    }
    let settled = 0;
    for (const records of pairs.values()) {
      const { handoverUserid, takeoverUserid } = records[0]!;
      const statuses = new Map((await this.deps.contacts.transferResult({ handoverUserid, takeoverUserid })).map((s) => [s.external_userid, s]));
      for (const record of records) {
        const status = statuses.get(record.externalUserId);
        if (!status || status.status === 2) continue;
        const pair = { handoverUserid, takeoverUserid };
        if (status.status === 1) {
          const at = status.takeover_time ? new Date(status.takeover_time * 1000) : this.now();
          // The departed salesperson's follow ends as transferred; the takeover's comes from WeCom itself.
          await this.deps.follows.end({ corpId: this.deps.corpId, externalUserId: record.externalUserId, userid: handoverUserid }, 'transferred', at);
          await this.deps.syncContact(record.externalUserId);
          if (await this.settle(pair, record.externalUserId, 'done', undefined, at)) settled++;
        } else {
          const outcome = UNSUCCESSFUL[status.status] ?? { state: 'failed' as const, reason: `企业微信返回状态 ${status.status}` };
          if (await this.settle(pair, record.externalUserId, outcome.state, outcome.reason)) settled++;
        }
      }
    }
    if (settled) this.deps.log.info({ settled }, 'resigned customer transfers settled');
    return { settled };
  }

  /** Polls on a timer (transfers take a day; a few minutes' lag is fine). */
  start(intervalMs: number): () => void {
    const timer = setInterval(() => void this.poll().catch((error) => this.deps.log.error({ err: error }, 'transfer poll failed')), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Moves the record on and, when that ends it, says so on the customer's timeline (once). */
  private async settle(pair: { handoverUserid: string; takeoverUserid: string }, externalUserId: string, state: HandoverState, reason?: string, at = this.now()): Promise<boolean> {
    const key = { corpId: this.deps.corpId, handoverUserid: pair.handoverUserid, externalUserId };
    const record = await this.deps.handovers.settle(key, state, at, reason);
    if (!record || state === 'waiting') return false;
    const names = await this.deps.staff.directory(this.deps.corpId, [pair.handoverUserid, pair.takeoverUserid]);
    await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId: record.customerId,
      kind: 'customer_reassigned',
      at,
      ...(state === 'done' ? { actorUserid: pair.takeoverUserid } : {}),
      data: {
        state,
        handover: pair.handoverUserid,
        handoverName: names.get(pair.handoverUserid)?.name ?? pair.handoverUserid,
        takeover: pair.takeoverUserid,
        takeoverName: names.get(pair.takeoverUserid)?.name ?? pair.takeoverUserid,
        ...(reason ? { reason } : {}),
      },
      key: `reassign:${record.requestKey}:${externalUserId}:${state}`,
    });
    return true;
  }
}
