import type { ContentKind, ContentStatsRow } from '@zhike/shared/content';
import { formatFen } from '@zhike/shared/money';
import { useEffect, useState } from 'react';
import { NeedsPermission } from '../../../lib/ui/NeedsPermission';
import { toFormError, type FormError } from '../form/form-error';
import { fetchContentStats } from './content-stats.api';
import { formatOpenRate, nextSort, sortStatsRows, type StatsSort, type StatsSortKey } from './stats-format';
import { LoadStatus } from '../../../lib/ui/LoadStatus';

const KIND_LABELS: Record<ContentKind, string> = { script: '话术', poster: '海报' };

type StatsState = { kind: 'loading' } | { kind: 'ready'; rows: ContentStatsRow[] } | { kind: 'failed'; error: FormError };

/** 内容效果: per script and poster, what was sent and what it led to; sortable by sends and open rate. */
export default function StatsScreen() {
  const [state, setState] = useState<StatsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [sort, setSort] = useState<StatsSort>({ key: 'sends', descending: true });

  useEffect(() => {
    let live = true;
    fetchContentStats().then(
      (rows) => live && setState({ kind: 'ready', rows }),
      (error: unknown) => live && setState({ kind: 'failed', error: toFormError(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (state.kind === 'failed' && state.error.forbidden) return <NeedsPermission minRole="manager" screen="内容效果" />;

  const header = (key: StatsSortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'} className="num">
      <button type="button" className="sort-button" data-testid={`sort-${key}`} onClick={() => setSort(nextSort(sort, key))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ' ↕'}</span>
      </button>
    </th>
  );

  return (
    <section className="console-card stats-screen">
      <p className="form-hint">
        打开率 = 被打开过的发送 ÷ 发送次数；打开人数按不同的人计（转发出去的链接可能被多人打开）。新增客户、订单和成交额计入该客户此前最近一次打开或扫码的内容。
      </p>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.error.message : undefined} onRetry={() => setAttempt((n) => n + 1)} />
      {state.kind === 'ready' && state.rows.length === 0 && <p className="muted">还没有内容发送记录。销售在侧边栏发送话术或海报后，这里会显示效果。</p>}
      {state.kind === 'ready' && state.rows.length > 0 && (
        <div className="table-scroll">
          <table className="stats-table">
            <thead>
              <tr>
                <th>内容</th>
                <th>类型</th>
                {header('sends', '发送')}
                <th className="num">打开</th>
                <th className="num">打开人数</th>
                <th className="num">被打开的发送</th>
                {header('openRate', '打开率')}
                <th className="num">扫码</th>
                <th className="num">新增客户</th>
                <th className="num">订单</th>
                <th className="num">成交额</th>
              </tr>
            </thead>
            <tbody>
              {sortStatsRows(state.rows, sort).map((row) => (
                <tr key={`${row.kind}-${row.contentId}`} data-testid="stats-row">
                  <td className="stats-title">{row.title}</td>
                  <td>{KIND_LABELS[row.kind]}</td>
                  <td className="num">{row.sends}</td>
                  <td className="num">{row.opens}</td>
                  <td className="num">{row.uniqueOpens}</td>
                  <td className="num">{row.sendsOpened}</td>
                  <td className="num">{formatOpenRate(row.openRate)}</td>
                  <td className="num">{row.scans}</td>
                  <td className="num">{row.contactsAdded}</td>
                  <td className="num">{row.orders}</td>
                  <td className="num">{formatFen(row.revenueFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
