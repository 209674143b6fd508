import { StatusScreen } from '../lib/ui/StatusScreen';
import { useSidebarBoot } from '../features/chat-toolbar/use-sidebar-boot';
import { CurrentContact } from '../features/chat-toolbar/CurrentContact';
import { ToolbarWorkspace } from '../features/chat-toolbar/ToolbarWorkspace';
import { redirectToLogin } from '../features/session/login-redirect';
import { StaffHeader } from '../features/session/StaffHeader';
import { reloadPage } from '../lib/navigation';

export const OUTSIDE_WECOM_MESSAGE = '请在企业微信客户端中，从客户聊天窗口的工具栏打开知客';
export const WRONG_ENTRY_MESSAGE = '请从客户聊天窗口的工具栏打开';

/** The chat-toolbar sidebar (~360 px): every boot state is a screen, never a blank page. */
export function SidebarPage() {
  const boot = useSidebarBoot();
  switch (boot.kind) {
    case 'loading':
      return <LoadingSkeleton />;
    case 'redirecting':
      return <StatusScreen tone="info" title="正在登录" message="正在通过企业微信确认你的身份…" />;
    case 'outsideWeCom':
      return (
        <StatusScreen tone="info" title="请在企业微信中使用" message={OUTSIDE_WECOM_MESSAGE}>
          {boot.demoMode && (
            <p className="status-hint">
              当前是演示模式：打开 <a href="/demo/">演示台</a>，即可在浏览器里扮演企业微信体验知客。
            </p>
          )}
        </StatusScreen>
      );
    case 'wrongEntry':
      return (
        <StatusScreen tone="info" title={WRONG_ENTRY_MESSAGE} message="知客需要知道你正在和哪位客户聊天：请在企业微信里打开与客户的单聊，再点聊天工具栏中的“知客”。">
          <p className="status-hint">当前入口：{boot.entry}</p>
        </StatusScreen>
      );
    case 'loginFailed':
      return <StatusScreen tone="error" title={boot.text.title} message={boot.text.message} action={{ label: '重新登录', onClick: () => redirectToLogin({ force: true }) }} />;
    case 'failed':
      return <StatusScreen tone="error" title={boot.text.title} message={boot.text.message} action={{ label: '重试', onClick: reloadPage }} />;
    case 'ready':
      return (
        <div className="sidebar">
          <header className="sidebar-header">
            <StaffHeader staff={boot.staff} />
            <CurrentContact externalUserId={boot.externalUserId} />
          </header>
          <ToolbarWorkspace externalUserId={boot.externalUserId} viewerUserid={boot.staff.userid} />
        </div>
      );
  }
}

function LoadingSkeleton() {
  return (
    <div className="sidebar" aria-busy="true">
      <header className="sidebar-header">
        <div className="skeleton skeleton-line" style={{ width: '55%' }} />
        <div className="skeleton skeleton-line" style={{ width: '80%' }} />
      </header>
      <p className="visually-hidden" role="status">
        正在打开知客…
      </p>
    </div>
  );
}
