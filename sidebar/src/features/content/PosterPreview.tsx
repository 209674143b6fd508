import type { PosterTemplateView } from '@zhike/shared/posters';
import { useState } from 'react';
import { posterPreviewUrl } from './posters.api';

type ImageState = 'loading' | 'loaded' | 'failed';

/**
 * The poster as this customer will get it, rendered by the server for (template, salesperson, customer). The
 * frame keeps the poster's proportions while it renders (~100 ms the first time), so nothing jumps.
 */
export function PosterPreview({ externalUserId, template }: { externalUserId: string; template: PosterTemplateView }) {
  const [state, setState] = useState<ImageState>('loading');
  const [attempt, setAttempt] = useState(0);

  return (
    <div className={`poster-frame poster-frame-${state}`} style={frameSize(template)}>
      {state === 'loading' && (
        <div className="poster-loading skeleton" role="status">
          正在生成专属海报…
        </div>
      )}
      {state === 'failed' ? (
        <div className="poster-failed" role="alert">
          <p>海报预览没有生成出来，请稍后重试。</p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setState('loading');
              setAttempt((n) => n + 1);
            }}
          >
            重试
          </button>
        </div>
      ) : (
        <img
          key={attempt}
          className="poster-image"
          src={posterPreviewUrl(externalUserId, template.id)}
          alt={`海报「${template.name}」预览`}
          onLoad={() => setState('loaded')}
          onError={() => setState('failed')}
          data-testid="poster-preview"
        />
      )}
    </div>
  );
}

/** The poster's proportions, at most half the toolbar's height, so 发送海报 stays in view below it. */
function frameSize({ width, height }: PosterTemplateView) {
  return { aspectRatio: `${width} / ${height}`, width: `min(100%, calc(50vh * ${(width / height).toFixed(4)}))` };
}
