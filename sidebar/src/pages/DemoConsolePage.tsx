import { useRef } from 'react';
import { ChatList } from '../features/demo/ChatList';
import { Conversation } from '../features/demo/Conversation';
import { useDemoSession } from '../features/demo/use-demo-session';
import { usePhoneScreen } from '../features/demo/use-phone-screen';
import { useSidebarChatMessages } from '../features/demo/use-sidebar-chat-messages';
import { reloadPage } from '../lib/navigation';
import { StatusScreen } from '../lib/ui/StatusScreen';

/**
 * Demo mode's one screen: be the salesperson (a WeCom window with the real sidebar), the customer (the
 * mini-program in a phone) and the manager (the console), side by side.
 */
export function DemoConsolePage() {
  const demo = useDemoSession();
  const sidebarFrame = useRef<HTMLIFrameElement>(null);
  const messagesOf = useSidebarChatMessages(sidebarFrame, demo.memberUserid);
  const phone = usePhoneScreen(demo.wechatOpenid, demo.chooseWechatUser);

  if (demo.loadError) return <StatusScreen tone="error" title={demo.loadError.title} message={demo.loadError.message} action={{ label: '重试', onClick: reloadPage }} />;
  if (!demo.directory || !demo.memberUserid) return <StatusScreen tone="info" title="正在准备演示" message="正在加载演示成员和客户…" />;

  const { directory, memberUserid, externalUserId, wechatOpenid } = demo;
  const member = directory.members.find((m) => m.userid === memberUserid);
  const contacts = directory.contactsByMember[memberUserid] ?? [];
  const contact = contacts.find((c) => c.external_userid === externalUserId) ?? null;
  const contactOpenid = contact?.openid;

  return (
    <div className="demo">
      <header className="demo-topbar">
        <span className="demo-brand">知客 · 演示台</span>
        <label className="demo-picker">
          企业微信里登录的成员
          <select value={memberUserid} onChange={(event) => void demo.chooseMember(event.target.value)} data-testid="demo-member-picker">
            {directory.members.map((m) => (
              <option key={m.userid} value={m.userid}>
                {m.name} · {m.position}
              </option>
            ))}
          </select>
        </label>
        <label className="demo-picker">
          拿着手机的微信用户
          <select value={wechatOpenid ?? ''} onChange={(event) => phone.handTo(event.target.value)} data-testid="demo-wechat-user-picker">
            {directory.wechatUsers.map((u) => (
              <option key={u.openid} value={u.openid}>
                {u.nickname}
              </option>
            ))}
          </select>
        </label>
        <span className="demo-hint">同时扮演销售（企业微信）、客户（手机）和主管（管理后台）：在一处操作，看另外两处的变化。</span>
        {demo.notice && (
          <span className="demo-notice" role="alert">
            {demo.notice}
          </span>
        )}
      </header>

      <main className="demo-panes">
        <section className="demo-pane demo-pane-wecom" aria-label="企业微信">
          <h2 className="demo-pane-title">企业微信 · {member?.name ?? memberUserid}</h2>
          <div className="wecom-window">
            <ChatList contacts={contacts} currentId={externalUserId} onSelect={demo.chooseChat} messagesOf={messagesOf} />
            <Conversation
              contact={contact}
              messages={contact ? messagesOf(contact.external_userid) : []}
              onHoldPhone={contactOpenid && contactOpenid !== wechatOpenid ? () => phone.handTo(contactOpenid) : undefined}
              // The card went to this chat's customer, so it opens on their phone (if the demo knows who they are).
              onOpenMiniProgram={(page) => phone.openPage(page, contactOpenid)}
            />
            <aside className="wecom-toolbar" aria-label="聊天工具栏">
              <div className="wecom-toolbar-title">知客</div>
              <iframe key={demo.sidebarLoad} ref={sidebarFrame} className="wecom-toolbar-frame" src="/sidebar/" title="知客侧边栏" data-testid="demo-sidebar-frame" />
            </aside>
          </div>
        </section>

        <section className="demo-pane demo-pane-phone" aria-label="客户的手机">
          <h2 className="demo-pane-title">客户的手机 · 微信小程序</h2>
          <div className="phone-frame">
            {phone.src ? (
              <iframe key={phone.key} className="phone-screen" src={phone.src} title="小程序" width={375} height={812} data-testid="demo-phone-frame" />
            ) : (
              <p className="phone-empty">演示数据里没有微信用户</p>
            )}
          </div>
        </section>

        <section className="demo-pane demo-pane-console" aria-label="管理后台">
          <h2 className="demo-pane-title">管理后台</h2>
          <iframe key={demo.consoleLoad} className="console-frame" src="/console/" title="知客管理后台" data-testid="demo-console-frame" />
        </section>
      </main>
    </div>
  );
}
