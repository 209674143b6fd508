import type { AddCustomerNoteRequest, ChangeCustomerStageRequest, TimelineEntry } from '@zhike/shared/timeline';
import { FIRST_STAGE_KEY } from '@zhike/shared/stages';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerRecord, CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { StaffService } from '../../modules/staff';
import type { StagePipelineService } from '../../modules/stages';
import { toTimelineEntry, type TimelineRecord, type TimelineRepository } from '../../modules/timeline';
import type { CustomerAccess } from '../customer-360';

/** Notes and stage changes: what a salesperson records about a customer they follow, each on the timeline. */
export class CustomerFollowUpFlow {
  constructor(
    private readonly deps: {
      corpId: string;
      access: CustomerAccess;
      follows: Pick<FollowRepository, 'findActive'>;
      customers: Pick<CustomerRepository, 'changeStage'>;
      timeline: TimelineRepository;
      staff: Pick<StaffService, 'directory'>;
      pipeline: Pick<StagePipelineService, 'labels'>;
      now?: () => Date;
    },
  ) {}

  async addNote(viewer: StaffPrincipal, externalUserId: string, request: AddCustomerNoteRequest): Promise<TimelineEntry> {
    const customer = await this.followedCustomer(viewer, externalUserId, '你没有跟进这位客户，不能写备注');
    const record = await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId: customer.id,
      kind: 'note',
      at: this.now(),
      actorUserid: viewer.userid,
      data: {},
      text: request.text,
      key: `note:${viewer.userid}:${request.requestId}`,
    });
    return this.view(viewer, record);
  }

  /**
   * Moves the customer along the pipeline from the stage the salesperson saw; if a colleague moved it
   * meanwhile, the change is refused (409) rather than silently overwriting theirs.
   */
  async changeStage(viewer: StaffPrincipal, externalUserId: string, request: ChangeCustomerStageRequest): Promise<TimelineEntry> {
    const customer = await this.followedCustomer(viewer, externalUserId, '你没有跟进这位客户，不能修改阶段');
    const key = `stage:${viewer.userid}:${request.requestId}`;
    const replay = await this.deps.timeline.findByKey(this.deps.corpId, key);
    if (replay) return this.view(viewer, replay);
    if (request.stage === request.expectedStage) throw new AppError('VALIDATION_FAILED', '新阶段与当前阶段相同', [{ field: 'body.stage', issue: '与 expectedStage 相同' }]);
    const labels = await this.deps.pipeline.labels();
    if (!labels.has(request.stage)) throw new AppError('VALIDATION_FAILED', '没有这个客户阶段', [{ field: 'body.stage', issue: `阶段 ${request.stage} 不在本企业的销售流程中` }]);
    const moved = await this.deps.customers.changeStage(customer.id, request.expectedStage, request.stage);
    // Not at expectedStage any more: a colleague moved it (or this very change landed under another
    // requestId). Refusing keeps one timeline entry per real move.
    if (!moved) {
      const current = customer.stage ?? FIRST_STAGE_KEY;
      throw new AppError('CONFLICT', '客户阶段已被同事修改，请刷新后再试', [{ field: 'body.expectedStage', issue: `当前阶段为 ${labels.get(current) ?? current}` }]);
    }
    const record = await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId: customer.id,
      kind: 'stage_changed',
      at: this.now(),
      actorUserid: viewer.userid,
      data: { from: request.expectedStage, to: request.stage },
      key,
    });
    return this.view(viewer, record);
  }

  private async followedCustomer(viewer: StaffPrincipal, externalUserId: string, refusal: string): Promise<CustomerRecord> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    if (!(await this.deps.follows.findActive(this.deps.corpId, externalUserId, viewer.userid))) throw new AppError('FORBIDDEN', refusal);
    return customer;
  }

  private async view(viewer: StaffPrincipal, record: TimelineRecord): Promise<TimelineEntry> {
    const directory = await this.deps.staff.directory(viewer.corpId, record.actorUserid ? [record.actorUserid] : []);
    const names = { staff: new Map([...directory].map(([userid, staff]) => [userid, staff.name])), tags: new Map<string, string>(), stages: await this.deps.pipeline.labels() };
    return toTimelineEntry(record, names);
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}
