import * as ww from '@wecom/jssdk';
import type { ChatMessage } from '@zhike/shared/content';
import { WeComError } from './wecom-error';

/**
 * The only code that talks to @wecom/jssdk. The SDK decides "inside WeCom" once, at import, from the
 * user agent, and outside WeCom (or without a WeixinJSBridge) its calls never settle — so every call
 * here is gated and has a deadline.
 */

/** The customer-contact APIs must be registered with the app (agent) identity. */
export const CHAT_TOOLBAR_APIS = ['getContext', 'getCurExternalContact', 'sendChatMessage'];

/** Entries that carry one external contact, so getCurExternalContact is allowed. */
export const CONTACT_ENTRIES: readonly string[] = ['single_chat_tools', 'contact_profile'];

// WeCom answers locally in milliseconds; the signature round trip is the slow part of the first call.
const WECOM_TIMEOUT_MS = 10_000;
// sendChatMessage may wait for the salesperson to confirm in WeCom's own dialog: a short deadline would
// report a send as failed while it is still on screen, and then count nothing when it does go out.
const SEND_TIMEOUT_MS = 120_000;

export interface AgentSignature {
  timestamp: number | string;
  nonceStr: string;
  signature: string;
}

export function isInsideWeCom(): boolean {
  return ww.env.isWeCom;
}

export function registerAgent(options: { corpId: string; agentId: number; getSignature: (url: string) => Promise<AgentSignature> }): void {
  ww.register({
    corpId: options.corpId,
    agentId: options.agentId,
    jsApiList: CHAT_TOOLBAR_APIS,
    getAgentConfigSignature: options.getSignature,
  });
}

/** Where the page was opened from (`single_chat_tools`, `contact_profile`, `normal` …). */
export async function getEntry(): Promise<string> {
  const result = await call('getContext', () => ww.getContext());
  return result.entry;
}

/** The open chat's external contact: this userId is the external_userid the server API expects. */
export async function getCurrentExternalUserId(): Promise<string> {
  const result = await call('getCurExternalContact', () => ww.getCurExternalContact());
  return result.userId;
}

/**
 * Puts one message (text, image, file, link or mini-program card, as the server prepared it) into the open
 * chat. Rejects with WeComError: keyword `cancel` when the salesperson backed out, `fail …` otherwise.
 */
export async function sendChatMessage(message: ChatMessage): Promise<void> {
  await call('sendChatMessage', () => ww.sendChatMessage(message), SEND_TIMEOUT_MS);
}

async function call<T>(api: string, run: () => Promise<T>, timeoutMs = WECOM_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WeComError(api, 'timeout')), timeoutMs);
  });
  try {
    return await Promise.race([run(), deadline]);
  } catch (error) {
    throw toWeComError(api, error);
  } finally {
    clearTimeout(timer);
  }
}

/** The SDK rejects with its result object `{ errMsg }`, not an Error; errors we threw (e.g. from the signature fetch) pass through. */
function toWeComError(api: string, error: unknown): unknown {
  if (error instanceof Error) return error;
  const errMsg = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  if (typeof errMsg !== 'string') return new WeComError(api, 'fail');
  const colon = errMsg.indexOf(':');
  return colon < 0 ? new WeComError(api, errMsg) : new WeComError(errMsg.slice(0, colon), errMsg.slice(colon + 1));
}
