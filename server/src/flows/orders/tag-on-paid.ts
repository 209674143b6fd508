import type { StaffPrincipal } from '../../platform/http/principal';
import type { FollowRepository } from '../../modules/follows';
import type { CorpTagRepository } from '../../modules/tags';
import type { CustomerTagsFlow } from '../customer-tags';

/**
 * Tags a paying customer 已购 (and removes 未购, or the names configured) on the crediting salesperson's relationship, through the same
 * outbox as a salesperson's own tag change, so WeCom gets it too. Idempotent by the order number.
 */
export function tagOnPaid(deps: {
  corpId: string;
  /** Tags by name, so a corp's own library decides the ids (default 已购 / 未购). */
  paidTagName: string;
  unpaidTagName: string;
  follows: Pick<FollowRepository, 'listForCustomer'>;
  tags: Pick<CorpTagRepository, 'listActive'>;
  customerTags: Pick<CustomerTagsFlow, 'mark'>;
}) {
  return async (order: { orderNo: string; customerId: string; salespersonUserid?: string }): Promise<void> => {
    if (!order.salespersonUserid) return;
    const follow = (await deps.follows.listForCustomer(order.customerId)).find((candidate) => candidate.userid === order.salespersonUserid && !candidate.endedAt);
    if (!follow) return;
    const library = await deps.tags.listActive(deps.corpId);
    const idOf = (name: string) => (name ? library.find((tag) => tag.name === name)?.tagId : undefined);
    const add = [idOf(deps.paidTagName)].filter((id): id is string => Boolean(id) && !follow.wecomTagIds.includes(id!));
    const remove = [idOf(deps.unpaidTagName)].filter((id): id is string => Boolean(id) && follow.wecomTagIds.includes(id!));
    if (!add.length && !remove.length) return;
    // The change is made on the salesperson's behalf: it is their relationship the tags sit on.
    const actingFor: StaffPrincipal = { kind: 'staff', sessionId: 'order-rule', staffId: 'order-rule', corpId: deps.corpId, userid: order.salespersonUserid, role: 'admin' };
    await deps.customerTags.mark(actingFor, follow.externalUserId, { requestId: `order-paid-${order.orderNo}`, add, remove });
  };
}
