import type { SandboxExternalContact } from '@zhike/shared/demo';
import { useEffect, useRef } from 'react';
import { ChatBubble } from './ChatBubble';
import type { ChatMessage } from './use-sidebar-chat-messages';
import { useWelcomeMessages } from './use-welcome-messages';

interface ConversationProps {
  contact: SandboxExternalContact | null;
  messages: ChatMessage[];
  onHoldPhone?: (() => void) | undefined;
  /** The customer taps a mini-program card: the phone opens that page (`pages/x/y.html?…`). */
  onOpenMiniProgram?: ((page: string) => void) | undefined;
}

/** The middle column: what the salesperson has sent to this customer (through the sidebar) as outgoing bubbles. */
export function Conversation({ contact, messages, onHoldPhone, onOpenMiniProgram }: ConversationProps) {
  const list = useRef<HTMLDivElement>(null);
  const welcome = useWelcomeMessages(contact?.external_userid ?? null);
  const scrollToEnd = () => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  };
  // Like any chat window: a new message scrolls into view, and again once its image has its height.
  useEffect(scrollToEnd, [messages.length, welcome.length, contact]);

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
      <div className="conversation-messages" data-testid="demo-chat-messages" ref={list} onLoadCapture={scrollToEnd}>
        {contact && <p className="conversation-system">你已添加了{contact.name}，现在可以开始聊天了。</p>}
        {welcome.map((payload, index) => (
          <div key={`welcome-${index}`} className="bubble-row" data-testid="chat-message" data-msgtype={payload.msgtype} data-welcome="true">
            <ChatBubble payload={payload} onOpenMiniProgram={onOpenMiniProgram} />
          </div>
        ))}
        {messages.map((message) => (
          <div key={message.id} className="bubble-row" data-testid="chat-message" data-msgtype={message.payload.msgtype}>
            <ChatBubble payload={message.payload} onOpenMiniProgram={onOpenMiniProgram} />
          </div>
        ))}
      </div>
      <footer className="conversation-composer">
        <textarea disabled placeholder="演示中，消息从右侧的知客侧边栏发出" aria-label="输入消息" />
      </footer>
    </section>
  );
}
