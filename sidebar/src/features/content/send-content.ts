import type { ContentRef, PreparedContentSend, ReportSendOutcomeRequest } from '@zhike/shared/content';
import { describeError } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';
import { sendChatMessage } from '../../lib/wecom';
import { WeComError } from '../../lib/wecom-error';
import { messageOf } from './content-error';
import { prepareContentSend, reportSendOutcome } from './content-sends.api';

/** How one tap ended, as the salesperson reads it. Only `sent` counts as a send. */
export type SendResult =
  | { kind: 'sent'; missingVariables: string[]; sendId: string }
  | { kind: 'cancelled'; sendId: string }
  /** `prepared`: the server made a send record, so the failure was reported against it. */
  | { kind: 'failed'; message: string; retryable: boolean; prepared: boolean };

export interface SendRequest {
  requestId: string;
  externalUserId: string;
  content: ContentRef;
}

/** Waits between tries of the outcome report; the salesperson is told the result before the first. */
export const OUTCOME_RETRY_DELAYS_MS = [1_000, 3_000];

/**
 * One tap: the server prepares the exact message (variables, media id, tracking token), WeCom puts it in the
 * chat, and the server hears how that went. Once a send record exists, `onOutcomeReported(false)` means
 * every report of it failed, so the statistics may miss this send; the chat itself is unaffected.
 */
export async function sendContent(request: SendRequest, onOutcomeReported: (recorded: boolean) => void = () => undefined): Promise<SendResult> {
  let prepared: PreparedContentSend;
  try {
    prepared = await prepareContentSend(request);
  } catch (error) {
    return { kind: 'failed', message: messageOf(error), retryable: isRetryable(error), prepared: false };
  }

  let result: SendResult;
  let outcome: ReportSendOutcomeRequest;
  try {
    await sendChatMessage(prepared.message);
    result = { kind: 'sent', missingVariables: prepared.missingVariables, sendId: prepared.sendId };
    outcome = { outcome: 'sent' };
  } catch (error) {
    const errMsg = sdkErrMsg(error);
    if (error instanceof WeComError && error.keyword.includes('cancel')) {
      result = { kind: 'cancelled', sendId: prepared.sendId };
      outcome = { outcome: 'cancelled', error: errMsg };
    } else {
      result = { kind: 'failed', message: describeError(error).message, retryable: true, prepared: true };
      outcome = { outcome: 'failed', error: errMsg };
    }
  }
  void reportWithRetries(prepared.sendId, outcome).then(onOutcomeReported);
  return result;
}

async function reportWithRetries(sendId: string, outcome: ReportSendOutcomeRequest): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await reportSendOutcome(sendId, outcome);
      return true;
    } catch (error) {
      const delay = OUTCOME_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isRetryable(error)) return false;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Worth trying again (network, server busy); a refusal (403, 404, bad input) is not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return !(error.status >= 400 && error.status < 500) || error.code === 'RATE_LIMITED';
}

/** What WeCom said, for the send record (`sendChatMessage:fail no permission`). */
function sdkErrMsg(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 300);
}
