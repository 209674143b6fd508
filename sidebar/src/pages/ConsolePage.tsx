import { lazy } from 'react';
import { ANALYTICS_SECTIONS } from '../features/console-analytics/analytics-sections';
import { ConsoleLayout } from '../features/console-shell/ConsoleLayout';
import { ACQUISITION_SECTIONS } from '../features/console-shell/acquisition-sections';
import type { ConsoleSection } from '../features/console-shell/console-section';
import { redirectToLogin } from '../features/session/login-redirect';
import { useStaffSession } from '../features/session/use-staff-session';
import { reloadPage } from '../lib/navigation';
import { StatusScreen } from '../lib/ui/StatusScreen';

/**
 * The console's sections, 数据分析 first (what a manager opens the console for); each screen loads lazily (the
 * content admin and the analytics as one chunk each), so the console's first load is the shell and the session only.
 */
const contentScreens = () => import('../features/console-content/content-screens');
const SECTIONS: readonly ConsoleSection[] = [
  ...ANALYTICS_SECTIONS,
  { id: 'scripts', label: '话术管理', group: '内容', minRole: 'admin', screen: lazy(() => contentScreens().then((m) => ({ default: m.ScriptsScreen }))) },
  { id: 'posters', label: '海报模板', group: '内容', minRole: 'admin', screen: lazy(() => contentScreens().then((m) => ({ default: m.PostersScreen }))) },
  { id: 'stats', label: '内容效果', group: '内容', minRole: 'manager', screen: lazy(() => contentScreens().then((m) => ({ default: m.StatsScreen }))) },
  { id: 'products', label: '商品管理', group: '商城', minRole: 'admin', screen: lazy(() => import('../features/console-products/ProductsScreen')) },
  { id: 'orders', label: '订单管理', group: '商城', minRole: 'manager', screen: lazy(() => import('../features/console-orders/OrdersScreen')) },
  ...ACQUISITION_SECTIONS,
];

/** Manager console: same staff login as the sidebar, then the section the hash names. */
export function ConsolePage() {
  const session = useStaffSession();
  if (session.kind === 'loading') return <StatusScreen tone="info" title="正在加载" message="正在确认你的登录状态…" />;
  if (session.kind === 'redirecting') return <StatusScreen tone="info" title="正在登录" message="正在通过企业微信确认你的身份…" />;
  if (session.kind === 'loginFailed') {
    return <StatusScreen tone="error" title={session.text.title} message={session.text.message} action={{ label: '重新登录', onClick: () => redirectToLogin({ force: true }) }} />;
  }
  if (session.kind === 'failed') return <StatusScreen tone="error" title={session.text.title} message={session.text.message} action={{ label: '重试', onClick: reloadPage }} />;
  return <ConsoleLayout staff={session.staff} sections={SECTIONS} />;
}
