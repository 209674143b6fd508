import type { Connection, Model } from 'mongoose';
import { withStringId, type WithId } from '../../platform/db/records';
import { syncRunModel, type SyncRunDocument } from './sync-run.model';

export type SyncRunRecord = WithId<SyncRunDocument>;

export class SyncRunRepository {
  private readonly runs: Model<SyncRunDocument>;

  constructor(connection: Connection) {
    this.runs = syncRunModel(connection);
  }

  /** The unfinished run of this kind, to resume; otherwise a new one. */
  async resumeOrStart(corpId: string, kind: string, at: Date): Promise<{ run: SyncRunRecord; resumed: boolean }> {
    const open = await this.runs.findOne({ corpId, kind, finishedAt: { $exists: false } }).sort({ startedAt: -1 }).lean();
    if (open) return { run: withStringId(open), resumed: true };
    const created = await this.runs.create({ corpId, kind, startedAt: at, batchIndex: 0, cursor: '', pages: 0, items: 0 });
    return { run: withStringId(created.toObject()), resumed: false };
  }

  async saveProgress(id: string, progress: { batchIndex: number; cursor: string; items: number; tagDriftRepaired: number }): Promise<void> {
    await this.runs.updateOne(
      { _id: id },
      { $set: { batchIndex: progress.batchIndex, cursor: progress.cursor }, $inc: { pages: 1, items: progress.items, tagDriftRepaired: progress.tagDriftRepaired } },
    );
  }

  async finish(id: string, at: Date): Promise<SyncRunRecord | null> {
    const done = await this.runs.findOneAndUpdate({ _id: id }, { $set: { finishedAt: at } }, { returnDocument: 'after' }).lean();
    return done && withStringId(done);
  }
}
