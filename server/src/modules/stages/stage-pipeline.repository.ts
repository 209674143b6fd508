import type { Connection, Model } from 'mongoose';
import type { StageDefinition } from '@zhike/shared/stages';
import { stagePipelineModel, type StagePipelineDocument } from './stage-pipeline.model';

export class StagePipelineRepository {
  private readonly pipelines: Model<StagePipelineDocument>;

  constructor(connection: Connection) {
    this.pipelines = stagePipelineModel(connection);
  }

  /** The corp's stages in order; null when it has never configured them. */
  async find(corpId: string): Promise<StageDefinition[] | null> {
    const found = await this.pipelines.findOne({ corpId }).lean();
    return found ? found.stages.map(({ key, label }) => ({ key, label })) : null;
  }

  /** One document per corp, replaced whole: a single-document write, so readers see the old or the new pipeline. */
  async save(corpId: string, stages: StageDefinition[], by: string, at: Date): Promise<void> {
    await this.pipelines.updateOne({ corpId }, { $set: { stages, updatedAt: at, updatedBy: by } }, { upsert: true });
  }
}
