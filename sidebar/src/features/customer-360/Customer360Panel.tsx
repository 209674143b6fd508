import { LiveViewingBanner, useLiveSignal } from '../live-signal';
import { redirectToLogin } from '../session/login-redirect';
import { CustomerFields } from './CustomerFields';
import { CustomerFollowers } from './CustomerFollowers';
import { CustomerHeaderCard } from './CustomerHeaderCard';
import { CustomerTags } from './CustomerTags';
import { CustomerTimeline } from './CustomerTimeline';
import { useCustomer360 } from './use-customer-360';

export const NOT_SYNCED_TITLE = '暂未同步到这位客户';

/** The 客户 tab: the open chat's customer 360, with a skeleton while it loads and a way out of every failure. */
export function Customer360Panel({ externalUserId, viewerUserid }: { externalUserId: string; viewerUserid: string }) {
  const { state, retry, update, refresh, mergeLive } = useCustomer360(externalUserId);
  const { viewing } = useLiveSignal(externalUserId, mergeLive);
  switch (state.kind) {
    case 'loading':
      return <Customer360Skeleton />;
    case 'notFound':
      return (
        <section className="card c360-state" role="status" data-testid="customer-not-found">
          <h2 className="c360-state-title">{NOT_SYNCED_TITLE}</h2>
          <p className="c360-state-text">{state.message}</p>
          <p className="c360-hint">刚添加的客户可能还在同步中，请稍后点“重试”；如果一直看不到，请确认你是这位客户的跟进人，或联系管理员。</p>
          <button type="button" className="button button-primary" onClick={retry}>
            重试
          </button>
        </section>
      );
    case 'failed':
      return (
        <section className="card c360-state" role="alert">
          <h2 className="c360-state-title">{state.text.title}</h2>
          <p className="c360-state-text">{state.text.message}</p>
          {state.signIn ? (
            <button type="button" className="button button-primary" onClick={() => redirectToLogin({ force: true })}>
              重新登录
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={retry}>
              重试
            </button>
          )}
        </section>
      );
    case 'ready': {
      const following = state.data.followers.some((f) => f.userid === viewerUserid && f.active);
      return (
        <>
          <LiveViewingBanner viewing={viewing} />
          <CustomerHeaderCard data={state.data} viewerUserid={viewerUserid} onUpdate={update} onRefresh={refresh} />
          <CustomerTags data={state.data} viewerUserid={viewerUserid} onUpdate={update} />
          <CustomerFields data={state.data} onUpdate={update} />
          <CustomerTimeline data={state.data} canWrite={following} onUpdate={update} />
          <CustomerFollowers followers={state.data.followers} viewerUserid={viewerUserid} />
        </>
      );
    }
  }
}

/** The shape of the 360 while it loads, so the tab never flashes blank. */
function Customer360Skeleton() {
  return (
    <>
      <section className="card" aria-busy="true">
        <div className="c360-identity">
          <span className="skeleton c360-skeleton-avatar" />
          <div className="c360-identity-text">
            <div className="skeleton skeleton-line" style={{ width: '45%' }} />
            <div className="skeleton skeleton-line" style={{ width: '70%' }} />
          </div>
        </div>
        <div className="skeleton skeleton-line" style={{ width: '100%' }} />
      </section>
      <section className="card" aria-busy="true">
        <div className="skeleton skeleton-line" style={{ width: '30%' }} />
        <div className="skeleton skeleton-line" style={{ width: '85%' }} />
      </section>
      <p className="visually-hidden" role="status">
        正在加载客户信息…
      </p>
    </>
  );
}
