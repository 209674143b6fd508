import type { ContentRow, DrillDownQuery } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import type { AnalyticsFilter } from '../analytics-filter';
import { formatCount, formatRate } from '../analytics-format';
import { fetchContent } from '../analytics.api';
import { ANALYTICS_ROUTES } from '../analytics-routes';
import { AnalyticsFrame, NoData, type AnalyticsView } from '../AnalyticsFrame';
import { DrillNumber } from '../drill-down/drill-down-context';
import { SortableTable, type Column } from '../table/SortableTable';
import { useReport } from '../use-report';

const KIND_LABELS: Record<ContentRow['contentKind'], string> = { script: '话术', poster: '海报' };
type Touch = Extract<DrillDownQuery, { population: 'content' }>['touch'];

/** 内容效果分析: per script and poster in the range, what it was sent, opened and led to, under the stated attribution rule. */
export default function ContentScreen() {
  return <AnalyticsFrame route={ANALYTICS_ROUTES.content}>{(view) => <Content view={view} />}</AnalyticsFrame>;
}

function Content({ view }: { view: AnalyticsView }) {
  const { state, retry } = useReport(() => fetchContent(view.filter), view.key);
  return (
    <section className="console-card" aria-label="内容效果">
      {state.kind === 'ready' && (
        <p className="analytics-rule-line" data-testid="content-rule">
          <strong>归因规则：</strong>
          {state.value.rule}
        </p>
      )}
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={retry} />
      {state.kind === 'ready' && state.value.rows.length === 0 && <NoData />}
      {state.kind === 'ready' && state.value.rows.length > 0 && (
        <SortableTable rows={state.value.rows} columns={contentColumns(view.filter)} rowKey={(row) => `${row.contentKind}-${row.contentId}`} initialSort={{ key: 'sent', descending: true }} label="内容效果" testId="content-table" />
      )}
    </section>
  );
}

function contentColumns(filter: AnalyticsFilter): Column<ContentRow>[] {
  // The contract's content list takes no department: with one chosen, the list is the content's customers in every department.
  const drill = (row: ContentRow, touch: Touch, label: string, value: string, column: string = touch) => (
    <DrillNumber
      query={{ population: 'content', from: filter.from, to: filter.to, contentKind: row.contentKind, contentId: row.contentId, touch }}
      label={`${row.title} · ${label}`}
      testId={`drill-content-${row.contentKind}-${row.contentId}-${column}`}
    >
      {value}
    </DrillNumber>
  );
  return [
    { key: 'title', label: '内容', text: true, cell: (row) => <span className="stats-title">{row.title}</span>, sortValue: (row) => row.title },
    { key: 'contentKind', label: '类型', text: true, cell: (row) => KIND_LABELS[row.contentKind], sortValue: (row) => KIND_LABELS[row.contentKind] },
    { key: 'sent', label: '发送', cell: (row) => drill(row, 'sent', '收到发送的客户', formatCount(row.sent)), sortValue: (row) => row.sent },
    { key: 'opened', label: '打开', cell: (row) => drill(row, 'opened', '打开过的客户', formatCount(row.opened)), sortValue: (row) => row.opened },
    { key: 'openRate', label: '打开率', cell: (row) => formatRate(row.openRate), sortValue: (row) => row.openRate },
    { key: 'scans', label: '扫码', title: '他人扫描海报码的次数', cell: (row) => formatCount(row.scans), sortValue: (row) => row.scans },
    { key: 'contactsAdded', label: '加企微', cell: (row) => drill(row, 'contact_added', '因此加企微的客户', formatCount(row.contactsAdded)), sortValue: (row) => row.contactsAdded },
    { key: 'orders', label: '订单', cell: (row) => drill(row, 'order', '因此下单的客户', formatCount(row.orders)), sortValue: (row) => row.orders },
    { key: 'netRevenueFen', label: '营收', cell: (row) => drill(row, 'order', '因此下单的客户', formatFen(row.netRevenueFen), 'revenue'), sortValue: (row) => row.netRevenueFen },
  ];
}
