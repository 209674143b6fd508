import type { ChannelStatsResponse } from '@zhike/shared/channels';
import { formatFen } from '@zhike/shared/money';
import { useLoaded } from '../../lib/use-loaded';
import { fetchChannelStats } from './channels.api';
import { LoadStatus } from '../../lib/ui/LoadStatus';

/** One channel's numbers: totals, then a row per Beijing day (newest first). */
export function ChannelStatsPanel({ channelId, onClose }: { channelId: string; onClose: () => void }) {
  const { state, retry } = useLoaded<ChannelStatsResponse>(
    () => fetchChannelStats(channelId),
    (error) => (error instanceof Error ? error.message : '统计加载失败'),
  );
  return (
    <section className="console-card" data-testid="channel-stats" aria-label="渠道统计">
      <div className="panel-head">
        <h2>{state.kind === 'ready' ? `${state.value.name} · 数据` : '渠道数据'}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={retry} />
      {state.kind === 'ready' && (
        <>
          <dl className="channel-totals" data-testid="channel-totals">
            <div><dt>新增客户</dt><dd>{state.value.totals.adds}</dd></div>
            <div><dt>流失</dt><dd>{state.value.totals.losses}</dd></div>
            <div><dt>净增</dt><dd>{state.value.totals.netAdds}</dd></div>
            <div><dt>欢迎语已发送</dt><dd>{state.value.totals.welcomesSent}</dd></div>
            <div><dt>欢迎语未送达</dt><dd>{state.value.totals.welcomesMissed}</dd></div>
            <div><dt>订单 / 成交额</dt><dd>{state.value.totals.orders} / {formatFen(state.value.totals.revenueFen)}</dd></div>
          </dl>
          <p className="form-hint">企业微信不提供扫码次数，这里按添加统计；流失指经本渠道添加的客户删除了销售或被销售删除。日期为北京时间。</p>
          <div className="table-scroll">
            <table className="stats-table">
              <thead>
                <tr>
                  <th>日期</th>
                  <th className="num">新增</th>
                  <th className="num">流失</th>
                  <th className="num">净增</th>
                </tr>
              </thead>
              <tbody>
                {[...state.value.days].reverse().map((day) => (
                  <tr key={day.day} data-testid="stats-day">
                    <td>{day.day}</td>
                    <td className="num">{day.adds}</td>
                    <td className="num">{day.losses}</td>
                    <td className="num">{day.netAdds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
