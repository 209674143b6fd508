import type { SandboxExternalContact } from '@zhike/shared/demo';
import { Avatar } from '../../lib/ui/Avatar';
import { describeChatMessage, type ChatMessage } from './use-sidebar-chat-messages';

interface ChatListProps {
  contacts: SandboxExternalContact[];
  currentId: string | null;
  onSelect: (externalUserId: string) => void;
  messagesOf: (externalUserId: string) => ChatMessage[];
}

/** The left column of the WeCom window: the member's external contacts, last message as the preview. */
export function ChatList({ contacts, currentId, onSelect, messagesOf }: ChatListProps) {
  if (contacts.length === 0) return <div className="chat-list chat-list-empty">这位成员还没有客户</div>;
  return (
    <ul className="chat-list" aria-label="会话列表">
      {contacts.map((contact) => {
        const last = messagesOf(contact.external_userid).at(-1);
        return (
          <li key={contact.external_userid}>
            <button
              type="button"
              className={`chat-list-item${contact.external_userid === currentId ? ' is-current' : ''}`}
              aria-current={contact.external_userid === currentId}
              data-testid="demo-chat-item"
              data-external-userid={contact.external_userid}
              onClick={() => onSelect(contact.external_userid)}
            >
              <Avatar name={contact.name} src={contact.avatar} size={36} />
              <span className="chat-list-text">
                <span className="chat-list-name">
                  {contact.name}
                  <span className="wechat-badge">@微信</span>
                </span>
                <span className="chat-list-preview">{last ? describeChatMessage(last.payload) : ' '}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
