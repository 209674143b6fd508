import type { SandboxWorld } from '../integrations/sandbox/world';
import type { CustomerService } from '../modules/customers';
import type { StaffService } from '../modules/staff';

/**
 * Demo data on start: staff from the (sandbox) WeCom directory and the customers its members have as
 * contacts. Every step is an idempotent upsert, so a restart changes nothing.
 */
export async function seedDemoData(deps: { world: SandboxWorld; staff: StaffService; customers: CustomerService }): Promise<{ staff: number; customers: number }> {
  const { members } = await deps.staff.syncDirectory();
  for (const contact of deps.world.contacts) {
    await deps.customers.observe({
      externalUserId: contact.externalUserId,
      unionid: contact.unionid,
      displayName: contact.name,
      source: '演示数据：企业微信客户',
    });
  }
  return { staff: members, customers: deps.world.contacts.length };
}
