import type { StageKey } from '@zhike/shared/stages';
import type { ChangeCustomerStageRequest, TimelineEntry } from '@zhike/shared/timeline';
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../lib/http';
import { newRequestId } from '../../lib/request-id';
import { changeCustomerStage } from './customer-follow-up.api';
import { isRetryable, messageOf } from './save-error';

interface StageEditorOptions {
  externalUserId: string;
  /** The stage on screen: what a change is based on (expectedStage). */
  stage: StageKey;
  /** The server moved the customer; `entry` is the stage_changed line for the timeline. */
  onChanged: (stage: StageKey, entry: TimelineEntry) => void;
  /** A colleague moved the customer meanwhile: the 360 on screen is stale and must be asked again. */
  onConflict: () => void;
}

/**
 * The stage chip's editing: choosing a stage shows it at once (`shown`) and POSTs it from the stage on screen;
 * a failure puts the old stage back and says why. Choosing the same move again after a failure resends the
 * same requestId, so a request whose answer was lost is applied once rather than recorded twice.
 */
export function useStageEditor({ externalUserId, stage, onChanged, onConflict }: StageEditorOptions) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<StageKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unconfirmed = useRef<ChangeCustomerStageRequest | null>(null);

  const toggle = useCallback(() => {
    setError(null);
    setOpen((isOpen) => !isOpen);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  async function choose(next: StageKey) {
    setOpen(false);
    if (pending || next === stage) return; // the server refuses a move to where the customer already is
    const previous = unconfirmed.current;
    const request = previous && previous.stage === next && previous.expectedStage === stage ? previous : { requestId: newRequestId(), stage: next, expectedStage: stage };
    unconfirmed.current = request;
    setPending(next);
    setError(null);
    try {
      const entry = await changeCustomerStage(externalUserId, request);
      unconfirmed.current = null;
      onChanged(next, entry);
    } catch (failure) {
      // Only a failure that may not have reached the server is worth resending under the same key.
      if (!isRetryable(failure)) unconfirmed.current = null;
      setError(messageOf(failure));
      if (failure instanceof ApiError && failure.code === 'CONFLICT') onConflict();
    } finally {
      setPending(null);
    }
  }

  return { open, saving: pending !== null, shown: pending ?? stage, error, toggle, close, choose };
}

export type StageEditor = ReturnType<typeof useStageEditor>;
