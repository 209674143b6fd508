import type { ScriptView } from '@zhike/shared/scripts';
import type { ReactElement } from 'react';
import type { RecommendedState } from './use-recommended-scripts';

interface RecommendedScriptsProps {
  state: RecommendedState;
  renderScript: (script: ScriptView, reason: string) => ReactElement;
}

/** 为你推荐: up to three scripts that fit this customer now, each saying why in one line. */
export function RecommendedScripts({ state, renderScript }: RecommendedScriptsProps) {
  if (state.kind === 'ready' && state.items.length === 0) return null;
  return (
    <section className="script-recommended" aria-label="为你推荐" data-testid="recommended-scripts">
      <h3 className="content-section-title">为你推荐</h3>
      {state.kind === 'loading' && (
        <div aria-busy="true">
          <div className="skeleton skeleton-line" style={{ width: '70%' }} />
        </div>
      )}
      {state.kind === 'failed' && <p className="content-muted">暂时没有推荐：{state.message}</p>}
      {state.kind === 'ready' && <ul className="script-list">{state.items.map((item) => renderScript(item.script, item.reason))}</ul>}
    </section>
  );
}
