import type { ScriptView } from '@zhike/shared/scripts';
import { ScriptPreview } from './ScriptPreview';
import { SendStatus, sendButtonLabel } from './SendStatus';
import { scriptTypeLabel } from './script-format';
import type { ContentSendState } from './use-content-sender';

interface ScriptItemProps {
  script: ScriptView;
  sendState: ContentSendState;
  /** Another send is out: one at a time. */
  sendDisabled: boolean;
  onSend: () => void;
  favouritePending: boolean;
  onToggleFavourite: () => void;
  /** 为你推荐 only: why this one fits the customer. */
  reason?: string;
  testId?: 'script-item' | 'recommended-script';
}

/** One script: type, title, star, what it says, and one tap to send it into the chat. */
export function ScriptItem({ script, sendState, sendDisabled, onSend, favouritePending, onToggleFavourite, reason, testId = 'script-item' }: ScriptItemProps) {
  return (
    <li className={`script-item${reason ? ' script-item-recommended' : ''}`} data-testid={testId} data-script-id={script.id}>
      <div className="script-item-head">
        <span className={`script-type script-type-${script.content.type}`}>{scriptTypeLabel(script.content.type)}</span>
        <span className="script-title" title={script.title}>
          {script.title}
        </span>
        {script.scope === 'personal' && <span className="script-scope">个人</span>}
        <button
          type="button"
          className="script-favourite"
          aria-pressed={script.favourite}
          aria-label={script.favourite ? `取消收藏「${script.title}」` : `收藏「${script.title}」`}
          title={script.favourite ? '取消收藏' : '收藏'}
          disabled={favouritePending}
          onClick={onToggleFavourite}
          data-testid="script-favourite"
        >
          {script.favourite ? '★' : '☆'}
        </button>
      </div>
      {reason && (
        <p className="script-reason" data-testid="recommended-reason" title={reason}>
          {reason}
        </p>
      )}
      <ScriptPreview content={script.content} />
      <div className="script-item-foot">
        <span className="script-usage">{script.usageCount > 0 ? `已用 ${script.usageCount} 次` : '还没用过'}</span>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={onSend}
          disabled={sendDisabled || sendState.kind === 'sending'}
          aria-label={`发送「${script.title}」`}
          data-testid="send-script"
        >
          {sendButtonLabel(sendState, '发送')}
        </button>
      </div>
      <SendStatus state={sendState} testId="script-send-status" />
    </li>
  );
}
