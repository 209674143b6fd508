import type { AdminStagePipelineResponse, ReplaceStagePipelineRequest, StageDefinition } from '@zhike/shared/stages';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerRepository } from '../../modules/customers';
import type { StagePipelineService } from '../../modules/stages';

/** The admin's side of the pipeline: it spans the pipeline and the customers standing in its stages. */
export class StagePipelineFlow {
  constructor(
    private readonly deps: {
      pipeline: Pick<StagePipelineService, 'stages' | 'save'>;
      customers: Pick<CustomerRepository, 'countByStage'>;
    },
  ) {}

  async forAdmin(): Promise<AdminStagePipelineResponse> {
    const [stages, counts] = await Promise.all([this.deps.pipeline.stages(), this.deps.customers.countByStage()]);
    return { stages: stages.map((stage) => ({ ...stage, customers: counts.get(stage.key) ?? 0 })) };
  }

  /**
   * Replaces the pipeline (renames, reorders, new stages) unless it would strand customers in a stage that no
   * longer exists: those stages are named with their counts (409) and nothing is saved.
   */
  async replace(admin: StaffPrincipal, request: ReplaceStagePipelineRequest): Promise<StageDefinition[]> {
    const [current, counts] = await Promise.all([this.deps.pipeline.stages(), this.deps.customers.countByStage()]);
    const kept = new Set(request.stages.map((stage) => stage.key));
    const stranded = current.filter((stage) => !kept.has(stage.key) && (counts.get(stage.key) ?? 0) > 0);
    if (stranded.length) {
      throw new AppError(
        'CONFLICT',
        '还有客户处于要删除的阶段，请先把他们移到其他阶段再删除',
        stranded.map((stage) => ({ field: 'body.stages', issue: `「${stage.label}」(${stage.key}) 还有 ${counts.get(stage.key)} 位客户` })),
      );
    }
    return this.deps.pipeline.save(request.stages, admin.userid);
  }
}
