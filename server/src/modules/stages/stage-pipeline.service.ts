import { DEFAULT_STAGE_PIPELINE, type StageDefinition } from '@zhike/shared/stages';
import type { StagePipelineRepository } from './stage-pipeline.repository';

/**
 * Every 360 and every stage change reads the pipeline, which changes a few times a year: it is kept in
 * memory this long. Another server process sees an admin's change within this time.
 */
const CACHE_MS = 30_000;

/** The corp's sales pipeline: configured by an admin, else 新客户 → 初步沟通 → 意向 → 成交 → 复购. */
export class StagePipelineService {
  private cached: { stages: StageDefinition[]; until: number } | undefined;

  constructor(
    private readonly corpId: string,
    private readonly repository: StagePipelineRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async stages(): Promise<StageDefinition[]> {
    const now = this.now().getTime();
    if (this.cached && this.cached.until > now) return this.cached.stages;
    const stages = (await this.repository.find(this.corpId)) ?? DEFAULT_STAGE_PIPELINE;
    this.cached = { stages, until: now + CACHE_MS };
    return stages;
  }

  /** Labels by key, for sentences on the timeline. */
  async labels(): Promise<Map<string, string>> {
    return new Map((await this.stages()).map((stage) => [stage.key, stage.label]));
  }

  /** Saves a pipeline the caller has validated (see the stage-pipeline flow: no stage in use is removed). */
  async save(stages: StageDefinition[], by: string): Promise<StageDefinition[]> {
    await this.repository.save(this.corpId, stages, by, this.now());
    this.cached = undefined;
    return this.stages();
  }
}
