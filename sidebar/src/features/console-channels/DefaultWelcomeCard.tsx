import type { DefaultWelcome } from '@zhike/shared/channels';
import type { ErrorDetail } from '@zhike/shared/errors';
import { useEffect, useState } from 'react';
import { errorDetails } from '../../lib/http-write';
import { ChannelFieldError } from './ChannelFieldError';
import { fetchDefaultWelcome, saveDefaultWelcome } from './channels.api';
import { WelcomePreview } from './WelcomePreview';

/** The corp's default welcome: for channels without their own, and (if chosen) for every other add. */
export function DefaultWelcomeCard() {
  const [text, setText] = useState('');
  const [applyToOtherAdds, setApplyToOtherAdds] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [details, setDetails] = useState<ErrorDetail[]>([]);

  useEffect(() => {
    let live = true;
    fetchDefaultWelcome().then(
      (current) => {
        if (!live) return;
        setText(current.welcome?.text ?? '');
        setApplyToOtherAdds(current.applyToOtherAdds);
      },
      () => live && setStatus('默认欢迎语加载失败'),
    );
    return () => {
      live = false;
    };
  }, []);

  const save = async () => {
    const request: DefaultWelcome = { welcome: text.trim() ? { text, attachments: [] } : null, applyToOtherAdds };
    try {
      await saveDefaultWelcome(request);
      setDetails([]);
      setStatus(text.trim() ? '默认欢迎语已保存' : '已清空默认欢迎语');
    } catch (error) {
      setDetails(errorDetails(error));
      setStatus(error instanceof Error ? error.message : '保存失败');
    }
  };

  return (
    <section className="console-card" data-testid="default-welcome" aria-label="默认欢迎语">
      <h2>默认欢迎语</h2>
      <textarea className="form-input" rows={3} aria-label="默认欢迎语" value={text} onChange={(e) => setText(e.target.value)} placeholder="留空则没有默认欢迎语" />
      <ChannelFieldError details={details} field="body.welcome.text" />
      <label className="checkbox">
        <input type="checkbox" checked={applyToOtherAdds} onChange={(e) => setApplyToOtherAdds(e.target.checked)} /> 客户通过其他方式添加销售时也发送
      </label>
      {text.trim() && <WelcomePreview text={text} salesperson="李雷" />}
      <div className="editor-actions">
        <button type="button" className="button" data-testid="save-default-welcome" onClick={() => void save()}>
          保存默认欢迎语
        </button>
        {status && <span className="form-hint" role="status">{status}</span>}
      </div>
    </section>
  );
}
