import { AdminStagePipelineResponse, ReplaceStagePipelineRequest, StagePipelineResponse } from '@zhike/shared/stages';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { StagePipelineService } from '../../modules/stages';
import type { StagePipelineFlow } from './stage-pipeline.flow';

export function registerStagePipelineRoutes(api: ApiRouter, deps: { pipeline: StagePipelineService; flow: StagePipelineFlow }): void {
  api.add({
    method: 'GET',
    path: '/api/stages',
    access: 'salesperson',
    tag: 'stages',
    summary: "The corp's sales pipeline in order (key + label)",
    response: StagePipelineResponse,
    handler: async () => ({ stages: await deps.pipeline.stages() }),
  });

  api.add({
    method: 'GET',
    path: '/api/admin/stages',
    access: 'admin',
    tag: 'stages',
    summary: 'The sales pipeline with the number of customers in each stage',
    response: AdminStagePipelineResponse,
    handler: () => deps.flow.forAdmin(),
  });

  api.add({
    method: 'PUT',
    path: '/api/admin/stages',
    access: 'admin',
    tag: 'stages',
    summary: "Replaces the sales pipeline: 2–12 stages, unique keys, first stage 'new'; 409 with counts when a removed stage still has customers",
    body: ReplaceStagePipelineRequest,
    response: StagePipelineResponse,
    handler: async ({ body, principal }) => ({ stages: await deps.flow.replace(staffPrincipal(principal), body) }),
  });
}
