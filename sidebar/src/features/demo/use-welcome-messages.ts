import { useEffect, useState } from 'react';
import type { ChatMessagePayload } from './demo-bridge-contract';

/** How often the simulated chat asks the sandbox for welcome messages: WeCom delivers them within seconds. */
const POLL_MS = 2_000;

interface SandboxWelcome {
  userid: string;
  text?: string;
  attachments: Record<string, Record<string, string> | string>[];
  sentAt: number;
}

/** A send_welcome_msg attachment as the chat bubble draws sendChatMessage payloads. */
export function welcomePayloads(welcome: SandboxWelcome): ChatMessagePayload[] {
  const payloads: ChatMessagePayload[] = welcome.text ? [{ msgtype: 'text', text: { content: welcome.text } }] : [];
  for (const attachment of welcome.attachments) {
    const part = (key: string) => (typeof attachment[key] === 'object' ? (attachment[key] as Record<string, string>) : {});
    if (attachment.msgtype === 'image') payloads.push({ msgtype: 'image', image: { mediaid: part('image').media_id ?? '' } });
    if (attachment.msgtype === 'link') payloads.push({ msgtype: 'news', news: { title: part('link').title ?? '', desc: part('link').desc ?? '', link: part('link').url ?? '', imgUrl: part('link').picurl ?? '' } });
    if (attachment.msgtype === 'miniprogram') payloads.push({ msgtype: 'miniprogram', miniprogram: { title: part('miniprogram').title ?? '', page: part('miniprogram').page ?? '' } });
  }
  return payloads;
}

/**
 * The welcome messages Zhike sent this customer through WeCom (send_welcome_msg), as the sandbox recorded
 * them: the chat shows them first, the way WeCom shows a new friend's greeting.
 */
export function useWelcomeMessages(externalUserId: string | null): ChatMessagePayload[] {
  const [payloads, setPayloads] = useState<ChatMessagePayload[]>([]);
  useEffect(() => {
    setPayloads([]);
    if (!externalUserId) return;
    let live = true;
    // Polling answers the same list most of the time: only a change re-renders the chat.
    let shown = '[]';
    const load = async () => {
      try {
        const response = await fetch(`/sandbox/demo/welcome-messages?externalUserId=${encodeURIComponent(externalUserId)}`);
        const body = response.ok ? ((await response.json()) as { messages: SandboxWelcome[] }) : { messages: [] };
        const next = body.messages.flatMap(welcomePayloads);
        if (!live || JSON.stringify(next) === shown) return;
        shown = JSON.stringify(next);
        setPayloads(next);
      } catch {
        // The sandbox is not there (production build, tests): no welcome messages to show.
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [externalUserId]);
  return payloads;
}
