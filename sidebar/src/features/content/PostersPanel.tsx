import type { PosterTemplateView } from '@zhike/shared/posters';
import { useState } from 'react';
import { PosterPreview } from './PosterPreview';
import { SendStatus, sendButtonLabel } from './SendStatus';
import { useContentSender } from './use-content-sender';
import { usePosterTemplates } from './use-poster-templates';

/**
 * The 海报 tab: the active templates; the chosen one previewed as made for this customer (the QR code names
 * the salesperson and the customer), and one tap sends it as an image.
 */
export function PostersPanel({ externalUserId }: { externalUserId: string }) {
  const { state, retry } = usePosterTemplates();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const sender = useContentSender(externalUserId);

  if (state.kind === 'loading')
    return (
      <div className="posters-panel" aria-busy="true">
        <div className="skeleton skeleton-line" style={{ width: '60%' }} />
        <div className="skeleton poster-frame" style={{ aspectRatio: '3 / 4', width: 'min(100%, 37.5vh)' }} />
        <p className="visually-hidden" role="status">
          正在加载海报…
        </p>
      </div>
    );
  if (state.kind === 'failed')
    return (
      <div className="content-empty" role="alert">
        <p>海报加载失败：{state.message}</p>
        <button type="button" className="button button-small" onClick={retry}>
          重试
        </button>
      </div>
    );
  if (state.value.length === 0) return <p className="content-empty">还没有可用的海报，请管理员在管理后台添加海报模板。</p>;

  // The first template is shown at once: one tap less for the common case of one campaign poster.
  const chosen = state.value.find((t) => t.id === chosenId) ?? state.value[0]!;
  const content = { kind: 'poster', templateId: chosen.id } as const;
  const sendState = sender.stateOf(content);

  return (
    <div className="posters-panel">
      <ul className="poster-templates" aria-label="海报模板">
        {state.value.map((template) => (
          <li key={template.id}>
            <PosterTemplateButton template={template} chosen={template.id === chosen.id} onChoose={() => setChosenId(template.id)} />
          </li>
        ))}
      </ul>
      <section className="poster-stage" aria-label={`海报「${chosen.name}」`}>
        <PosterPreview key={chosen.id} externalUserId={externalUserId} template={chosen} />
        <button
          type="button"
          className="button button-primary poster-send"
          onClick={() => void sender.send(content)}
          disabled={sender.busy || sendState.kind === 'sending'}
          data-testid="send-poster"
        >
          {sendButtonLabel(sendState, '发送海报')}
        </button>
        <SendStatus state={sendState} testId="poster-send-status" />
      </section>
    </div>
  );
}

function PosterTemplateButton({ template, chosen, onChoose }: { template: PosterTemplateView; chosen: boolean; onChoose: () => void }) {
  return (
    <button type="button" className="poster-template" aria-pressed={chosen} onClick={onChoose} data-testid="poster-template" data-template-id={template.id}>
      <span className="poster-template-name">{template.name}</span>
      {template.campaign && <span className="poster-template-campaign">{template.campaign}</span>}
    </button>
  );
}
