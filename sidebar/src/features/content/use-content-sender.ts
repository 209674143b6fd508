import type { ContentRef } from '@zhike/shared/content';
import { useCallback, useRef, useState } from 'react';
import { newRequestId } from '../../lib/request-id';
import { sendContent } from './send-content';

/** What an item shows next to its send button. */
export type ContentSendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** `unrecorded`: the chat has it, but the server never heard, so the statistics may miss it. */
  | { kind: 'sent'; missingVariables: string[]; unrecorded: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const IDLE: ContentSendState = { kind: 'idle' };

/** `script:<id>` or `poster:<id>`: the same script shows one state in 为你推荐 and in the list. */
export function contentKey(content: ContentRef): string {
  return content.kind === 'script' ? `script:${content.scriptId}` : `poster:${content.templateId}`;
}

/**
 * Per-item send state for the open chat. One send at a time: WeCom's client handles one sendChatMessage at
 * once, and a second tap elsewhere while the first is out would race it. A prepare that failed on the way
 * (network) is retried with the same requestId, so a request that did reach the server counts once.
 */
export function useContentSender(externalUserId: string) {
  const [states, setStates] = useState<Record<string, ContentSendState>>({});
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const unconfirmed = useRef(new Map<string, string>());

  const setState = useCallback((key: string, state: ContentSendState) => setStates((current) => ({ ...current, [key]: state })), []);

  const send = useCallback(
    async (content: ContentRef) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      const key = contentKey(content);
      const requestId = unconfirmed.current.get(key) ?? newRequestId();
      unconfirmed.current.set(key, requestId);
      setState(key, { kind: 'sending' });
      try {
        const result = await sendContent({ requestId, externalUserId, content }, (recorded) => {
          if (recorded) return;
          setStates((current) => {
            const state = current[key];
            return state?.kind === 'sent' ? { ...current, [key]: { ...state, unrecorded: true } } : current;
          });
        });
        // A prepare lost on the way keeps its requestId: the next tap repeats this action rather than starting another.
        const repeatable = result.kind === 'failed' && !result.prepared && result.retryable;
        if (!repeatable) unconfirmed.current.delete(key);
        if (result.kind === 'sent') setState(key, { kind: 'sent', missingVariables: result.missingVariables, unrecorded: false });
        else if (result.kind === 'cancelled') setState(key, { kind: 'cancelled' });
        else setState(key, { kind: 'failed', message: result.message });
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [externalUserId, setState],
  );

  const stateOf = useCallback((content: ContentRef) => states[contentKey(content)] ?? IDLE, [states]);
  return { send, stateOf, busy };
}
