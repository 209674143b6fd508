/**
 * What the demo console and sidebar/demo-bridge/wecom-client-bridge.js agree on. The bridge is plain,
 * unbundled JS, so it repeats these names; change both together.
 */

/** Read by the bridge (same origin, through window.parent) when the sidebar asks which chat is open. */
export interface DemoClientState {
  memberUserid: string | null;
  externalUserId: string | null;
}

/** Posted by the bridge to the parent when the sidebar calls sendChatMessage. */
export const SEND_CHAT_MESSAGE = 'zhike-demo:send-chat-message';

export interface ChatMessagePayload {
  msgtype: string;
  text?: { content?: string };
  news?: { title?: string; desc?: string; link?: string; imgUrl?: string };
  miniprogram?: { appid?: string; title?: string; page?: string; imgUrl?: string };
  image?: { mediaid?: string };
  video?: { mediaid?: string };
  file?: { mediaid?: string };
}

export interface SendChatMessageEvent {
  type: typeof SEND_CHAT_MESSAGE;
  externalUserId: string | null;
  message: ChatMessagePayload;
}

declare global {
  interface Window {
    __zhikeDemo?: DemoClientState;
  }
}

export function publishDemoClientState(state: DemoClientState): void {
  window.__zhikeDemo = { ...state };
}

export function isSendChatMessageEvent(data: unknown): data is SendChatMessageEvent {
  if (typeof data !== 'object' || data === null) return false;
  const event = data as Partial<SendChatMessageEvent>;
  return event.type === SEND_CHAT_MESSAGE && typeof event.message === 'object' && event.message !== null && typeof event.message.msgtype === 'string';
}
