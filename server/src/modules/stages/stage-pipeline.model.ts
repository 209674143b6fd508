import { Schema, type Connection, type Model } from 'mongoose';

/** A corp's configured sales pipeline; a corp without one uses the default (see @zhike/shared/stages). */
export interface StagePipelineDocument {
  corpId: string;
  stages: { key: string; label: string }[];
  updatedAt: Date;
  updatedBy: string;
}

const StagePipelineSchema = new Schema<StagePipelineDocument>(
  {
    corpId: { type: String, required: true },
    stages: [{ _id: false, key: { type: String, required: true }, label: { type: String, required: true } }],
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'stage_pipelines', versionKey: false },
);
StagePipelineSchema.index({ corpId: 1 }, { unique: true });

export function stagePipelineModel(connection: Connection): Model<StagePipelineDocument> {
  return connection.models.StagePipeline ?? connection.model<StagePipelineDocument>('StagePipeline', StagePipelineSchema);
}
