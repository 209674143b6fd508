import { z } from 'zod';
import { AnalyticsDay, AnalyticsRange, Kpi } from './range';

/** The funnel's steps, in order. */
export const FunnelStep = z.enum(['visitor', 'fan', 'contact', 'engaged', 'ordered', 'repeat']);
export type FunnelStep = z.infer<typeof FunnelStep>;
export const FUNNEL_STEPS = FunnelStep.options;
export const FUNNEL_STEP_LABELS: Record<FunnelStep, string> = {
  visitor: '小程序访客',
  fan: '可识别粉丝',
  contact: '企微客户',
  engaged: '有互动',
  ordered: '已下单',
  repeat: '复购',
};
/** Shown beside the funnel: what each step means, and how customers are counted. */
export const FUNNEL_STEP_RULES: Record<FunnelStep, string> = {
  visitor: '在小程序中浏览过页面',
  fan: '已获得 unionid，可与企业微信客户打通',
  contact: '添加了销售的企业微信',
  engaged: '成为企微客户后打开过发送的内容、分享、扫码或浏览小程序',
  ordered: '支付了第一笔订单',
  repeat: '支付了第二笔订单',
};
export const FUNNEL_RULE =
  '按首次接触日期取客户（所选日期内首次接触的客户），统计他们至今到达每一步的人数；转化率 = 同时到达本步和上一步的人数 ÷ 到达上一步的人数；用时为从上一步到本步的中位时长（只计先后顺序正确的客户）。';

/**
 * Where a customer's first touch came from: a 渠道活码 (`channel:<channelId>`), a poster scan by someone
 * else (`poster`), a friend's share (`referral`), or none of these (`organic`: searched, opened directly).
 */
export const ChannelKey = z.string().regex(/^(organic|poster|referral|channel:[A-Za-z0-9_-]{1,64})$/, '渠道格式不正确');
export type ChannelKey = z.infer<typeof ChannelKey>;

export const FunnelStepFigures = z.object({
  step: FunnelStep,
  /** Customers of the cohort who reached this step (by now). */
  reached: z.number().int(),
  /** Of them, those who also reached the previous step (the first step: equal to reached). */
  fromPrevious: z.number().int(),
  /** fromPrevious ÷ reached of the previous step; null for the first step or when the previous step is empty. */
  conversionRate: z.number().nullable(),
  /** Median hours from the previous step to this one, among customers who did them in that order; null when none. */
  medianHoursFromPrevious: z.number().nullable(),
});
export type FunnelStepFigures = z.infer<typeof FunnelStepFigures>;

export const FunnelByChannel = z.object({
  channelKey: ChannelKey,
  label: z.string(),
  steps: z.array(FunnelStepFigures),
});

export const FunnelCohortRow = z.object({
  /** The Monday (Beijing) that starts the first-touch week. */
  week: AnalyticsDay,
  /** Customers whose first touch fell in the week, and how many reached each step by now. */
  entered: z.number().int(),
  reached: z.record(FunnelStep, z.number().int()),
});

export const FunnelReport = z.object({
  range: AnalyticsRange,
  rule: z.string(),
  /** Customers whose first touch fell in the range, against the period before. */
  entered: Kpi,
  steps: z.array(FunnelStepFigures),
  byChannel: z.array(FunnelByChannel),
  /** By first-touch week, over the weeks the range touches. */
  cohorts: z.array(FunnelCohortRow),
});
export type FunnelReport = z.infer<typeof FunnelReport>;
