import { Schema, type Connection, type Model } from 'mongoose';

/** Progress of a long upstream sync, saved after every page so a crashed run resumes where it stopped. */
export interface SyncRunDocument {
  corpId: string;
  kind: string;
  startedAt: Date;
  finishedAt?: Date;
  /** Which batch of members (100 per batch/get_by_user call) the run is in. */
  batchIndex: number;
  /** WeCom's next_cursor within that batch; '' at a batch's start. */
  cursor: string;
  pages: number;
  items: number;
  /** Follows whose tags differed from WeCom's without Zhike knowing, repaired by this run. */
  tagDriftRepaired?: number;
}

const SyncRunSchema = new Schema<SyncRunDocument>(
  {
    corpId: { type: String, required: true },
    kind: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: Date,
    batchIndex: { type: Number, required: true, default: 0 },
    cursor: { type: String, default: '' },
    pages: { type: Number, required: true, default: 0 },
    items: { type: Number, required: true, default: 0 },
    tagDriftRepaired: { type: Number, default: 0 },
  },
  { collection: 'sync_runs', versionKey: false },
);
SyncRunSchema.index({ corpId: 1, kind: 1, startedAt: -1 });

export function syncRunModel(connection: Connection): Model<SyncRunDocument> {
  return connection.models.SyncRun ?? connection.model<SyncRunDocument>('SyncRun', SyncRunSchema);
}
