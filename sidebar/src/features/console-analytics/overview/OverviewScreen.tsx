import type { DrillDownQuery, FunnelReport, OverviewReport } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { useMemo } from 'react';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import { filterHash, type AnalyticsFilter } from '../analytics-filter';
import { formatCount } from '../analytics-format';
import { fetchFunnel, fetchOverview } from '../analytics.api';
import { ANALYTICS_ROUTES } from '../analytics-routes';
import { AnalyticsFrame, NoData, type AnalyticsView } from '../AnalyticsFrame';
import { trendOption } from '../charts/chart-options';
import { EChart } from '../charts/EChart';
import { DrillNumber } from '../drill-down/drill-down-context';
import { useReport } from '../use-report';
import { CohortTable } from './CohortTable';
import { FunnelPanel } from './FunnelPanel';
import { KpiCard } from './KpiCard';

/** 概览: the top figures against the previous period, the daily trend, the funnel and the weekly cohorts. */
export default function OverviewScreen() {
  return <AnalyticsFrame route={ANALYTICS_ROUTES.overview}>{(view) => <Overview view={view} />}</AnalyticsFrame>;
}

function Overview({ view }: { view: AnalyticsView }) {
  const { filter } = view;
  const overview = useReport(() => fetchOverview(filter), view.key);
  const funnel = useReport(() => fetchFunnel(filter), view.key);

  return (
    <>
      <LoadStatus loading={overview.state.kind === 'loading'} error={overview.state.kind === 'failed' ? overview.state.message : undefined} onRetry={overview.retry} />
      {overview.state.kind === 'ready' && <OverviewFigures report={overview.state.value} entered={funnel.state.kind === 'ready' ? funnel.state.value.entered : null} filter={filter} />}

      <section className="console-card" aria-label="转化漏斗">
        <h2>转化漏斗</h2>
        <LoadStatus loading={funnel.state.kind === 'loading'} error={funnel.state.kind === 'failed' ? funnel.state.message : undefined} onRetry={funnel.retry} />
        {funnel.state.kind === 'ready' && (funnelIsEmpty(funnel.state.value) ? <NoData /> : <FunnelPanel report={funnel.state.value} filter={filter} />)}
      </section>

      {funnel.state.kind === 'ready' && <Cohorts cohorts={funnel.state.value.cohorts} filter={filter} />}
    </>
  );
}

/** Weeks nobody entered say nothing: a year's range would otherwise be mostly rows of zeros. */
function Cohorts({ cohorts, filter }: { cohorts: FunnelReport['cohorts']; filter: AnalyticsFilter }) {
  const weeks = cohorts.filter((cohort) => cohort.entered > 0);
  if (weeks.length === 0) return null;
  return (
    <section className="console-card" aria-label="同期群">
      <h2>同期群（按首次接触周）</h2>
      <p className="form-hint">每行是一周内首次接触的客户，格子里是他们至今到达各步的人数，颜色越深占比越高；没有新客户的周不列出。</p>
      <CohortTable cohorts={weeks} filter={filter} />
    </section>
  );
}

function funnelIsEmpty(report: FunnelReport): boolean {
  return report.entered.value === 0 && report.steps.every((step) => step.reached === 0);
}

function OverviewFigures({ report, entered, filter }: { report: OverviewReport; entered: FunnelReport['entered'] | null; filter: AnalyticsFilter }) {
  const scope = filter.department === null ? {} : { department: filter.department };
  const range = { from: filter.from, to: filter.to, ...scope };
  const drill = (query: DrillDownQuery, label: string, id: string) => (text: string) => (
    <DrillNumber query={query} label={label} testId={`drill-kpi-${id}`}>
      {text}
    </DrillNumber>
  );
  // Content figures have no single customer list (they are per script or poster): they open 内容效果分析 instead.
  const toContent = (text: string) => (
    <a className="drill-number" href={filterHash(ANALYTICS_ROUTES.content, filter)} title="按内容查看">
      {text}
    </a>
  );
  const option = useMemo(() => trendOption(report.daily), [report.daily]);
  const quiet = report.daily.every((day) => day.newContacts === 0 && day.lostContacts === 0 && day.paidOrders === 0 && day.netRevenueFen === 0);

  return (
    <>
      <div className="kpi-grid">
        <KpiCard id="newContacts" label="新增客户" kpi={report.newContacts} format={formatCount} renderValue={drill({ population: 'new_contacts', ...range }, '新增客户', 'newContacts')} />
        <KpiCard id="lostContacts" label="流失客户" kpi={report.lostContacts} format={formatCount} riseIsGood={false} renderValue={drill({ population: 'lost_contacts', ...range }, '流失客户', 'lostContacts')} />
        <KpiCard id="paidOrders" label="支付订单" kpi={report.paidOrders} format={formatCount} renderValue={drill({ population: 'paid', ...range }, '支付过订单的客户', 'paidOrders')} />
        <KpiCard id="netRevenueFen" label="净营收" kpi={report.netRevenueFen} format={formatFen} renderValue={drill({ population: 'paid', ...range }, '支付过订单的客户', 'netRevenueFen')} />
        <KpiCard id="firstOrders" label="首单客户" kpi={report.firstOrders} format={formatCount} renderValue={drill({ population: 'paid', ...range, firstOnly: 'true' }, '首单客户', 'firstOrders')} />
        <KpiCard id="contentSent" label="内容发送" kpi={report.contentSent} format={formatCount} renderValue={toContent} />
        <KpiCard id="contentOpened" label="内容打开" kpi={report.contentOpened} format={formatCount} renderValue={toContent} />
        {entered && <KpiCard id="entered" label="首次接触客户" kpi={entered} format={formatCount} renderValue={(text) => text} />}
      </div>

      <section className="console-card" aria-label="每日趋势">
        <h2>每日趋势</h2>
        {quiet ? <NoData /> : <EChart option={option} label={`每日新增客户、流失客户与净营收（${filter.from} 至 ${filter.to}）`} testId="trend-chart" />}
      </section>
    </>
  );
}
