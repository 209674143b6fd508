import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerRecord, CustomerRepository } from '../../modules/customers';
import type { FollowRecord, FollowRepository } from '../../modules/follows';
import type { StaffService } from '../../modules/staff';

export interface CustomerAccessDeps {
  customers: Pick<CustomerRepository, 'findByIdentifier'>;
  follows: Pick<FollowRepository, 'listForCustomer'>;
  staff: Pick<StaffService, 'visibleFollowers'>;
  /** Fetches one contact from WeCom when it is not known yet (the chat was opened before any sync). */
  syncContact(externalUserId: string): Promise<void>;
}

const customerNotFound = () => new AppError('NOT_FOUND', '没有找到这位客户，或你没有查看权限');

/**
 * The data-permission rule for every customer-scoped route: a salesperson reaches customers they follow
 * now, a manager also those of the departments they lead (ended relationships included, to see churn), an
 * admin everyone. Outside the scope the answer is the same 404 as for a customer that does not exist.
 */
export class CustomerAccess {
  constructor(private readonly deps: CustomerAccessDeps) {}

  async visibleCustomer(viewer: StaffPrincipal, externalUserId: string): Promise<{ customer: CustomerRecord; follows: FollowRecord[] }> {
    let customer = await this.deps.customers.findByIdentifier('external_userid', externalUserId);
    if (!customer) {
      // WeCom answers 40096/84061 for contacts that are not ours; either way the customer stays unknown.
      await this.deps.syncContact(externalUserId).catch(() => undefined);
      customer = await this.deps.customers.findByIdentifier('external_userid', externalUserId);
    }
    if (!customer) throw customerNotFound();
    // Independent reads, sent together: on a pooled connection they overlap instead of queueing.
    const [follows, scope] = await Promise.all([this.deps.follows.listForCustomer(customer.id), this.deps.staff.visibleFollowers(viewer)]);
    const visible = scope === 'all' || follows.some((f) => scope.has(f.userid) && (viewer.role !== 'salesperson' || !f.endedAt));
    if (!visible) throw customerNotFound();
    return { customer, follows };
  }
}
