import type { Connection } from 'mongoose';
import type { AnalyticsSnapshotDocument } from './analytics.model';

const SNAPSHOTS = 'analytics_snapshots';

/** The periodic snapshot, one document per corp (`_id` = corpId), replaced whole by each run. */
export class SnapshotRepository {
  constructor(private readonly connection: Connection) {}

  private get snapshots() {
    return this.connection.collection<AnalyticsSnapshotDocument>(SNAPSHOTS);
  }

  async find(corpId: string): Promise<AnalyticsSnapshotDocument | null> {
    return this.snapshots.findOne({ _id: corpId });
  }

  async save(snapshot: AnalyticsSnapshotDocument): Promise<void> {
    await this.snapshots.replaceOne({ _id: snapshot._id }, snapshot, { upsert: true });
  }

  /**
   * One segment's counts per department, counted on save so the list shows it before the next run (null: the
   * segment was deleted). Without a snapshot yet there is nothing to amend; the first run counts it.
   */
  async setSegmentCounts(corpId: string, segmentId: string, counts: Record<string, number> | null): Promise<void> {
    const path = `segments.${segmentId}`;
    await this.snapshots.updateOne({ _id: corpId }, counts ? { $set: { [path]: counts } } : { $unset: { [path]: 1 } });
  }
}
