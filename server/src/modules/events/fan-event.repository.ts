import type { Connection, Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../platform/db/records';
import { fanEventModel, type FanEventDocument } from './fan-event.model';

/** Which of the documents handed in were stored now, and which were already there (by position). */
export interface InsertOutcome {
  inserted: number[];
  duplicates: number[];
}


export class FanEventRepository {
  private readonly events: Model<FanEventDocument>;

  constructor(connection: Connection) {
    this.events = fanEventModel(connection);
  }

  /**
   * One unordered insertMany through the driver (the documents are already validated): every new event is
   * stored even when others in the batch are duplicates. MongoDB and FerretDB both report the refused
   * positions in `writeErrors` (see conformance.ingestion.test.ts); any failure other than a duplicate is thrown.
   */
  async insertNew(documents: FanEventDocument[]): Promise<InsertOutcome> {
    const { inserted, duplicates } = await insertManySkippingDuplicates(this.events.collection, documents);
    return { inserted: inserted.map((stored) => stored.index), duplicates };
  }

  async countForCustomer(customerId: string): Promise<number> {
    return this.events.countDocuments({ customerId });
  }
}
