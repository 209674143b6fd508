import type { SandboxExternalContact } from '@zhike/shared/demo';
import { describeChatMessage, type ChatMessage } from './use-sidebar-chat-messages';

interface ConversationProps {
  contact: SandboxExternalContact | null;
  messages: ChatMessage[];
  onHoldPhone?: (() => void) | undefined;
}

/** The middle column: what the salesperson has sent to this customer (through the sidebar) as outgoing bubbles. */
export function Conversation({ contact, messages, onHoldPhone }: ConversationProps) {
  return (
    <section className="conversation" aria-label="会话">
      <header className="conversation-header">
        <span>{contact ? contact.name : '未选择会话'}</span>
        {onHoldPhone && (
          <button type="button" className="button button-small" onClick={onHoldPhone}>
            让 TA 拿着手机
          </button>
        )}
      </header>
      <div className="conversation-messages" data-testid="demo-chat-messages">
        {contact && <p className="conversation-system">你已添加了{contact.name}，现在可以开始聊天了。</p>}
        {messages.map((message) => (
          <div key={message.id} className="bubble-row" data-testid="demo-chat-message">
            <Bubble message={message} />
          </div>
        ))}
      </div>
      <footer className="conversation-composer">
        <textarea disabled placeholder="演示中，消息从右侧的知客侧边栏发出" aria-label="输入消息" />
      </footer>
    </section>
  );
}

function Bubble({ message }: { message: ChatMessage }) {
  const { payload } = message;
  if (payload.msgtype === 'news' && payload.news) {
    return (
      <div className="bubble bubble-card">
        <div className="bubble-card-title">{payload.news.title}</div>
        <div className="bubble-card-desc">{payload.news.desc}</div>
      </div>
    );
  }
  if (payload.msgtype === 'miniprogram' && payload.miniprogram) {
    return (
      <div className="bubble bubble-card">
        <div className="bubble-card-title">{payload.miniprogram.title}</div>
        {payload.miniprogram.imgUrl && <img className="bubble-card-image" src={payload.miniprogram.imgUrl} alt="" />}
        <div className="bubble-card-source">小程序</div>
      </div>
    );
  }
  return <div className="bubble">{describeChatMessage(payload)}</div>;
}
