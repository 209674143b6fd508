import { z } from 'zod';

/**
 * The manager console's analytics: every figure is a count of customers (or fen) that can be opened as the
 * list of customers behind it. Days are Beijing days ("YYYY-MM-DD"); ranges include both ends.
 */
export const AnalyticsDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((day) => {
    const midnight = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day;
  }, '日期无效');

/** The longest range one request may cover: two years of daily rollups. */
export const MAX_RANGE_DAYS = 731;
export const DEFAULT_RANGE_DAYS = 30;

/** From the query string: a date range and an optional department (managers see only the ones they lead). */
export const AnalyticsRangeQuery = z
  .strictObject({
    from: AnalyticsDay,
    to: AnalyticsDay,
    /** A WeCom department id; absent = everything the viewer may see. */
    department: z.coerce.number().int().min(0).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, { message: '时间范围最长两年', path: ['to'] });
export type AnalyticsRangeQuery = z.infer<typeof AnalyticsRangeQuery>;

/** The departments a viewer may filter by (GET /api/analytics/departments). */
export const AnalyticsDepartments = z.array(z.object({ departmentId: z.number().int(), name: z.string() }));
export type AnalyticsDepartment = z.infer<typeof AnalyticsDepartments>[number];

/** A figure with the same figure for the period of equal length just before (period-over-period change). */
export const Kpi = z.object({ value: z.number(), previous: z.number() });
export type Kpi = z.infer<typeof Kpi>;

// ---------------------------------------------------------------------------------------------- funnel

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
  range: z.object({ from: AnalyticsDay, to: AnalyticsDay }),
  rule: z.string(),
  /** Customers whose first touch fell in the range, against the period before. */
  entered: Kpi,
  steps: z.array(FunnelStepFigures),
  byChannel: z.array(FunnelByChannel),
  /** By first-touch week, over the weeks the range touches. */
  cohorts: z.array(FunnelCohortRow),
});
export type FunnelReport = z.infer<typeof FunnelReport>;

// -------------------------------------------------------------------------------------------- overview

/** Top KPIs of the console's first screen, each against the previous period. */
export const OverviewReport = z.object({
  range: z.object({ from: AnalyticsDay, to: AnalyticsDay }),
  newContacts: Kpi,
  lostContacts: Kpi,
  paidOrders: Kpi,
  /** Paid in the range minus refunded in the range, in fen. */
  netRevenueFen: Kpi,
  /** Customers who paid their first order in the range. */
  firstOrders: Kpi,
  contentSent: Kpi,
  contentOpened: Kpi,
  /** New contacts and net revenue per Beijing day in the range (for the trend chart). */
  daily: z.array(z.object({ day: AnalyticsDay, newContacts: z.number().int(), lostContacts: z.number().int(), paidOrders: z.number().int(), netRevenueFen: z.number().int() })),
});
export type OverviewReport = z.infer<typeof OverviewReport>;

// ------------------------------------------------------------------------------------------ salespeople

export const SalespersonRow = z.object({
  userid: z.string(),
  name: z.string(),
  departmentIds: z.array(z.number().int()),
  newContacts: z.number().int(),
  /** Customers who deleted this salesperson in the range (churn). */
  lostContacts: z.number().int(),
  /** Customers followed now, and of them those the salesperson touched (sent content, note, stage, tags) in the last `coverageDays`; from the latest snapshot. */
  followedCustomers: z.number().int(),
  coveredCustomers: z.number().int(),
  coverageRate: z.number().nullable(),
  contentSent: z.number().int(),
  contentOpened: z.number().int(),
  /** contentOpened ÷ contentSent (first opens in the range over sends in the range); null without sends. */
  openRate: z.number().nullable(),
  paidOrders: z.number().int(),
  netRevenueFen: z.number().int(),
  /** Customers who paid their first order in the range. */
  firstOrders: z.number().int(),
  /** firstOrders ÷ newContacts; null without new contacts. */
  conversionRate: z.number().nullable(),
  /** Median whole days from becoming this salesperson's contact to the first paid order, of the first orders in the range. */
  medianDaysToFirstOrder: z.number().nullable(),
});
export type SalespersonRow = z.infer<typeof SalespersonRow>;

export const SalespeopleReport = z.object({
  range: z.object({ from: AnalyticsDay, to: AnalyticsDay }),
  coverageDays: z.number().int(),
  /** When the coverage figures were computed (they come from the periodic snapshot). */
  coverageAsOf: z.iso.datetime().nullable(),
  rows: z.array(SalespersonRow),
  departments: z.array(
    z.object({
      departmentId: z.number().int(),
      name: z.string(),
      newContacts: z.number().int(),
      lostContacts: z.number().int(),
      paidOrders: z.number().int(),
      netRevenueFen: z.number().int(),
      firstOrders: z.number().int(),
      conversionRate: z.number().nullable(),
    }),
  ),
});
export type SalespeopleReport = z.infer<typeof SalespeopleReport>;

// --------------------------------------------------------------------------------------------- content

export const CONTENT_ATTRIBUTION_RULE =
  '发送数以企业微信确认发送为准；打开为每次发送的首次打开；扫码为他人扫描海报码；加企微、下单按“最后一次触达”归因：客户通过该内容的链接、小程序卡片或海报码进入后 7 天内加企微或支付，记给该内容；退款从营收中扣除。';

export const ContentRow = z.object({
  contentKind: z.enum(['script', 'poster']),
  contentId: z.string(),
  title: z.string(),
  sent: z.number().int(),
  opened: z.number().int(),
  openRate: z.number().nullable(),
  scans: z.number().int(),
  contactsAdded: z.number().int(),
  orders: z.number().int(),
  netRevenueFen: z.number().int(),
});
export type ContentRow = z.infer<typeof ContentRow>;

export const ContentReport = z.object({
  range: z.object({ from: AnalyticsDay, to: AnalyticsDay }),
  rule: z.string(),
  rows: z.array(ContentRow),
});
export type ContentReport = z.infer<typeof ContentReport>;

// -------------------------------------------------------------------------------------------- referrals

export const ReferrerRow = z.object({
  customerId: z.string(),
  name: z.string(),
  /** Customers they brought in (all time), those who became active (a page view or a contact), those who paid, and what those paid net of refunds. */
  invited: z.number().int(),
  activated: z.number().int(),
  converted: z.number().int(),
  revenueFen: z.number().int(),
});
export type ReferrerRow = z.infer<typeof ReferrerRow>;

export const ReferralsReport = z.object({
  range: z.object({ from: AnalyticsDay, to: AnalyticsDay }),
  /** Referrals recorded in the range, and of those invitees how many became active and how many paid (by now). */
  invited: Kpi,
  activated: Kpi,
  converted: Kpi,
  /** Net revenue in the range from customers who were referred (whenever they were referred). */
  referredRevenueFen: Kpi,
  topReferrers: z.array(ReferrerRow),
});
export type ReferralsReport = z.infer<typeof ReferralsReport>;

export interface ReferralTreeNode {
  customerId: string;
  name: string;
  at: string | null;
  channel: 'share' | 'poster' | null;
  ordered: boolean;
  revenueFen: number;
  children: ReferralTreeNode[];
}
export const ReferralTreeNode: z.ZodType<ReferralTreeNode> = z.lazy(() =>
  z.object({
    customerId: z.string(),
    name: z.string(),
    at: z.iso.datetime().nullable(),
    channel: z.enum(['share', 'poster']).nullable(),
    ordered: z.boolean(),
    revenueFen: z.number().int(),
    children: z.array(ReferralTreeNode),
  }),
);
/** The tree around one customer: who invited them (the chain up to the root) and everyone below, 5 levels at most. */
export const ReferralTree = z.object({
  /** From the root inviter down to the customer's own inviter; empty when nobody invited them. */
  invitedBy: z.array(z.object({ customerId: z.string(), name: z.string() })),
  root: ReferralTreeNode,
  truncated: z.boolean(),
});
export type ReferralTree = z.infer<typeof ReferralTree>;
export const REFERRAL_TREE_MAX_DEPTH = 5;

// --------------------------------------------------------------------------------------------- segments

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

// ------------------------------------------------------------------------------------------- churn risk

export const CHURN_RULE =
  '只看企微客户中至少活跃过 3 个不同日子的人：沉默天数超过自己平均活跃间隔的 2 倍且不少于 7 天，即列为流失风险；意向分按 7 天半衰期随沉默下降，一并列出。';

export const ChurnRiskRow = z.object({
  customerId: z.string(),
  externalUserId: z.string().nullable(),
  name: z.string(),
  avatar: z.string().nullable(),
  ownerUserid: z.string().nullable(),
  ownerName: z.string().nullable(),
  lastActiveAt: z.iso.datetime(),
  /** Average days between the customer's active days. */
  usualGapDays: z.number(),
  silentDays: z.number().int(),
  /** Intent score when last active, and decayed to now. */
  scoreAtLastActive: z.number(),
  scoreNow: z.number(),
  /** 0–100: higher = more overdue relative to the customer's rhythm. */
  risk: z.number(),
  /** One line in Chinese: "平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 18". */
  reason: z.string(),
});
export type ChurnRiskRow = z.infer<typeof ChurnRiskRow>;

/** The list shows the customers most at risk; the whole list is the `churn_risk` drill-down (and its CSV). */
export const CHURN_LIST_LIMIT = 200;

export const ChurnRiskReport = z.object({
  asOf: z.iso.datetime().nullable(),
  rule: z.string(),
  /** Customers at risk in the viewer's scope, and per salesperson. */
  total: z.number().int(),
  byOwner: z.array(z.object({ userid: z.string(), name: z.string(), total: z.number().int() })),
  /** The CHURN_LIST_LIMIT most at risk. */
  rows: z.array(ChurnRiskRow),
});
export type ChurnRiskReport = z.infer<typeof ChurnRiskReport>;

/** A salesperson may ask only for themselves (or leave it out); a manager for a salesperson of their departments. */
export const ChurnRiskQuery = z.strictObject({ userid: z.string().min(1).max(64).optional() });

/** POST /api/admin/analytics/refresh: the snapshot just computed. */
export const AnalyticsRefreshResult = z.object({
  asOf: z.iso.datetime(),
  /** Customers (journeys) read, buyers among them, customers listed at churn risk, and how long it took. */
  customers: z.number().int(),
  buyers: z.number().int(),
  churnRisks: z.number().int(),
  durationMs: z.number().int(),
});
export type AnalyticsRefreshResult = z.infer<typeof AnalyticsRefreshResult>;

// ------------------------------------------------------------------------------------------ drill-down

/**
 * Which customers a figure counts. Each dashboard figure links to one of these; the list is read from the
 * raw records (journeys, follows, orders, content, referrals), so it is exact even where the chart is a rollup.
 */
export const DrillDownQuery = z.discriminatedUnion('population', [
  z.strictObject({ population: z.literal('funnel'), from: AnalyticsDay, to: AnalyticsDay, step: FunnelStep, channelKey: ChannelKey.optional(), department: z.coerce.number().int().min(0).optional() }),
  z.strictObject({ population: z.literal('new_contacts'), from: AnalyticsDay, to: AnalyticsDay, userid: z.string().max(64).optional(), department: z.coerce.number().int().min(0).optional() }),
  z.strictObject({ population: z.literal('lost_contacts'), from: AnalyticsDay, to: AnalyticsDay, userid: z.string().max(64).optional(), department: z.coerce.number().int().min(0).optional() }),
  z.strictObject({ population: z.literal('paid'), from: AnalyticsDay, to: AnalyticsDay, userid: z.string().max(64).optional(), department: z.coerce.number().int().min(0).optional(), firstOnly: z.enum(['true', 'false']).optional() }),
  z.strictObject({ population: z.literal('content'), from: AnalyticsDay, to: AnalyticsDay, contentKind: z.enum(['script', 'poster']), contentId: z.string().min(1).max(64), touch: z.enum(['sent', 'opened', 'contact_added', 'order']) }),
  z.strictObject({ population: z.literal('invitees'), inviterId: z.string().min(1).max(64) }),
  z.strictObject({ population: z.literal('rfm'), cell: RfmCell }),
  z.strictObject({ population: z.literal('segment'), segmentId: z.string().min(1).max(64) }),
  z.strictObject({ population: z.literal('churn_risk'), userid: z.string().max(64).optional() }),
  z.strictObject({ population: z.literal('uncovered'), userid: z.string().min(1).max(64) }),
]);
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

export const DRILL_DOWN_PAGE_SIZE = 50;
export const DrillDownPage = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  format: z.enum(['json', 'csv']).default('json'),
});

export const DrillDownCustomer = z.object({
  customerId: z.string(),
  /** For opening the customer's 360 (absent for fans who are not WeCom contacts yet). */
  externalUserId: z.string().nullable(),
  name: z.string(),
  avatar: z.string().nullable(),
  ownerUserid: z.string().nullable(),
  ownerName: z.string().nullable(),
  stage: z.string().nullable(),
  channelLabel: z.string(),
  firstTouchAt: z.iso.datetime().nullable(),
  lastActiveAt: z.iso.datetime().nullable(),
  paidOrders: z.number().int(),
  netRevenueFen: z.number().int(),
});
export type DrillDownCustomer = z.infer<typeof DrillDownCustomer>;

export const DrillDownResult = z.object({
  /** What the list is, in Chinese ("2026-11-01 至 2026-11-30 首次接触、已到达「已下单」的客户"). */
  title: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  customers: z.array(DrillDownCustomer),
});
export type DrillDownResult = z.infer<typeof DrillDownResult>;

/** The CSV's header row, in this order (UTF-8 with BOM so Excel opens Chinese correctly). */
export const DRILL_DOWN_CSV_COLUMNS = ['客户ID', '客户', '负责销售', '阶段', '首次接触渠道', '首次接触时间', '最近活跃', '已支付订单数', '净消费(元)'] as const;
