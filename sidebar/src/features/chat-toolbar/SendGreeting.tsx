import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { sendTextToChat } from '../../lib/wecom';

type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/** One-tap greeting through sendChatMessage: the smallest real use of the chat toolbar until scripts arrive. */
export function SendGreeting({ staffName }: { staffName: string }) {
  const [state, setState] = useState<SendState>({ kind: 'idle' });
  const text = `您好，我是${staffName}，有任何问题随时找我。`;

  async function send() {
    setState({ kind: 'sending' });
    try {
      await sendTextToChat(text);
      setState({ kind: 'sent' });
    } catch (error) {
      const { title, message } = describeError(error);
      setState({ kind: 'failed', message: `${title}：${message}` });
    }
  }

  return (
    <div className="card">
      <div className="card-title">打个招呼</div>
      <p className="card-preview">{text}</p>
      <button type="button" className="button button-primary" onClick={send} disabled={state.kind === 'sending'}>
        {state.kind === 'sending' ? '发送中…' : '发送到聊天'}
      </button>
      {state.kind === 'sent' && (
        <p className="toast toast-ok" role="status">
          已发送到聊天窗口
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="toast toast-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
