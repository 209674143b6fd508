import type { TimelineEntry } from '@zhike/shared/timeline';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerAccess } from '../customer-360/customer-access';
import { EventStream, type LiveBus, type LiveMessage, type LiveTimelineRecord } from '../../modules/live';
import type { StagePipelineService } from '../../modules/stages';
import type { StaffService } from '../../modules/staff';
import type { CorpTagRepository } from '../../modules/tags';
import { toTimelineEntry, type TimelineRecord } from '../../modules/timeline';

export interface LiveSignalDeps {
  access: Pick<CustomerAccess, 'visibleCustomer'>;
  bus: LiveBus;
  staff: Pick<StaffService, 'directory'>;
  tags: Pick<CorpTagRepository, 'findByTagIds'>;
  pipeline: Pick<StagePipelineService, 'labels'>;
  heartbeatMs?: number;
}

/**
 * "王小明 正在浏览《…》" and new timeline lines, pushed to the sidebars that have the customer open. The
 * data permission is checked once, before the stream opens (the same 404 as every customer route).
 */
export class LiveSignalFlow {
  constructor(private readonly deps: LiveSignalDeps) {}

  async connect(viewer: StaffPrincipal, externalUserId: string): Promise<EventStream> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const stream = new EventStream(this.deps.heartbeatMs);
    const unsubscribe = this.deps.bus.subscribe(customer.id, (message) => this.deliver(viewer, stream, message));
    stream.onClose(unsubscribe);
    return stream;
  }

  /** The one hook on the timeline: every entry recorded for the first time goes on the bus. */
  timelineRecorded(record: TimelineRecord): void {
    const { id, corpId, kind, at, actorUserid, data, text } = record;
    this.deps.bus.publish({
      type: 'timeline',
      customerId: record.customerId,
      record: { id, corpId, kind, at: at.toISOString(), ...(actorUserid ? { actorUserid } : {}), data, ...(text ? { text } : {}) },
    });
  }

  private deliver(viewer: StaffPrincipal, stream: EventStream, message: LiveMessage): void {
    if (message.type === 'viewing') {
      stream.send('viewing', { title: message.title, page: message.page, at: message.at });
      return;
    }
    // Names are looked up for each viewer's corp at delivery, so the bus carries facts only.
    this.describe(viewer, message.record).then(
      (entry) => stream.send('timeline', { entry }),
      () => undefined, // a line that cannot be named now shows on the next load of the 360
    );
  }

  private async describe(viewer: StaffPrincipal, record: LiveTimelineRecord): Promise<TimelineEntry> {
    const { data } = record;
    const userids = [record.actorUserid, data.userid, data.attributedUserid, data.handover, data.takeover].filter((u): u is string => typeof u === 'string');
    const tagIds = record.kind === 'tags_changed' ? [...toStrings(data.add), ...toStrings(data.remove)] : [];
    const [directory, tags, stages] = await Promise.all([
      this.deps.staff.directory(viewer.corpId, [...new Set(userids)]),
      tagIds.length ? this.deps.tags.findByTagIds(viewer.corpId, tagIds) : Promise.resolve([]),
      this.deps.pipeline.labels(),
    ]);
    const names = { staff: new Map([...directory].map(([userid, staff]) => [userid, staff.name])), tags: new Map(tags.map((tag) => [tag.tagId, tag.name])), stages };
    const asRecord = { ...record, kind: record.kind as TimelineRecord['kind'], at: new Date(record.at), customerId: '', key: '' };
    return toTimelineEntry(asRecord, names);
  }
}

const toStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
