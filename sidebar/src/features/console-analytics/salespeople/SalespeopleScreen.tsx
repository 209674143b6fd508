import type { DrillDownQuery, SalespeopleReport, SalespersonRow } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import type { AnalyticsFilter } from '../analytics-filter';
import { formatCount, formatDateTime, formatDays, formatRate } from '../analytics-format';
import { fetchSalespeople } from '../analytics.api';
import { ANALYTICS_ROUTES } from '../analytics-routes';
import { AnalyticsFrame, NoData, type AnalyticsView } from '../AnalyticsFrame';
import { DrillNumber } from '../drill-down/drill-down-context';
import { SortableTable, type Column } from '../table/SortableTable';
import { useReport } from '../use-report';

type DepartmentRow = SalespeopleReport['departments'][number];

/** 销售业绩: per salesperson and per department, sortable; a manager sees the departments they lead. */
export default function SalespeopleScreen() {
  return <AnalyticsFrame route={ANALYTICS_ROUTES.salespeople}>{(view) => <Salespeople view={view} />}</AnalyticsFrame>;
}

function Salespeople({ view }: { view: AnalyticsView }) {
  const { state, retry } = useReport(() => fetchSalespeople(view.filter), view.key);
  return (
    <>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={retry} />
      {state.kind === 'ready' && state.value.rows.length === 0 && (
        <section className="console-card">
          <NoData />
        </section>
      )}
      {state.kind === 'ready' && state.value.rows.length > 0 && (
        <>
          <section className="console-card" aria-label="销售个人">
            <h2>销售个人</h2>
            <p className="form-hint">
              覆盖率 = 近 {state.value.coverageDays} 天内跟进过（发送内容、备注、改阶段或标签）的客户 ÷ 当前跟进的客户，数据更新于 {formatDateTime(state.value.coverageAsOf)}；转化率 = 首单客户 ÷ 新增客户；首单用时为从加企微到首次支付的中位天数。
            </p>
            <SortableTable rows={state.value.rows} columns={salespersonColumns(view.filter, state.value)} rowKey={(row) => row.userid} initialSort={{ key: 'netRevenueFen', descending: true }} label="销售个人业绩" testId="salespeople-table" />
          </section>
          <section className="console-card" aria-label="部门汇总">
            <h2>部门汇总</h2>
            <SortableTable rows={state.value.departments} columns={departmentColumns(view.filter)} rowKey={(row) => String(row.departmentId)} initialSort={{ key: 'netRevenueFen', descending: true }} label="部门汇总" testId="departments-table" />
          </section>
        </>
      )}
    </>
  );
}

function salespersonColumns(filter: AnalyticsFilter, report: SalespeopleReport): Column<SalespersonRow>[] {
  const departmentName = new Map(report.departments.map((department) => [department.departmentId, department.name]));
  const departments = (row: SalespersonRow) => row.departmentIds.map((id) => departmentName.get(id) ?? `部门 ${id}`).join('、');
  const range = { from: filter.from, to: filter.to };
  const drill = (row: SalespersonRow, column: string, label: string, value: string, query: DrillDownQuery) => drillCell(`drill-sales-${row.userid}-${column}`, `${row.name} · ${label}`, value, query);
  const uncovered = (row: SalespersonRow) => row.followedCustomers - row.coveredCustomers;
  return [
    { key: 'name', label: '销售', text: true, cell: (row) => row.name, sortValue: (row) => row.name },
    { key: 'departments', label: '部门', text: true, cell: departments, sortValue: departments },
    { key: 'newContacts', label: '新增客户', cell: (row) => drill(row, 'newContacts', '新增客户', formatCount(row.newContacts), { population: 'new_contacts', ...range, userid: row.userid }), sortValue: (row) => row.newContacts },
    { key: 'lostContacts', label: '流失客户', title: '删除了该销售的客户', cell: (row) => drill(row, 'lostContacts', '流失客户', formatCount(row.lostContacts), { population: 'lost_contacts', ...range, userid: row.userid }), sortValue: (row) => row.lostContacts },
    { key: 'followedCustomers', label: '跟进客户', cell: (row) => formatCount(row.followedCustomers), sortValue: (row) => row.followedCustomers },
    { key: 'coveredCustomers', label: '已覆盖', cell: (row) => formatCount(row.coveredCustomers), sortValue: (row) => row.coveredCustomers },
    { key: 'uncovered', label: '未覆盖', title: '近期没有跟进过的客户', cell: (row) => drill(row, 'uncovered', '未覆盖的客户', formatCount(uncovered(row)), { population: 'uncovered', userid: row.userid }), sortValue: uncovered },
    { key: 'coverageRate', label: '覆盖率', cell: (row) => formatRate(row.coverageRate), sortValue: (row) => row.coverageRate },
    { key: 'contentSent', label: '内容发送', cell: (row) => formatCount(row.contentSent), sortValue: (row) => row.contentSent },
    { key: 'contentOpened', label: '内容打开', cell: (row) => formatCount(row.contentOpened), sortValue: (row) => row.contentOpened },
    { key: 'openRate', label: '打开率', cell: (row) => formatRate(row.openRate), sortValue: (row) => row.openRate },
    { key: 'paidOrders', label: '支付订单', cell: (row) => drill(row, 'paidOrders', '支付过订单的客户', formatCount(row.paidOrders), { population: 'paid', ...range, userid: row.userid }), sortValue: (row) => row.paidOrders },
    { key: 'netRevenueFen', label: '净营收', cell: (row) => drill(row, 'netRevenueFen', '支付过订单的客户', formatFen(row.netRevenueFen), { population: 'paid', ...range, userid: row.userid }), sortValue: (row) => row.netRevenueFen },
    { key: 'firstOrders', label: '首单客户', cell: (row) => drill(row, 'firstOrders', '首单客户', formatCount(row.firstOrders), { population: 'paid', ...range, userid: row.userid, firstOnly: 'true' }), sortValue: (row) => row.firstOrders },
    { key: 'conversionRate', label: '转化率', cell: (row) => formatRate(row.conversionRate), sortValue: (row) => row.conversionRate },
    { key: 'medianDaysToFirstOrder', label: '首单用时', title: '从加企微到首次支付的中位天数', cell: (row) => formatDays(row.medianDaysToFirstOrder), sortValue: (row) => row.medianDaysToFirstOrder },
  ];
}

function departmentColumns(filter: AnalyticsFilter): Column<DepartmentRow>[] {
  const range = (row: DepartmentRow) => ({ from: filter.from, to: filter.to, department: row.departmentId });
  const drill = (row: DepartmentRow, column: string, label: string, value: string, query: DrillDownQuery) => drillCell(`drill-department-${row.departmentId}-${column}`, `${row.name} · ${label}`, value, query);
  return [
    { key: 'name', label: '部门', text: true, cell: (row) => row.name, sortValue: (row) => row.name },
    { key: 'newContacts', label: '新增客户', cell: (row) => drill(row, 'newContacts', '新增客户', formatCount(row.newContacts), { population: 'new_contacts', ...range(row) }), sortValue: (row) => row.newContacts },
    { key: 'lostContacts', label: '流失客户', cell: (row) => drill(row, 'lostContacts', '流失客户', formatCount(row.lostContacts), { population: 'lost_contacts', ...range(row) }), sortValue: (row) => row.lostContacts },
    { key: 'paidOrders', label: '支付订单', cell: (row) => drill(row, 'paidOrders', '支付过订单的客户', formatCount(row.paidOrders), { population: 'paid', ...range(row) }), sortValue: (row) => row.paidOrders },
    { key: 'netRevenueFen', label: '净营收', cell: (row) => drill(row, 'netRevenueFen', '支付过订单的客户', formatFen(row.netRevenueFen), { population: 'paid', ...range(row) }), sortValue: (row) => row.netRevenueFen },
    { key: 'firstOrders', label: '首单客户', cell: (row) => drill(row, 'firstOrders', '首单客户', formatCount(row.firstOrders), { population: 'paid', ...range(row), firstOnly: 'true' }), sortValue: (row) => row.firstOrders },
    { key: 'conversionRate', label: '转化率', cell: (row) => formatRate(row.conversionRate), sortValue: (row) => row.conversionRate },
  ];
}

function drillCell(testId: string, label: string, value: string, query: DrillDownQuery) {
  return (
    <DrillNumber query={query} label={label} testId={testId}>
      {value}
    </DrillNumber>
  );
}
