import { ADD_WAY_LABELS, type Customer360, type CustomerTagView } from '@zhike/shared/customers';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerRecord, CustomerRepository } from '../../modules/customers';
import type { FollowRecord, FollowRepository } from '../../modules/follows';
import type { StaffService } from '../../modules/staff';
import type { CorpTagRepository } from '../../modules/tags';

export interface Customer360Deps {
  customers: Pick<CustomerRepository, 'findByIdentifier'>;
  follows: Pick<FollowRepository, 'listForCustomer'>;
  tags: Pick<CorpTagRepository, 'findByTagIds'>;
  staff: Pick<StaffService, 'visibleFollowers' | 'directory'>;
  /** Fetches one contact from WeCom when it is not known yet (the chat was opened before any sync). */
  syncContact(externalUserId: string): Promise<void>;
}

const notFound = () => new AppError('NOT_FOUND', '没有找到这位客户，或你没有查看权限');

/**
 * The customer 360 for the sidebar, in one answer. A customer outside the viewer's data scope answers
 * exactly like a customer that does not exist, so the answer never leaks who the corp's customers are.
 */
export class Customer360Flow {
  constructor(private readonly deps: Customer360Deps) {}

  async forExternalUserId(viewer: StaffPrincipal, externalUserId: string): Promise<Customer360> {
    let customer = await this.deps.customers.findByIdentifier('external_userid', externalUserId);
    if (!customer) {
      // WeCom answers 40096/84061 for contacts that are not ours; either way the customer stays unknown.
      await this.deps.syncContact(externalUserId).catch(() => undefined);
      customer = await this.deps.customers.findByIdentifier('external_userid', externalUserId);
    }
    if (!customer) throw notFound();

    const follows = await this.deps.follows.listForCustomer(customer.id);
    const scope = await this.deps.staff.visibleFollowers(viewer);
    // A salesperson sees customers they follow now; managers and admins also see ended relationships (churn).
    const visible = scope === 'all' || follows.some((f) => scope.has(f.userid) && (viewer.role !== 'salesperson' || !f.endedAt));
    if (!visible) throw notFound();
    return this.assemble(viewer, customer, externalUserId, follows);
  }

  private async assemble(viewer: StaffPrincipal, customer: CustomerRecord, externalUserId: string, follows: FollowRecord[]): Promise<Customer360> {
    const directory = await this.deps.staff.directory(viewer.corpId, follows.map((f) => f.userid));
    const tagIds = [...new Set(follows.filter((f) => !f.endedAt).flatMap((f) => f.wecomTagIds))];
    const library = await this.deps.tags.findByTagIds(viewer.corpId, tagIds);
    const tags: CustomerTagView[] = library
      .filter((tag) => !tag.deletedAt)
      .map((tag) => ({
        tagId: tag.tagId,
        name: tag.name,
        groupId: tag.groupId,
        groupName: tag.groupName,
        source: tag.source,
        markedBy: follows.filter((f) => !f.endedAt && f.wecomTagIds.includes(tag.tagId)).map((f) => f.userid),
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
          ...(follow.endedAt ? { endedAt: follow.endedAt.toISOString() } : {}),
          ...(follow.endReason ? { endReason: follow.endReason } : {}),
        };
      }),
      tags,
      firstTouch: first
        ? { userid: first.userid, since: first.since.toISOString(), channel: first.state ?? ADD_WAY_LABELS[first.addWay ?? 0] ?? '其他方式' }
        : null,
    };
  }
}
