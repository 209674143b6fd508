import { Schema, type Connection, type Model } from 'mongoose';
import type { SegmentRules } from '@zhike/shared/analytics';

/** An admin-defined segment (`analytics_segments`): a name unique in the corp and its rules. */
export interface SegmentDocument {
  corpId: string;
  name: string;
  rules: SegmentRules;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

const SegmentSchema = new Schema<SegmentDocument>(
  {
    corpId: { type: String, required: true },
    name: { type: String, required: true },
    // Validated by the shared SegmentRules schema before it is stored; kept as given.
    rules: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'analytics_segments', versionKey: false, minimize: false },
);
SegmentSchema.index({ corpId: 1, name: 1 }, { unique: true });

export function segmentModel(connection: Connection): Model<SegmentDocument> {
  return connection.models.AnalyticsSegment ?? connection.model<SegmentDocument>('AnalyticsSegment', SegmentSchema);
}
