import { z } from 'zod';

export const RfmCell = z.enum([
  'important_value',
  'important_develop',
  'important_keep',
  'important_retain',
  'general_value',
  'general_develop',
  'general_keep',
  'general_retain',
]);
export type RfmCell = z.infer<typeof RfmCell>;
export const RFM_CELL_LABELS: Record<RfmCell, string> = {
  important_value: '重要价值',
  important_develop: '重要发展',
  important_keep: '重要保持',
  important_retain: '重要挽留',
  general_value: '一般价值',
  general_develop: '一般发展',
  general_keep: '一般保持',
  general_retain: '一般挽留',
};
/** R high = bought recently, F high = bought often, M high = spent much. */
export const RFM_CELL_RULE: Record<RfmCell, { r: boolean; f: boolean; m: boolean }> = {
  important_value: { r: true, f: true, m: true },
  important_develop: { r: true, f: false, m: true },
  important_keep: { r: false, f: true, m: true },
  important_retain: { r: false, f: false, m: true },
  general_value: { r: true, f: true, m: false },
  general_develop: { r: true, f: false, m: false },
  general_keep: { r: false, f: true, m: false },
  general_retain: { r: false, f: false, m: false },
};
export const RFM_RULE =
  '只统计有已支付订单的客户。R = 距最近一次支付的天数，F = 已支付订单数，M = 净消费额（扣除退款）；每项与全部购买客户的平均值比较：R 不高于平均为“近”，F、M 不低于平均为“高”。';

export const RfmReport = z.object({
  asOf: z.iso.datetime().nullable(),
  buyers: z.number().int(),
  averages: z.object({ recencyDays: z.number(), frequency: z.number(), monetaryFen: z.number() }),
  cells: z.array(z.object({ cell: RfmCell, label: z.string(), customers: z.number().int(), netRevenueFen: z.number().int() })),
  rule: z.string(),
});
export type RfmReport = z.infer<typeof RfmReport>;

/** GET /api/analytics/rfm: the viewer's departments, or one of them. */
export const RfmQuery = z.strictObject({ department: z.coerce.number().int().min(0).optional() });

/** An admin-defined segment: every rule given must hold (AND); within tagIds, any tag (OR). */
export const SegmentRules = z
  .strictObject({
    tagIds: z.array(z.string().min(1).max(64)).max(50).optional(),
    stages: z.array(z.string().min(1).max(32)).max(20).optional(),
    minScore: z.number().min(0).max(1000).optional(),
    maxScore: z.number().min(0).max(1000).optional(),
    /** Active (a mini-program event, login or opened content) within the last N days. */
    activeWithinDays: z.number().int().min(1).max(365).optional(),
    /** No activity for at least N days (or never). */
    inactiveForDays: z.number().int().min(1).max(3650).optional(),
    /** Has (true) or has no (false) paid order. */
    hasOrdered: z.boolean().optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)), { message: '至少设置一个条件', path: ['tagIds'] })
  .refine((r) => r.minScore === undefined || r.maxScore === undefined || r.minScore <= r.maxScore, { message: '最低分不能高于最高分', path: ['minScore'] })
  .refine((r) => r.activeWithinDays === undefined || r.inactiveForDays === undefined, { message: '“近期活跃”和“沉默”不能同时设置', path: ['inactiveForDays'] });
export type SegmentRules = z.infer<typeof SegmentRules>;

export const SaveSegmentRequest = z.strictObject({
  name: z.string().trim().min(1, '请填写分群名称').max(40, '分群名称最多 40 字'),
  rules: SegmentRules,
});
export type SaveSegmentRequest = z.infer<typeof SaveSegmentRequest>;

export const SegmentView = z.object({
  id: z.string(),
  name: z.string(),
  rules: SegmentRules,
  /** One line in Chinese ("标签：高意向 或 VIP；意向分 ≥ 60；30 天内活跃"). */
  summary: z.string(),
  /** Customers matching now, within the viewer's scope. */
  customers: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type SegmentView = z.infer<typeof SegmentView>;
export const SegmentIdParams = z.strictObject({ id: z.string().min(1).max(64) });
