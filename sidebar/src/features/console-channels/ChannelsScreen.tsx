import type { ChannelSalespeopleResponse, ChannelView } from '@zhike/shared/channels';
import type { CorpTagView } from '@zhike/shared/tags';
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/http';
import { NeedsPermission } from '../../lib/ui/NeedsPermission';
import { ChannelEditor } from './ChannelEditor';
import { ChannelStatsPanel } from './ChannelStatsPanel';
import { CHANNEL_STATS_CSV_URL, channelPosterUrl, channelQrUrl, ChannelRequestError, deleteChannel, fetchChannels, fetchSalespeople, fetchTagLibrary, setChannelPaused } from './channels.api';
import { DefaultWelcomeCard } from './DefaultWelcomeCard';
import { draftFromView, emptyDraft, type ChannelDraft } from './channel-draft';
import { LoadStatus } from '../../lib/ui/LoadStatus';

type Salesperson = ChannelSalespeopleResponse['salespeople'][number];
type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string; forbidden: boolean } | { kind: 'ready'; channels: ChannelView[]; salespeople: Salesperson[]; tags: CorpTagView[] };
type Panel = { kind: 'none' } | { kind: 'edit'; draft: ChannelDraft } | { kind: 'stats'; channelId: string };

const STATUS_LABELS: Record<ChannelView['status'], string> = { active: '启用', paused: '已暂停', deleted: '已删除' };

/** 渠道活码: every channel with its code, who it adds customers to now, and what it brought. */
export default function ChannelsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([fetchChannels(), fetchSalespeople(), fetchTagLibrary()]).then(
      ([channels, salespeople, tags]) => live && setLoaded({ kind: 'ready', channels, salespeople, tags }),
      (error: unknown) => live && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : '加载失败', forbidden: error instanceof ApiError && error.code === 'FORBIDDEN' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (loaded.kind === 'failed' && loaded.forbidden) return <NeedsPermission minRole="admin" screen="渠道活码" />;
  if (loaded.kind === 'loading' || loaded.kind === 'failed') {
    return <LoadStatus loading={loaded.kind === 'loading'} error={loaded.kind === 'failed' ? loaded.message : undefined} onRetry={() => setAttempt((n) => n + 1)} />;
  }

  const names = new Map(loaded.salespeople.map((p) => [p.userid, p.name]));
  const replace = (channel: ChannelView) =>
    setLoaded({ ...loaded, channels: channel.status === 'deleted' ? loaded.channels.filter((c) => c.id !== channel.id) : [channel, ...loaded.channels.filter((c) => c.id !== channel.id)] });
  const act = async (work: () => Promise<ChannelView>, done: string) => {
    setNotice(null);
    try {
      replace(await work());
      setNotice(done);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : '操作失败，请稍后重试');
    }
  };
  const remove = async (channel: ChannelView) => {
    setNotice(null);
    try {
      replace(await deleteChannel(channel.id, confirmDelete === channel.id));
      setConfirmDelete(null);
      setNotice(`已删除「${channel.name}」，二维码已失效，统计数据保留。`);
    } catch (error) {
      if (error instanceof ChannelRequestError && error.code === 'CONFLICT') setConfirmDelete(channel.id);
      setNotice(error instanceof Error ? error.message : '删除失败');
    }
  };

  return (
    <>
      <section className="console-card" data-testid="channels-screen">
        <div className="panel-head">
          <p className="form-hint">每个渠道一张「联系我」二维码：客户扫码即添加对应销售，自动打标签并在 20 秒内收到欢迎语。</p>
          <div>
            <a className="button" href={CHANNEL_STATS_CSV_URL} download data-testid="export-csv">
              导出 CSV
            </a>{' '}
            <button type="button" className="button button-primary" data-testid="new-channel" onClick={() => setPanel({ kind: 'edit', draft: emptyDraft() })}>
              新建渠道
            </button>
          </div>
        </div>
        {notice && (
          <p className="form-hint form-hint-warn" role="status" data-testid="channels-notice">
            {notice}
          </p>
        )}
        {loaded.channels.length === 0 ? (
          <p className="muted">还没有渠道。新建一个渠道，把二维码印在门店、活动物料或广告上。</p>
        ) : (
          <div className="table-scroll">
            <table className="stats-table">
              <thead>
                <tr>
                  <th>渠道</th>
                  <th>分组</th>
                  <th>状态</th>
                  <th>当前接待</th>
                  <th className="num">新增</th>
                  <th className="num">净增</th>
                  <th>二维码</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {loaded.channels.map((channel) => (
                  <tr key={channel.id} data-testid="channel-row">
                    <td>{channel.name}</td>
                    <td>{channel.kind === 'personal' ? '个人活码' : channel.group || '—'}</td>
                    <td>{STATUS_LABELS[channel.status]}</td>
                    <td>{channel.currentUsers.map((u) => names.get(u) ?? u).join('、')}</td>
                    <td className="num">{channel.adds}</td>
                    <td className="num">{channel.netAdds}</td>
                    <td>
                      <a href={channelQrUrl(channel.id)} download>
                        二维码
                      </a>{' '}
                      <a href={channelPosterUrl(channel.id)} download>
                        海报
                      </a>
                    </td>
                    <td>
                      <button type="button" className="link-button" onClick={() => setPanel({ kind: 'edit', draft: draftFromView(channel) })}>
                        编辑
                      </button>{' '}
                      <button type="button" className="link-button" data-testid="open-stats" onClick={() => setPanel({ kind: 'stats', channelId: channel.id })}>
                        数据
                      </button>{' '}
                      <button type="button" className="link-button" data-testid="toggle-pause" onClick={() => void act(() => setChannelPaused(channel.id, channel.status === 'active'), channel.status === 'active' ? `已暂停「${channel.name}」` : `已恢复「${channel.name}」`)}>
                        {channel.status === 'active' ? '暂停' : '恢复'}
                      </button>{' '}
                      <button type="button" className="link-button link-danger" data-testid="delete-channel" onClick={() => void remove(channel)}>
                        {confirmDelete === channel.id ? '确认删除' : '删除'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {panel.kind === 'edit' && (
        <ChannelEditor
          key={panel.draft.id ?? 'new'}
          initial={panel.draft}
          salespeople={loaded.salespeople}
          tags={loaded.tags}
          onClose={() => setPanel({ kind: 'none' })}
          onSaved={(channel) => {
            replace(channel);
            setPanel({ kind: 'none' });
            setNotice(`已保存「${channel.name}」，二维码可下载使用。`);
          }}
        />
      )}
      {panel.kind === 'stats' && <ChannelStatsPanel key={panel.channelId} channelId={panel.channelId} onClose={() => setPanel({ kind: 'none' })} />}
      <DefaultWelcomeCard />
    </>
  );
}
