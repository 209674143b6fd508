export { StagePipelineRepository } from './stage-pipeline.repository';
export { StagePipelineService } from './stage-pipeline.service';
