import { mongo, type Connection, type Model } from 'mongoose';
import { fanEventModel, type FanEventDocument } from './fan-event.model';

/** Which of the documents handed in were stored now, and which were already there (by position). */
export interface InsertOutcome {
  inserted: number[];
  duplicates: number[];
}

const DUPLICATE_KEY = 11000;

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
    const all = documents.map((_, index) => index);
    if (documents.length === 0) return { inserted: [], duplicates: [] };
    try {
      // The driver adds _id to the objects it is given: hand it copies so callers' objects stay as they were.
      await this.events.collection.insertMany(documents.map((document) => ({ ...document })), { ordered: false });
      return { inserted: all, duplicates: [] };
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
      const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
      const refused = new Set(writeErrors.map((writeError) => writeError.index));
      return { inserted: all.filter((index) => !refused.has(index)), duplicates: [...refused].sort((a, b) => a - b) };
    }
  }

  async countForCustomer(customerId: string): Promise<number> {
    return this.events.countDocuments({ customerId });
  }
}
