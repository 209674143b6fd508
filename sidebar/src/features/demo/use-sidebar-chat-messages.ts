import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isSendChatMessageEvent, type ChatMessagePayload } from './demo-bridge-contract';

export interface ChatMessage {
  id: number;
  payload: ChatMessagePayload;
  sentAt: number;
}

let nextId = 1;

/**
 * Messages the sidebar sent with sendChatMessage, per (member, customer) chat. Only posts from the sidebar
 * frame itself, on our origin, count: any other window could post anything.
 */
export function useSidebarChatMessages(sidebarFrame: RefObject<HTMLIFrameElement | null>, memberUserid: string | null) {
  const [byChat, setByChat] = useState<Record<string, ChatMessage[]>>({});
  const member = useRef(memberUserid);
  member.current = memberUserid;

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin !== window.location.origin) return;
      if (!sidebarFrame.current || event.source !== sidebarFrame.current.contentWindow) return;
      if (!isSendChatMessageEvent(event.data) || !event.data.externalUserId) return;
      const key = chatKey(member.current, event.data.externalUserId);
      const message: ChatMessage = { id: nextId++, payload: event.data.message, sentAt: Date.now() };
      setByChat((current) => ({ ...current, [key]: [...(current[key] ?? []), message] }));
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [sidebarFrame]);

  const messagesOf = useCallback((externalUserId: string) => byChat[chatKey(member.current, externalUserId)] ?? [], [byChat]);
  return messagesOf;
}

function chatKey(memberUserid: string | null, externalUserId: string): string {
  return `${memberUserid ?? ''}|${externalUserId}`;
}

/** One line for the chat list and a bubble's text: what a WeCom user would see for each message type. */
export function describeChatMessage(payload: ChatMessagePayload): string {
  switch (payload.msgtype) {
    case 'text':
      return payload.text?.content ?? '';
    case 'news':
      return `[链接] ${payload.news?.title ?? ''}`;
    case 'miniprogram':
      return `[小程序] ${payload.miniprogram?.title ?? ''}`;
    case 'image':
      return '[图片]';
    case 'video':
      return '[视频]';
    case 'file':
      return '[文件]';
    default:
      return `[${payload.msgtype}]`;
  }
}
