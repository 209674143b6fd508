import type { ReferralsReport, ReferrerRow } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { useState } from 'react';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import { formatCount, formatRate } from '../analytics-format';
import { fetchReferrals } from '../analytics.api';
import { ANALYTICS_ROUTES } from '../analytics-routes';
import { AnalyticsFrame, NoData, type AnalyticsView } from '../AnalyticsFrame';
import { DrillNumber } from '../drill-down/drill-down-context';
import { KpiCard } from '../overview/KpiCard';
import { SortableTable, type Column } from '../table/SortableTable';
import { useReport } from '../use-report';
import { ReferralTreePanel } from './ReferralTreePanel';

/** 裂变推荐: referrals in the range and what they became, the top referrers, and any customer's referral tree. */
export default function ReferralsScreen() {
  return <AnalyticsFrame route={ANALYTICS_ROUTES.referrals}>{(view) => <Referrals view={view} />}</AnalyticsFrame>;
}

function Referrals({ view }: { view: AnalyticsView }) {
  const { state, retry } = useReport(() => fetchReferrals(view.filter), view.key);
  const [treeOf, setTreeOf] = useState<string | null>(null);

  return (
    <>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={retry} />
      {state.kind === 'ready' && <ReferralKpis report={state.value} />}
      {state.kind === 'ready' && (
        <section className="console-card" aria-label="推荐达人">
          <h2>推荐达人</h2>
          <p className="form-hint">按累计邀请统计：激活 = 被邀请人浏览过小程序或加了企微；成交 = 被邀请人支付过订单；营收已扣除退款。点击名字查看 TA 的推荐关系。</p>
          {state.value.topReferrers.length === 0 ? (
            <NoData />
          ) : (
            <SortableTable rows={state.value.topReferrers} columns={referrerColumns((id) => setTreeOf(id))} rowKey={(row) => row.customerId} initialSort={{ key: 'invited', descending: true }} label="推荐达人" testId="referrers-table" />
          )}
        </section>
      )}
      {treeOf && <ReferralTreePanel key={treeOf} customerId={treeOf} onOpen={setTreeOf} onClose={() => setTreeOf(null)} />}
    </>
  );
}

function ReferralKpis({ report }: { report: ReferralsReport }) {
  const plain = (text: string) => text;
  return (
    <div className="kpi-grid">
      <KpiCard id="invited" label="新邀请" kpi={report.invited} format={formatCount} renderValue={plain} />
      <KpiCard id="activated" label="其中已激活" kpi={report.activated} format={formatCount} renderValue={plain} />
      <KpiCard id="converted" label="其中已成交" kpi={report.converted} format={formatCount} renderValue={plain} />
      <KpiCard id="referredRevenueFen" label="被推荐客户营收" kpi={report.referredRevenueFen} format={formatFen} renderValue={plain} />
    </div>
  );
}

function referrerColumns(openTree: (customerId: string) => void): Column<ReferrerRow>[] {
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return [
    {
      key: 'name',
      label: '推荐人',
      text: true,
      cell: (row) => (
        <button type="button" className="link-button" data-testid={`referral-tree-open-${row.customerId}`} onClick={() => openTree(row.customerId)}>
          {row.name}
        </button>
      ),
      sortValue: (row) => row.name,
    },
    {
      key: 'invited',
      label: '邀请',
      cell: (row) => (
        <DrillNumber query={{ population: 'invitees', inviterId: row.customerId }} label={`${row.name} 邀请的客户`} testId={`drill-referrer-${row.customerId}-invited`}>
          {formatCount(row.invited)}
        </DrillNumber>
      ),
      sortValue: (row) => row.invited,
    },
    { key: 'activated', label: '激活', cell: (row) => formatCount(row.activated), sortValue: (row) => row.activated },
    { key: 'activationRate', label: '激活率', cell: (row) => formatRate(rate(row.activated, row.invited)), sortValue: (row) => rate(row.activated, row.invited) },
    { key: 'converted', label: '成交', cell: (row) => formatCount(row.converted), sortValue: (row) => row.converted },
    { key: 'conversionRate', label: '成交率', cell: (row) => formatRate(rate(row.converted, row.invited)), sortValue: (row) => rate(row.converted, row.invited) },
    { key: 'revenueFen', label: '带来营收', cell: (row) => formatFen(row.revenueFen), sortValue: (row) => row.revenueFen },
  ];
}
