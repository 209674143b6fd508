import { ADD_WAY_LABELS, type Customer360, type CustomerTagView } from '@zhike/shared/customers';
import { FIRST_STAGE_KEY } from '@zhike/shared/stages';
import type { TagChangeView } from '@zhike/shared/tags';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerRecord } from '../../modules/customers';
import type { FollowRecord } from '../../modules/follows';
import type { CustomerAccess } from './customer-access';
import type { StaffService } from '../../modules/staff';
import type { StagePipelineService } from '../../modules/stages';
import { customerFieldViews, type CustomFieldService } from '../../modules/custom-fields';
import type { CorpTagRepository } from '../../modules/tags';
import { toTimelineEntry, type TimelineRepository } from '../../modules/timeline';

const TIMELINE_LENGTH = 30;

/** A follow's tags: WeCom corp tags and Zhike's local-only ones (the library says which is which). */
const tagIdsOf = (follow: FollowRecord) => [...follow.wecomTagIds, ...(follow.localTagIds ?? [])];

export interface Customer360Deps {
  access: CustomerAccess;
  tags: Pick<CorpTagRepository, 'findByTagIds'>;
  staff: Pick<StaffService, 'directory'>;
  timeline: Pick<TimelineRepository, 'latestForCustomer'>;
  pipeline: Pick<StagePipelineService, 'stages'>;
  fields: Pick<CustomFieldService, 'definitions'>;
  /** The viewer's recent tag changes on their way to WeCom. */
  tagChanges(viewer: StaffPrincipal, externalUserId: string): Promise<TagChangeView[]>;
  /** The intent score and level for the header (one rollup lookup); the explanation has its own route. */
  intent?(customer: CustomerRecord, follows: FollowRecord[]): Promise<NonNullable<Customer360['intent']>>;
  /** The name of the channel (渠道活码) a contact-me state belongs to; undefined for states that are not channels. */
  channelName?(state: string): Promise<string | undefined>;
  /** The customer's row on the analytics churn-risk list, if they are on it (one lookup). */
  churnRisk?(customerId: string): Promise<{ risk: number; reason: string } | null>;
}

/** The customer 360 for the sidebar, in one answer, within the viewer's data scope (see CustomerAccess). */
export class Customer360Flow {
  constructor(private readonly deps: Customer360Deps) {}

  async forExternalUserId(viewer: StaffPrincipal, externalUserId: string): Promise<Customer360> {
    const { customer, follows } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    return this.assemble(viewer, customer, externalUserId, follows);
  }

  private async assemble(viewer: StaffPrincipal, customer: CustomerRecord, externalUserId: string, follows: FollowRecord[]): Promise<Customer360> {
    // Reads that do not depend on each other are sent together (two waves instead of six sequential
    // round trips); the names of staff and tags need the timeline's actors and tag ids first.
    const firstState = follows[0]?.state;
    const [entries, tagChanges, stages, fields, intent, firstChannel, churnRisk] = await Promise.all([
      this.deps.timeline.latestForCustomer(customer.id, TIMELINE_LENGTH),
      this.deps.tagChanges(viewer, externalUserId),
      this.deps.pipeline.stages(),
      this.deps.fields.definitions(),
      this.deps.intent?.(customer, follows),
      firstState ? this.deps.channelName?.(firstState) : undefined,
      this.deps.churnRisk?.(customer.id),
    ]);
    const tagIds = [...new Set(follows.filter((f) => !f.endedAt).flatMap(tagIdsOf))];
    const taggedInTimeline = entries.flatMap((e) => (e.kind === 'tags_changed' ? [...((e.data.add as string[]) ?? []), ...((e.data.remove as string[]) ?? [])] : []));
    const addedStates = [...new Set(entries.flatMap((e) => (e.kind === 'contact_added' && typeof e.data.state === 'string' ? [e.data.state] : [])))];
    const [directory, library, channelNames] = await Promise.all([
      this.deps.staff.directory(viewer.corpId, [...new Set([...follows.map((f) => f.userid), ...entries.flatMap((e) => (e.actorUserid ? [e.actorUserid] : []))])]),
      this.deps.tags.findByTagIds(viewer.corpId, [...new Set([...tagIds, ...taggedInTimeline])]),
      Promise.all(addedStates.map(async (state): Promise<[string, string | undefined]> => [state, await this.deps.channelName?.(state)])),
    ]);
    const names = {
      staff: new Map([...directory].map(([userid, staff]) => [userid, staff.name])),
      tags: new Map(library.map((tag) => [tag.tagId, tag.name])),
      stages: new Map(stages.map((stage) => [stage.key, stage.label])),
      channels: new Map(channelNames.filter((pair): pair is [string, string] => pair[1] !== undefined)),
    };
    const tags: CustomerTagView[] = library
      .filter((tag) => !tag.deletedAt && tagIds.includes(tag.tagId))
      .map((tag) => ({
        tagId: tag.tagId,
        name: tag.name,
        groupId: tag.groupId,
        groupName: tag.groupName,
        source: tag.source,
        markedBy: follows.filter((f) => !f.endedAt && tagIdsOf(f).includes(tag.tagId)).map((f) => f.userid),
      }));
    const first = follows[0];
    return {
      customer: {
        id: customer.id,
        externalUserId,
        displayName: customer.displayName,
        ...(customer.wecomProfile?.avatar ? { avatar: customer.wecomProfile.avatar } : {}),
        ...(customer.wecomProfile?.corpName ? { corpName: customer.wecomProfile.corpName } : {}),
        ...(customer.wecomProfile?.position ? { position: customer.wecomProfile.position } : {}),
        firstSeenAt: customer.firstSeenAt.toISOString(),
        ...(customer.lastActiveAt ? { lastActiveAt: customer.lastActiveAt.toISOString() } : {}),
        usesMiniProgram: Boolean(customer.identifiers.openid),
      },
      followers: follows.map((follow) => {
        const staff = directory.get(follow.userid);
        return {
          userid: follow.userid,
          name: staff?.name ?? follow.userid,
          ...(staff?.avatar ? { avatar: staff.avatar } : {}),
          ...(follow.remark ? { remark: follow.remark } : {}),
          ...(follow.description ? { description: follow.description } : {}),
          ...(follow.addWay !== undefined ? { addWay: follow.addWay } : {}),
          addWayLabel: ADD_WAY_LABELS[follow.addWay ?? 0] ?? '其他方式',
          ...(follow.state ? { state: follow.state } : {}),
          since: follow.since.toISOString(),
          active: !follow.endedAt,
          departed: staff ? !staff.active : false,
          ...(follow.endedAt ? { endedAt: follow.endedAt.toISOString() } : {}),
          ...(follow.endReason ? { endReason: follow.endReason } : {}),
        };
      }),
      tags,
      tagChanges,
      stage: customer.stage ?? FIRST_STAGE_KEY,
      stages,
      customFields: customerFieldViews(fields, customer.customFields),
      timeline: entries.map((entry) => toTimelineEntry(entry, names)),
      firstTouch: first
        ? {
            userid: first.userid,
            since: first.since.toISOString(),
            channel: firstChannel ?? first.state ?? ADD_WAY_LABELS[first.addWay ?? 0] ?? '其他方式',
          }
        : null,
      ...(intent ? { intent } : {}),
      ...(churnRisk !== undefined ? { churnRisk: churnRisk && { risk: churnRisk.risk, reason: churnRisk.reason } } : {}),
    };
  }
}
