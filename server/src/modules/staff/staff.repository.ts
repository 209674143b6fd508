import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { staffModel, type StaffDocument } from './staff.model';

export type StaffRecord = WithId<StaffDocument>;

export class StaffRepository {
  private readonly staff: Model<StaffDocument>;

  constructor(connection: Connection) {
    this.staff = staffModel(connection);
  }

  /** Insert or refresh one member, keyed by (corp, userid); concurrent syncs of the same member end as one document. */
  async upsertMember(member: StaffDocument): Promise<StaffRecord> {
    const { corpId, userid, ...fields } = member;
    const saved = await this.staff
      .findOneAndUpdate({ corpId, userid }, { $set: fields, $setOnInsert: { corpId, userid } }, { upsert: true, returnDocument: 'after' })
      .lean()
      .catch(async (error: unknown) => {
        // Two upserts racing on a new key: one inserts, the other hits the unique index and simply updates.
        if (!isDuplicateKeyError(error)) throw error;
        return this.staff.findOneAndUpdate({ corpId, userid }, { $set: fields }, { returnDocument: 'after' }).lean();
      });
    if (!saved) throw new Error(`staff ${corpId}/${userid} vanished during upsert`);
    return withStringId(saved);
  }

  async findByUserid(corpId: string, userid: string): Promise<StaffRecord | null> {
    const found = await this.staff.findOne({ corpId, userid }).lean();
    return found && withStringId(found);
  }

  async findById(id: string): Promise<StaffRecord | null> {
    const found = await this.staff.findById(id).lean();
    return found && withStringId(found);
  }

  /** Members the directory no longer lists have left: kept (their history stays), marked inactive. */
  async markDepartedExcept(corpId: string, present: string[], at: Date): Promise<number> {
    const result = await this.staff.updateMany({ corpId, active: true, userid: { $nin: present } }, { $set: { active: false, syncedAt: at } });
    return result.modifiedCount;
  }

  async listByUserids(corpId: string, userids: string[]): Promise<StaffRecord[]> {
    const found = await this.staff.find({ corpId, userid: { $in: userids } }).lean();
    return found.map(withStringId);
  }

  async listUseridsInDepartments(corpId: string, departmentIds: number[]): Promise<string[]> {
    const found = await this.staff.find({ corpId, departmentIds: { $in: departmentIds } }, { userid: 1 }).lean();
    return found.map((s) => s.userid);
  }

  /** Members who have left (gone from the directory); their customers await reassignment. */
  async listDeparted(corpId: string): Promise<StaffRecord[]> {
    const found = await this.staff.find({ corpId, active: false }).lean();
    return found.map(withStringId);
  }

  async listUserids(corpId: string): Promise<string[]> {
    const found = await this.staff.find({ corpId, active: true }, { userid: 1 }).lean();
    return found.map((s) => s.userid);
  }
}
