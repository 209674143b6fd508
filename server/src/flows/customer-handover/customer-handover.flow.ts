import type { HandoverState, ReassignCustomersRequest, UnassignedCustomer } from '@zhike/shared/handovers';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { QueueRepository, QueueWorker } from '../../platform/queue';
import type { CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { HandoverRecord, HandoverRepository } from '../../modules/handovers';
import type { StaffRepository, StaffService } from '../../modules/staff';
import type { TimelineRepository } from '../../modules/timeline';

export const RESIGNED_TRANSFER_TOPIC = 'wecom-resigned-transfer';

/** What the outbox sends to WeCom for one request: the customers this request owns. */
export interface ResignedTransferPayload {
  handoverUserid: string;
  takeoverUserid: string;
  externalUserIds: string[];
}

export interface CustomerHandoverDeps {
  corpId: string;
  staff: Pick<StaffService, 'visibleFollowers' | 'directory'>;
  staffRecords: Pick<StaffRepository, 'listDeparted' | 'findByUserid'>;
  follows: Pick<FollowRepository, 'listActiveOf'>;
  customers: Pick<CustomerRepository, 'findByIds'>;
  handovers: Pick<HandoverRepository, 'request' | 'listForDeparted'>;
  timeline: Pick<TimelineRepository, 'record'>;
  outbox: QueueRepository;
  worker: Pick<QueueWorker, 'drain'>;
  now?: () => Date;
}

/**
 * 离职继承: the customers of salespeople who left, listed for managers (their departments) and admins, and
 * handed by an admin to an active salesperson through WeCom (resigned/transfer_customer) via the durable
 * outbox. WeCom takes 24 hours (the customer may refuse); TransferProgress follows it to the end.
 */
export class CustomerHandoverFlow {
  constructor(private readonly deps: CustomerHandoverDeps) {}

  async listUnassigned(viewer: StaffPrincipal): Promise<UnassignedCustomer[]> {
    const scope = await this.deps.staff.visibleFollowers(viewer);
    const departed = (await this.deps.staffRecords.listDeparted(this.deps.corpId)).filter((s) => scope === 'all' || scope.has(s.userid));
    const follows = await this.deps.follows.listActiveOf(this.deps.corpId, departed.map((s) => s.userid));
    const [customers, records] = await Promise.all([
      this.deps.customers.findByIds([...new Set(follows.map((f) => f.customerId))]),
      this.deps.handovers.listForDeparted(this.deps.corpId, departed.map((s) => s.userid)),
    ]);
    const takeovers = await this.deps.staff.directory(this.deps.corpId, [...new Set(records.map((r) => r.takeoverUserid))]);
    const byId = new Map(customers.map((c) => [c.id, c]));
    const recordOf = new Map(records.map((r) => [`${r.handoverUserid}:${r.externalUserId}`, r]));
    const nameOf = new Map(departed.map((s) => [s.userid, s.name]));
    return follows.flatMap((follow) => {
      const customer = byId.get(follow.customerId);
      if (!customer) return [];
      const record = recordOf.get(`${follow.userid}:${follow.externalUserId}`);
      return [
        {
          customerId: customer.id,
          externalUserId: follow.externalUserId,
          displayName: customer.displayName,
          ...(customer.wecomProfile?.avatar ? { avatar: customer.wecomProfile.avatar } : {}),
          departed: { userid: follow.userid, name: nameOf.get(follow.userid) ?? follow.userid },
          since: follow.since.toISOString(),
          handover: record
            ? {
                takeover: { userid: record.takeoverUserid, name: takeovers.get(record.takeoverUserid)?.name ?? record.takeoverUserid },
                state: record.state,
                ...(record.error ? { error: record.error } : {}),
                requestedAt: record.requestedAt.toISOString(),
                ...(record.settledAt ? { settledAt: record.settledAt.toISOString() } : {}),
              }
            : null,
        },
      ];
    });
  }

  /**
   * Hands customers of one departed salesperson to an active one. Each customer is answered with where its
   * reassignment stands; one already under way or done is left as it is. Idempotent by requestId.
   */
  async reassign(admin: StaffPrincipal, request: ReassignCustomersRequest): Promise<{ externalUserId: string; state: HandoverState }[]> {
    const { corpId } = this.deps;
    const [departed, takeover] = await Promise.all([
      this.deps.staffRecords.findByUserid(corpId, request.handoverUserid),
      this.deps.staffRecords.findByUserid(corpId, request.takeoverUserid),
    ]);
    if (!departed) throw new AppError('VALIDATION_FAILED', '没有这位成员', [{ field: 'body.handoverUserid', issue: `未知成员 ${request.handoverUserid}` }]);
    if (departed.active) throw new AppError('CONFLICT', `${departed.name} 尚未离职，只能分配已离职成员的客户`, [{ field: 'body.handoverUserid', issue: '在职成员' }]);
    if (!takeover?.active) throw new AppError('VALIDATION_FAILED', '接替的成员必须是在职成员', [{ field: 'body.takeoverUserid', issue: `${request.takeoverUserid} 不是在职成员` }]);
    const follows = new Map((await this.deps.follows.listActiveOf(corpId, [departed.userid])).map((f) => [f.externalUserId, f]));
    const strangers = request.externalUserIds.flatMap((id, index) => (follows.has(id) ? [] : [{ field: `body.externalUserIds.${index}`, issue: `${id} 不是 ${departed.name} 的待分配客户` }]));
    if (strangers.length) throw new AppError('VALIDATION_FAILED', '有客户不是这位离职成员的待分配客户', strangers);

    const requestKey = `${admin.userid}:${request.requestId}`;
    const at = (this.deps.now ?? (() => new Date()))();
    const owned: string[] = [];
    for (const externalUserId of [...new Set(request.externalUserIds)]) {
      const follow = follows.get(externalUserId)!;
      const record = { corpId, handoverUserid: departed.userid, externalUserId, customerId: follow.customerId, takeoverUserid: takeover.userid, requestKey, requestedBy: admin.userid, requestedAt: at };
      if (!(await this.deps.handovers.request(record))) continue;
      owned.push(externalUserId);
      await this.deps.timeline.record({
        corpId,
        customerId: follow.customerId,
        kind: 'customer_reassigned',
        at,
        actorUserid: admin.userid,
        data: { state: 'requested', handover: departed.userid, handoverName: departed.name, takeover: takeover.userid, takeoverName: takeover.name },
        key: `reassign:${requestKey}:${externalUserId}`,
      });
    }
    if (owned.length) {
      const payload: ResignedTransferPayload = { handoverUserid: departed.userid, takeoverUserid: takeover.userid, externalUserIds: owned };
      await this.deps.outbox.enqueue(RESIGNED_TRANSFER_TOPIC, requestKey, payload, at, departed.userid);
      void this.deps.worker.drain().catch(() => undefined);
    }
    const states = await this.statesOf(departed.userid, request.externalUserIds);
    return request.externalUserIds.map((externalUserId) => ({ externalUserId, state: states.get(externalUserId) ?? 'requested' }));
  }

  private async statesOf(handoverUserid: string, externalUserIds: string[]): Promise<Map<string, HandoverState>> {
    const records: HandoverRecord[] = await this.deps.handovers.listForDeparted(this.deps.corpId, [handoverUserid]);
    return new Map(records.filter((r) => externalUserIds.includes(r.externalUserId)).map((r) => [r.externalUserId, r.state]));
  }
}
