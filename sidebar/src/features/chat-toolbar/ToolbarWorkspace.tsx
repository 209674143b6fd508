import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Customer360Panel } from '../customer-360/Customer360Panel';
import { ToolbarTabs, tabPanelId, type ToolbarTab } from './ToolbarTabs';

// Scripts and posters load on first open: the 客户 tab, which everyone sees first, paints without them.
const ScriptsPanel = lazy(() => import('../content/ScriptsPanel').then((module) => ({ default: module.ScriptsPanel })));
const PostersPanel = lazy(() => import('../content/PostersPanel').then((module) => ({ default: module.PostersPanel })));
const OrdersPanel = lazy(() => import('../orders/OrdersPanel').then((module) => ({ default: module.OrdersPanel })));
const MyContactCodePanel = lazy(() => import('../my-contact-code/MyContactCodePanel').then((module) => ({ default: module.MyContactCodePanel })));

/**
 * The tabs and their panels for the open chat. A panel stays mounted once opened, so going back to 话术 keeps
 * the search, and the 360 keeps its live updates while the salesperson picks a script.
 */
export function ToolbarWorkspace({ externalUserId, viewerUserid }: { externalUserId: string; viewerUserid: string }) {
  const [current, setCurrent] = useState<ToolbarTab>('customer');
  const [opened, setOpened] = useState<ReadonlySet<ToolbarTab>>(() => new Set(['customer']));

  const select = (tab: ToolbarTab) => {
    setCurrent(tab);
    setOpened((known) => (known.has(tab) ? known : new Set(known).add(tab)));
  };

  const panel = (tab: ToolbarTab, content: ReactNode) =>
    opened.has(tab) && (
      <div role="tabpanel" id={tabPanelId(tab)} aria-labelledby={`toolbar-tab-${tab}`} className="sidebar-body" hidden={current !== tab}>
        <Suspense fallback={<PanelLoading />}>{content}</Suspense>
      </div>
    );

  return (
    <>
      <ToolbarTabs current={current} onSelect={select} />
      <main className="sidebar-main">
        {panel('customer', <Customer360Panel externalUserId={externalUserId} viewerUserid={viewerUserid} />)}
        {panel('scripts', <ScriptsPanel externalUserId={externalUserId} />)}
        {panel('posters', <PostersPanel externalUserId={externalUserId} />)}
        {panel('orders', <OrdersPanel externalUserId={externalUserId} />)}
        {panel('mycode', <MyContactCodePanel />)}
      </main>
    </>
  );
}

function PanelLoading() {
  return (
    <section className="card" aria-busy="true">
      <div className="skeleton skeleton-line" style={{ width: '50%' }} />
      <div className="skeleton skeleton-line" style={{ width: '85%' }} />
      <p className="visually-hidden" role="status">
        正在打开…
      </p>
    </section>
  );
}
