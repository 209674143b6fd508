import { isValidObjectId, type Connection, type Model } from 'mongoose';
import { FIRST_STAGE_KEY, type StageKey } from '@zhike/shared/stages';
import { withStringId, type WithId } from '../../platform/db/records';
import { customerModel, type CustomerDocument, type IdentifierKind, type IdentityLink, type WeComContactProfile } from './customer.model';

export type CustomerRecord = WithId<CustomerDocument>;

const FIELD: Record<IdentifierKind, string> = {
  openid: 'identifiers.openid',
  unionid: 'identifiers.unionid',
  external_userid: 'identifiers.externalUserIds',
};

/** Told when a customer's unionid becomes known (the analytics' 可识别粉丝 step): once per customer. */
export type UnionidListener = (link: { customerId: string; at: Date }) => void;

export class CustomerRepository {
  private readonly customers: Model<CustomerDocument>;
  private readonly unionidListeners: UnionidListener[] = [];

  constructor(connection: Connection) {
    this.customers = customerModel(connection);
  }

  onUnionidLinked(listener: UnionidListener): void {
    this.unionidListeners.push(listener);
  }

  private unionidLinked(customerId: string, at: Date): void {
    for (const listener of this.unionidListeners) listener({ customerId, at });
  }

  /** Customers holding a unionid and when it was linked, through a cursor (the analytics rebuild). */
  async *unionidLinks(batchSize = 2000): AsyncGenerator<{ customerId: string; at: Date }> {
    const found = this.customers.find({ 'identifiers.unionid': { $exists: true } }, { identityLinks: 1, firstSeenAt: 1 }).lean().cursor({ batchSize });
    for await (const customer of found) yield { customerId: customer._id.toString(), at: unionidLinkedAt(customer) };
  }

  /** A malformed id (from a URL or a query) names no customer rather than failing the request. */
  async findById(id: string): Promise<CustomerRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.customers.findById(id).lean();
    return found && withStringId(found);
  }

  async findByIds(ids: string[]): Promise<CustomerRecord[]> {
    const valid = ids.filter((id) => isValidObjectId(id));
    if (valid.length === 0) return [];
    const found = await this.customers.find({ _id: { $in: valid } }).lean();
    return found.map(withStringId);
  }

  /** Each customer's stage and whether their unionid is known: every customer, or these (segment rules, the score's fit part). */
  async listStages(ids?: string[]): Promise<{ id: string; stage: StageKey; hasUnionId: boolean }[]> {
    if (ids?.length === 0) return [];
    const found = await this.customers
      .find(ids ? { _id: { $in: ids } } : {}, { stage: 1, 'identifiers.unionid': 1 })
      .lean<{ _id: { toString(): string }; stage?: StageKey; identifiers?: { unionid?: string } }[]>();
    return found.map((customer) => ({ id: customer._id.toString(), stage: customer.stage ?? FIRST_STAGE_KEY, hasUnionId: Boolean(customer.identifiers?.unionid) }));
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
    if (result.modifiedCount !== 1) return false;
    if (link.kind === 'unionid') this.unionidLinked(customerId, link.at);
    return true;
  }

  async update(customerId: string, changes: { displayName?: string; wecomProfile?: WeComContactProfile; activeAt?: Date }): Promise<void> {
    const set = { ...(changes.displayName ? { displayName: changes.displayName } : {}), ...(changes.wecomProfile ? { wecomProfile: changes.wecomProfile } : {}) };
    const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(changes.activeAt ? { $max: { lastActiveAt: changes.activeAt } } : {}) };
    if (Object.keys(update).length) await this.customers.updateOne({ _id: customerId }, update);
  }

  /** Moves the customer to `next` only if it is still at `expected` (customers from before stages were kept count as the first stage). */
  async changeStage(customerId: string, expected: StageKey, next: StageKey): Promise<boolean> {
    const atExpected = expected === FIRST_STAGE_KEY ? { stage: { $in: [FIRST_STAGE_KEY, null] } } : { stage: expected };
    const result = await this.customers.updateOne({ _id: customerId, ...atExpected }, { $set: { stage: next } });
    return result.modifiedCount === 1;
  }

  /** Sets and clears custom field values in one single-document update; fields not named are left as they are. */
  async updateCustomFields(customerId: string, change: { set: Record<string, string | number>; clear: string[] }): Promise<void> {
    const set = Object.fromEntries(Object.entries(change.set).map(([key, value]) => [`customFields.${key}`, value]));
    const unset = Object.fromEntries(change.clear.map((key) => [`customFields.${key}`, 1]));
    const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
    if (Object.keys(update).length) await this.customers.updateOne({ _id: customerId }, update);
  }

  /** How many customers are in each stage (those from before stages were kept count as the first stage). */
  async countByStage(): Promise<Map<string, number>> {
    const groups = await this.customers.aggregate<{ _id: string | null; customers: number }>([{ $group: { _id: '$stage', customers: { $sum: 1 } } }]);
    const counts = new Map<string, number>();
    for (const group of groups) {
      const key = group._id ?? FIRST_STAGE_KEY;
      counts.set(key, (counts.get(key) ?? 0) + group.customers);
    }
    return counts;
  }

  async findByInviteCode(inviteCode: string): Promise<CustomerRecord | null> {
    const found = await this.customers.findOne({ inviteCode }).lean();
    return found && withStringId(found);
  }

  /** Gives the customer this invite code unless they have one; a code taken by someone else surfaces as a duplicate key. */
  async setInviteCodeIfAbsent(customerId: string, inviteCode: string): Promise<void> {
    await this.customers.updateOne({ _id: customerId, inviteCode: { $exists: false } }, { $set: { inviteCode } });
  }

  /** The customer did something themselves (a tracked event): lastActiveAt only ever moves forward. */
  async markActive(customerId: string, at: Date): Promise<void> {
    await this.customers.updateOne({ _id: customerId }, { $max: { lastActiveAt: at } });
  }

  /** Inserts a new customer; a duplicate identifier surfaces as E11000 for the caller to resolve. */
  async insert(customer: CustomerDocument): Promise<CustomerRecord> {
    const created = withStringId((await this.customers.create(customer)).toObject());
    if (customer.identifiers.unionid) this.unionidLinked(created.id, unionidLinkedAt(customer));
    return created;
  }
}

function unionidLinkedAt(customer: Pick<CustomerDocument, 'identityLinks' | 'firstSeenAt'>): Date {
  return customer.identityLinks.find((link) => link.kind === 'unionid')?.at ?? customer.firstSeenAt;
}
