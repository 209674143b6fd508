import { StatusScreen } from '../lib/ui/StatusScreen';
import { redirectToLogin } from '../features/session/login-redirect';
import { ROLE_LABELS } from '../features/session/role-labels';
import { Avatar } from '../lib/ui/Avatar';
import { useStaffSession } from '../features/session/use-staff-session';
import { reloadPage } from '../lib/navigation';

const NAV_ITEMS = ['数据概览', '销售', '内容', '渠道', '客户分群'];

/** Manager console shell: same staff login as the sidebar; the dashboards come with the manager console issue. */
export function ConsolePage() {
  const session = useStaffSession();
  if (session.kind === 'loading') return <StatusScreen tone="info" title="正在加载" message="正在确认你的登录状态…" />;
  if (session.kind === 'redirecting') return <StatusScreen tone="info" title="正在登录" message="正在通过企业微信确认你的身份…" />;
  if (session.kind === 'loginFailed') {
    return <StatusScreen tone="error" title={session.text.title} message={session.text.message} action={{ label: '重新登录', onClick: () => redirectToLogin({ force: true }) }} />;
  }
  if (session.kind === 'failed') return <StatusScreen tone="error" title={session.text.title} message={session.text.message} action={{ label: '重试', onClick: reloadPage }} />;

  const { staff } = session;
  return (
    <div className="console">
      <header className="console-topbar">
        <span className="console-brand">知客 · 管理后台</span>
        <span className="console-user">
          <Avatar name={staff.name} src={staff.avatar} size={28} />
          <span data-testid="staff-name">{staff.name}</span>
          <span className="role-chip">{ROLE_LABELS[staff.role]}</span>
        </span>
      </header>
      <div className="console-main">
        <nav className="console-nav" aria-label="管理后台导航">
          {NAV_ITEMS.map((item) => (
            <button key={item} type="button" className="console-nav-item" disabled title="即将上线">
              {item}
            </button>
          ))}
        </nav>
        <main className="console-content">
          <h1>你好，{staff.name}</h1>
          <div className="card card-muted">
            <div className="card-title">数据看板即将上线</div>
            <p>漏斗（访客 → 粉丝 → 企业微信客户 → 互动 → 下单 → 复购）、销售与内容转化、渠道和老带新、客户分群与流失风险，将随“管理后台”需求一起上线，左侧导航届时启用。</p>
          </div>
        </main>
      </div>
    </div>
  );
}
