import type { Connection, Model } from 'mongoose';
import type { CustomerStage } from '@zhike/shared/timeline';
import { withStringId, type WithId } from '../../platform/db/records';
import { customerModel, type CustomerDocument, type IdentifierKind, type IdentityLink, type WeComContactProfile } from './customer.model';

export type CustomerRecord = WithId<CustomerDocument>;

const FIELD: Record<IdentifierKind, string> = {
  openid: 'identifiers.openid',
  unionid: 'identifiers.unionid',
  external_userid: 'identifiers.externalUserIds',
};

export class CustomerRepository {
  private readonly customers: Model<CustomerDocument>;

  constructor(connection: Connection) {
    this.customers = customerModel(connection);
  }

  async findById(id: string): Promise<CustomerRecord | null> {
    const found = await this.customers.findById(id).lean();
    return found && withStringId(found);
  }

  async findByIdentifier(kind: IdentifierKind, value: string): Promise<CustomerRecord | null> {
    const found = await this.customers.findOne({ [FIELD[kind]]: value }).lean();
    return found && withStringId(found);
  }

  /** Every customer holding one of these external_userids, in one query (a sync page at a time). */
  async findByExternalUserIds(externalUserIds: string[]): Promise<CustomerRecord[]> {
    const found = await this.customers.find({ 'identifiers.externalUserIds': { $in: externalUserIds } }).lean();
    return found.map(withStringId);
  }

  /**
   * Adds one identifier to a customer, once: single-valued identifiers only where the customer has none,
   * external_userids to the set. Returns false when there was nothing to add.
   */
  async addIdentifier(customerId: string, link: IdentityLink): Promise<boolean> {
    const field = FIELD[link.kind];
    const condition = link.kind === 'external_userid' ? { [field]: { $ne: link.value } } : { [field]: { $exists: false } };
    const change = link.kind === 'external_userid' ? { $addToSet: { [field]: link.value } } : { $set: { [field]: link.value } };
    const result = await this.customers.updateOne({ _id: customerId, ...condition }, { ...change, $push: { identityLinks: link } });
    return result.modifiedCount === 1;
  }

  async update(customerId: string, changes: { displayName?: string; wecomProfile?: WeComContactProfile; activeAt?: Date }): Promise<void> {
    const set = { ...(changes.displayName ? { displayName: changes.displayName } : {}), ...(changes.wecomProfile ? { wecomProfile: changes.wecomProfile } : {}) };
    const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(changes.activeAt ? { $max: { lastActiveAt: changes.activeAt } } : {}) };
    if (Object.keys(update).length) await this.customers.updateOne({ _id: customerId }, update);
  }

  /** Moves the customer to `next` only if it is still at `expected` (customers from before stages were kept count as 'new'). */
  async changeStage(customerId: string, expected: CustomerStage, next: CustomerStage): Promise<boolean> {
    const atExpected = expected === 'new' ? { stage: { $in: ['new' as const, null] } } : { stage: expected };
    const result = await this.customers.updateOne({ _id: customerId, ...atExpected }, { $set: { stage: next } });
    return result.modifiedCount === 1;
  }

  /** Inserts a new customer; a duplicate identifier surfaces as E11000 for the caller to resolve. */
  async insert(customer: CustomerDocument): Promise<CustomerRecord> {
    const created = await this.customers.create(customer);
    return withStringId(created.toObject());
  }
}
