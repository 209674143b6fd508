import type { UpdateCustomerFieldsRequest, UpdateCustomerFieldsResponse } from '@zhike/shared/custom-fields';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerRepository } from '../../modules/customers';
import { checkFieldEdit, customerFieldViews, effectiveChange, type CustomFieldService, type CustomFieldValues } from '../../modules/custom-fields';
import type { StaffService } from '../../modules/staff';
import { toTimelineEntry, type TimelineRecord, type TimelineRepository } from '../../modules/timeline';
import type { CustomerAccess } from '../customer-360';

/**
 * A salesperson fills in the admin's custom fields of a customer they can see: checked against each field's
 * type, saved in one update, and put on the timeline ("修改了资料 预算=5000"). The requestId makes a retried
 * request answer its first result instead of applying again.
 */
export class CustomerFieldsFlow {
  constructor(
    private readonly deps: {
      corpId: string;
      access: CustomerAccess;
      fields: Pick<CustomFieldService, 'definitions'>;
      customers: Pick<CustomerRepository, 'updateCustomFields' | 'findById'>;
      timeline: Pick<TimelineRepository, 'record' | 'findByKey'>;
      staff: Pick<StaffService, 'directory'>;
      now?: () => Date;
    },
  ) {}

  async update(viewer: StaffPrincipal, externalUserId: string, request: UpdateCustomerFieldsRequest): Promise<UpdateCustomerFieldsResponse> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const definitions = await this.deps.fields.definitions();
    const key = `fields:${viewer.userid}:${request.requestId}`;
    const replay = await this.deps.timeline.findByKey(this.deps.corpId, key);
    if (replay) return { fields: customerFieldViews(definitions, customer.customFields), entry: await this.view(viewer, replay) };

    const held: CustomFieldValues = customer.customFields ?? {};
    const change = effectiveChange(checkFieldEdit(definitions, request.values), held);
    const keys = [...Object.keys(change.set), ...change.clear];
    if (keys.length === 0) return { fields: customerFieldViews(definitions, held) };
    // Saved before it is recorded: a retry after a crash between the two sets the same values again, then records.
    await this.deps.customers.updateCustomFields(customer.id, change);
    const labels = new Map(definitions.map((field) => [field.key, field.label]));
    const record = await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId: customer.id,
      kind: 'fields_changed',
      at: (this.deps.now ?? (() => new Date()))(),
      actorUserid: viewer.userid,
      // Labels as they were: the entry keeps saying what the salesperson saw, even after a field is renamed.
      data: { changes: keys.map((field) => ({ key: field, label: labels.get(field), value: change.set[field] ?? null })) },
      key,
    });
    const saved = await this.deps.customers.findById(customer.id);
    return { fields: customerFieldViews(definitions, saved?.customFields), entry: await this.view(viewer, record) };
  }

  private async view(viewer: StaffPrincipal, record: TimelineRecord) {
    const directory = await this.deps.staff.directory(viewer.corpId, record.actorUserid ? [record.actorUserid] : []);
    return toTimelineEntry(record, { staff: new Map([...directory].map(([userid, staff]) => [userid, staff.name])), tags: new Map() });
  }
}
