export { StagePipelineFlow } from './stage-pipeline.flow';
export { registerStagePipelineRoutes } from './stage-pipeline.routes';
