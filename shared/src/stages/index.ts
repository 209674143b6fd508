import { z } from 'zod';

/** A pipeline stage's key: stable, stored on customers and on the timeline; its label can change. */
export const StageKey = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z][a-z0-9_]*$/, '阶段标识只能包含小写字母、数字和下划线，并以字母开头')
  .describe('Stage key, e.g. "interested"');
export type StageKey = z.infer<typeof StageKey>;

export const StageDefinition = z.object({
  key: StageKey,
  label: z.string().trim().min(1, '阶段名称不能为空').max(12, '阶段名称最多 12 个字').describe('What salespeople read, e.g. "意向"'),
});
export type StageDefinition = z.infer<typeof StageDefinition>;

/** Where every new customer starts: the first stage of every pipeline (its label can be renamed). */
export const FIRST_STAGE_KEY = 'new';

/** The pipeline of a corp that has not configured its own: 新客户 → 初步沟通 → 意向 → 成交 → 复购. */
export const DEFAULT_STAGE_PIPELINE: StageDefinition[] = [
  { key: FIRST_STAGE_KEY, label: '新客户' },
  { key: 'contacted', label: '初步沟通' },
  { key: 'interested', label: '意向' },
  { key: 'won', label: '成交' },
  { key: 'repeat', label: '复购' },
];

/** The corp's sales pipeline, in order. */
export const StagePipelineResponse = z.object({ stages: z.array(StageDefinition) }).meta({ id: 'StagePipelineResponse' });
export type StagePipelineResponse = z.infer<typeof StagePipelineResponse>;

/** Replaces the whole pipeline (order included). Stages customers are still in cannot be removed (409). */
export const ReplaceStagePipelineRequest = z
  .strictObject({
    stages: z.array(z.strictObject(StageDefinition.shape)).min(2, '销售流程至少需要 2 个阶段').max(12, '销售流程最多 12 个阶段'),
  })
  .superRefine(({ stages }, ctx) => {
    if (stages[0] && stages[0].key !== FIRST_STAGE_KEY) {
      ctx.addIssue({ code: 'custom', path: ['stages', 0, 'key'], message: `第一个阶段必须是 ${FIRST_STAGE_KEY}（新客户的起点），可以改名` });
    }
    stages.forEach((stage, index) => {
      if (stages.findIndex((other) => other.key === stage.key) < index) ctx.addIssue({ code: 'custom', path: ['stages', index, 'key'], message: `阶段标识 ${stage.key} 重复` });
      if (stages.findIndex((other) => other.label === stage.label) < index) ctx.addIssue({ code: 'custom', path: ['stages', index, 'label'], message: `阶段名称「${stage.label}」重复` });
    });
  });
export type ReplaceStagePipelineRequest = z.infer<typeof ReplaceStagePipelineRequest>;

/** The pipeline as admins see it: how many customers are in each stage (a stage with customers cannot be removed). */
export const AdminStagePipelineResponse = z
  .object({ stages: z.array(StageDefinition.extend({ customers: z.number().int().nonnegative() })) })
  .meta({ id: 'AdminStagePipelineResponse' });
export type AdminStagePipelineResponse = z.infer<typeof AdminStagePipelineResponse>;
