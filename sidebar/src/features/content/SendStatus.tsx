import { missingVariablesHint } from './script-format';
import type { ContentSendState } from './use-content-sender';

/**
 * The line under an item after a tap. The status text is exactly 已发送 / 已取消 / 发送失败：… so a glance (and
 * the browser test) can tell them apart; hints about the send go on lines of their own.
 */
export function SendStatus({ state, testId }: { state: ContentSendState; testId: string }) {
  switch (state.kind) {
    case 'idle':
    case 'sending':
      return null;
    case 'sent': {
      const hint = missingVariablesHint(state.missingVariables);
      return (
        <div className="content-send-result">
          <p className="content-send-status content-send-ok" role="status" data-testid={testId}>
            已发送
          </p>
          {hint && (
            <p className="content-send-hint" data-testid="send-missing-variables">
              {hint}
            </p>
          )}
          {state.unrecorded && <p className="content-send-hint">发送记录没能保存到服务器，这次发送可能不计入统计。</p>}
        </div>
      );
    }
    case 'cancelled':
      return (
        <p className="content-send-status content-send-cancelled" role="status" data-testid={testId}>
          已取消
        </p>
      );
    case 'failed':
      return (
        <p className="content-send-status content-send-failed" role="alert" data-testid={testId}>
          发送失败：{state.message}
        </p>
      );
  }
}

/** 发送 / 发送中… on the button itself, so the tapped item says it is busy. */
export function sendButtonLabel(state: ContentSendState, idle: string): string {
  if (state.kind === 'sending') return '发送中…';
  if (state.kind === 'sent') return '再发一次';
  if (state.kind === 'failed' || state.kind === 'cancelled') return '重新发送';
  return idle;
}
