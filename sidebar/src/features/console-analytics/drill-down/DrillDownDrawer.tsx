import type { DrillDownResult } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { useEffect, useRef, useState } from 'react';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import { toFormError } from '../../console-content/form/form-error';
import { fetchDrillDown } from '../analytics.api';
import { formatCount, formatDateTime } from '../analytics-format';
import { CustomerIdentity } from './CustomerIdentity';
import type { DrillTarget } from './drill-down-context';
import { drillDownPath } from './drill-down-path';

type PageState = { kind: 'loading' } | { kind: 'ready'; result: DrillDownResult } | { kind: 'failed'; message: string };

/**
 * The customers behind a figure, a page at a time, over the screen it was opened from; Esc or the backdrop
 * closes it. The CSV link asks the same query for every row, so the file matches what the figure counted.
 */
export function DrillDownDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const dialog = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchDrillDown(target.query, page).then(
      (result) => live && setState({ kind: 'ready', result }),
      (error: unknown) => live && setState({ kind: 'failed', message: toFormError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [target.query, page, attempt]);

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const result = state.kind === 'ready' ? state.result : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;

  return (
    <div className="drill-layer">
      <div className="drill-backdrop" onClick={onClose} aria-hidden="true" />
      <aside ref={dialog} className="drill-drawer" role="dialog" aria-modal="true" aria-label="客户名单" tabIndex={-1} data-testid="drill-drawer">
        <header className="drill-head">
          <h2 data-testid="drill-title">{result?.title ?? target.label}</h2>
          <button type="button" className="button button-small" data-testid="drill-close" onClick={onClose}>
            关闭
          </button>
        </header>
        <div className="drill-summary">
          <span>
            共 <strong data-testid="drill-total">{result ? formatCount(result.total) : '…'}</strong> 位客户
          </span>
          <a className="button button-small" href={drillDownPath(target.query, { format: 'csv' })} download data-testid="drill-export-csv">
            导出 CSV
          </a>
        </div>
        <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={() => setAttempt((n) => n + 1)} />
        {result && result.total === 0 && <p className="muted">没有符合条件的客户。</p>}
        {result && result.customers.length > 0 && (
          <div className="table-scroll">
            <table className="stats-table analytics-table" aria-label={result.title}>
              <thead>
                <tr>
                  <th>客户</th>
                  <th>负责销售</th>
                  <th>阶段</th>
                  <th>首次接触渠道</th>
                  <th>首次接触</th>
                  <th>最近活跃</th>
                  <th className="num">已支付订单</th>
                  <th className="num">净消费</th>
                </tr>
              </thead>
              <tbody>
                {result.customers.map((customer) => (
                  <tr key={customer.customerId} data-testid="drill-row" data-customer-id={customer.customerId}>
                    <td>
                      <CustomerIdentity name={customer.name} avatar={customer.avatar} externalUserId={customer.externalUserId} />
                    </td>
                    <td>{customer.ownerName ?? '—'}</td>
                    <td>{customer.stage ?? '—'}</td>
                    <td>{customer.channelLabel}</td>
                    <td>{formatDateTime(customer.firstTouchAt)}</td>
                    <td>{formatDateTime(customer.lastActiveAt)}</td>
                    <td className="num">{formatCount(customer.paidOrders)}</td>
                    <td className="num">{formatFen(customer.netRevenueFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {result && pages > 1 && (
          <div className="pager">
            <button type="button" className="button button-small" data-testid="drill-previous-page" disabled={page === 1} onClick={() => setPage(page - 1)}>
              上一页
            </button>
            <span data-testid="drill-page">
              第 {page} / {pages} 页
            </span>
            <button type="button" className="button button-small" data-testid="drill-next-page" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              下一页
            </button>
          </div>
        )}
      </aside>
    </div>
  );
}
