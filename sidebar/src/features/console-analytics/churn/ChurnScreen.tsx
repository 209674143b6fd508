import type { ChurnRiskReport, ChurnRiskRow } from '@zhike/shared/analytics';
import { useEffect, useId, useState } from 'react';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import type { ConsoleScreenProps } from '../../console-shell/console-section';
import { hasRole } from '../../console-shell/role-access';
import { formatCount, formatDateTime, formatDays } from '../analytics-format';
import { SnapshotStamp } from '../SnapshotStamp';
import { fetchChurnRisk } from '../analytics.api';
import { DrillDownProvider, DrillNumber } from '../drill-down/drill-down-context';
import { CustomerIdentity } from '../drill-down/CustomerIdentity';
import { SortableTable, type Column } from '../table/SortableTable';
import { useReport } from '../use-report';

/**
 * 流失预警: customers going quiet against their own rhythm, with the reason. A salesperson sees their own (and
 * acts from the sidebar); a manager sees their departments' and can narrow to one salesperson.
 */
export default function ChurnScreen({ staff }: ConsoleScreenProps) {
  const [reloads, setReloads] = useState(0);
  // Here, not in the list: the list is rebuilt on 刷新, and the chosen salesperson should stay chosen.
  const [owner, setOwner] = useState('');
  // The server sends the most at risk only, so narrowing to one salesperson asks for theirs.
  const { state, retry } = useReport(() => fetchChurnRisk(owner), `${owner}|${reloads}`);
  const isManager = hasRole(staff.role, 'manager');
  const refresh = () => setReloads((n) => n + 1);
  // Narrowed to one salesperson, the answer counts only them: the choice keeps the list of everyone's.
  const [owners, setOwners] = useState<ChurnRiskReport['byOwner']>([]);
  useEffect(() => {
    if (state.kind === 'ready' && owner === '') setOwners(state.value.byOwner);
  }, [state, owner]);
  return (
    <DrillDownProvider>
      <div className="analytics-screen">
        <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={retry} />
        {state.kind === 'ready' && <ChurnList report={state.value} isManager={isManager} canRecompute={hasRole(staff.role, 'admin')} owners={owners} owner={owner} onOwner={setOwner} onRefresh={refresh} />}
      </div>
    </DrillDownProvider>
  );
}

interface ChurnListProps {
  report: ChurnRiskReport;
  isManager: boolean;
  canRecompute: boolean;
  /** Everyone with customers at risk, and the one the manager narrowed to ('' = everyone). */
  owners: ChurnRiskReport['byOwner'];
  owner: string;
  onOwner: (userid: string) => void;
  onRefresh: () => void;
}

function ChurnList({ report, isManager, canRecompute, owners, owner, onOwner, onRefresh }: ChurnListProps) {
  const ownerId = useId();
  const rows = report.rows;

  return (
    <>
      <div className="analytics-filters">
        {isManager && owners.length > 1 && (
          <span className="analytics-department">
            <label className="form-label" htmlFor={ownerId}>
              负责销售
            </label>
            <select id={ownerId} className="form-input" data-testid="churn-owner-filter" value={owner} onChange={(event) => onOwner(event.target.value)}>
              <option value="">全部</option>
              {owners.map(({ userid, name }) => (
                <option key={userid} value={userid}>
                  {name}
                </option>
              ))}
            </select>
          </span>
        )}
        <button type="button" className="button" data-testid="analytics-refresh" onClick={onRefresh}>
          刷新
        </button>
        <SnapshotStamp asOf={report.asOf} canRecompute={canRecompute} onRecomputed={onRefresh} />
      </div>

      <section className="console-card" aria-label="流失风险客户">
        <div className="panel-head">
          <h2>
            流失风险客户{' '}
            {isManager ? (
              <DrillNumber query={{ population: 'churn_risk', ...(owner === '' ? {} : { userid: owner }) }} label="流失风险客户" testId="drill-churn-total">
                {formatCount(report.total)}
              </DrillNumber>
            ) : (
              formatCount(report.total)
            )}{' '}
            人
          </h2>
        </div>
        {!isManager && <p className="form-hint">在企业微信中打开与客户的聊天，侧边栏会显示 TA 最近的动态和推荐话术，趁还记得你时联系 TA。</p>}
        <details className="analytics-rule">
          <summary>口径说明</summary>
          <p>{report.rule}</p>
        </details>
        {report.total > rows.length && <p className="form-hint">列出风险最高的 {formatCount(rows.length)} 位；点击人数查看全部并导出。</p>}
        {rows.length === 0 ? (
          <p className="analytics-empty" data-testid="analytics-empty">
            目前没有流失风险的客户
          </p>
        ) : (
          <SortableTable rows={rows} columns={churnColumns(isManager)} rowKey={(row) => row.customerId} initialSort={{ key: 'risk', descending: true }} label="流失风险客户" testId="churn-table" />
        )}
      </section>
    </>
  );
}

function churnColumns(showOwner: boolean): Column<ChurnRiskRow>[] {
  const columns: Column<ChurnRiskRow>[] = [
    { key: 'name', label: '客户', text: true, cell: (row) => <CustomerIdentity name={row.name} avatar={row.avatar} externalUserId={row.externalUserId} />, sortValue: (row) => row.name },
    { key: 'owner', label: '负责销售', text: true, cell: (row) => row.ownerName ?? '—', sortValue: (row) => row.ownerName },
    { key: 'reason', label: '原因', text: true, cell: (row) => <span className="churn-reason">{row.reason}</span> },
    { key: 'silentDays', label: '沉默', cell: (row) => formatDays(row.silentDays), sortValue: (row) => row.silentDays },
    { key: 'usualGapDays', label: '平时间隔', cell: (row) => formatDays(Math.round(row.usualGapDays * 10) / 10), sortValue: (row) => row.usualGapDays },
    { key: 'lastActiveAt', label: '最近活跃', text: true, cell: (row) => formatDateTime(row.lastActiveAt), sortValue: (row) => row.lastActiveAt },
    { key: 'scoreNow', label: '意向分', cell: (row) => `${Math.round(row.scoreAtLastActive)} → ${Math.round(row.scoreNow)}`, sortValue: (row) => row.scoreNow },
    { key: 'risk', label: '风险', cell: (row) => <RiskBar risk={row.risk} />, sortValue: (row) => row.risk },
  ];
  return showOwner ? columns : columns.filter((column) => column.key !== 'owner');
}

function RiskBar({ risk }: { risk: number }) {
  const value = Math.round(Math.min(100, Math.max(0, risk)));
  const tone = value >= 70 ? 'high' : value >= 40 ? 'medium' : 'low';
  return (
    <span className="risk">
      <span className="risk-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label="流失风险">
        <span className={`risk-fill risk-${tone}`} style={{ width: `${value}%` }} />
      </span>
      <span className="risk-value">{value}</span>
    </span>
  );
}
