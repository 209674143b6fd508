import { buildCallbackEventXml, type WeComSupportedCallbackEvent } from '../wecom/callback-events';
import type { WeComCallbackCrypto } from '../wecom/callback-crypto';
import type { SandboxContactChange, WeComContactsSandbox } from './wecom-contacts-sandbox';

const DELIVERY_ATTEMPTS = 3;

/**
 * Makes the sandbox WeCom push callbacks the way WeCom does: for changes made in the client or console
 * (never for API calls), signed and AES-encrypted, retried up to three times when not answered with 200.
 */
export function emitSandboxCallbacks(options: {
  contacts: WeComContactsSandbox;
  crypto: WeComCallbackCrypto;
  corpId: string;
  agentId: number;
  callbackUrl: () => string;
  now: () => number;
  onDelivery?: (result: { event: WeComSupportedCallbackEvent; status: number | 'unreachable'; attempt: number }) => void;
}): () => void {
  const toEvent = (change: SandboxContactChange): WeComSupportedCallbackEvent => {
    const createTime = Math.floor(options.now() / 1000);
    if (change.event === 'change_external_tag') {
      return { event: 'change_external_tag', changeType: change.changeType, corpId: options.corpId, createTime, tagId: change.id, tagType: change.tagType };
    }
    return {
      event: 'change_external_contact',
      changeType: change.changeType,
      corpId: options.corpId,
      createTime,
      userId: change.userid,
      externalUserId: change.externalUserId,
      ...(change.state ? { state: change.state } : {}),
      ...(change.welcomeCode ? { welcomeCode: change.welcomeCode } : {}),
    };
  };

  const deliver = async (event: WeComSupportedCallbackEvent) => {
    const sealed = options.crypto.seal(buildCallbackEventXml(event), { agentId: options.agentId });
    const url = new URL(options.callbackUrl());
    for (const [key, value] of Object.entries(sealed.query)) url.searchParams.set(key, value);
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
      const status = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: sealed.body, signal: AbortSignal.timeout(5_000) }).then(
        (res) => res.status,
        () => 'unreachable' as const,
      );
      options.onDelivery?.({ event, status, attempt });
      if (status === 200) return;
    }
  };

  return options.contacts.onChange((change) => {
    if (change.origin === 'console') void deliver(toEvent(change));
  });
}
