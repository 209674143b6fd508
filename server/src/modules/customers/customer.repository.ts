import type { Connection, Model } from 'mongoose';
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

  async touch(customerId: string, at: Date, changes: { displayName?: string; wecomProfile?: WeComContactProfile }): Promise<void> {
    const set = { ...(changes.displayName ? { displayName: changes.displayName } : {}), ...(changes.wecomProfile ? { wecomProfile: changes.wecomProfile } : {}) };
    await this.customers.updateOne({ _id: customerId }, { $max: { lastSeenAt: at }, ...(Object.keys(set).length ? { $set: set } : {}) });
  }

  /** Inserts a new customer; a duplicate identifier surfaces as E11000 for the caller to resolve. */
  async insert(customer: CustomerDocument): Promise<CustomerRecord> {
    const created = await this.customers.create(customer);
    return withStringId(created.toObject());
  }
}
