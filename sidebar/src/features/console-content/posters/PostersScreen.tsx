import { formatShanghaiDateTime } from '@zhike/shared/time';
import { useState } from 'react';
import { NeedsPermission } from '../../../lib/ui/NeedsPermission';
import { draftFromTemplate, emptyPosterDraft, type PosterDraft } from './poster-draft';
import { PosterEditor } from './PosterEditor';
import { usePosterTemplates } from './use-poster-templates';
import { LoadStatus } from '../../../lib/ui/LoadStatus';

/** 海报模板: the templates on the left, the editor with its preview on the right. */
export default function PostersScreen() {
  const { state, reload } = usePosterTemplates();
  // `key` gives every opened template a fresh editor (and releases the last one's preview image).
  const [editing, setEditing] = useState<{ key: string; draft: PosterDraft } | null>(null);

  if (state.kind === 'failed' && state.error.forbidden) return <NeedsPermission minRole="admin" screen="海报模板" />;
  const templates = state.kind === 'ready' ? state.templates : [];

  return (
    <div className="posters-screen">
      <section className="console-card poster-list" aria-label="海报模板列表">
        <div className="panel-head">
          <h2>模板</h2>
          <button type="button" className="button button-primary button-small" data-testid="new-poster" onClick={() => setEditing({ key: `new-${Date.now()}`, draft: emptyPosterDraft() })}>
            新建模板
          </button>
        </div>
        <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.error.message : undefined} onRetry={reload} />
        {state.kind === 'ready' && templates.length === 0 && <p className="muted">还没有海报模板，点“新建模板”添加第一个。</p>}
        <ul className="script-rows">
          {templates.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                className="script-row"
                data-testid="poster-row"
                aria-pressed={editing?.key === template.id}
                onClick={() => setEditing({ key: template.id, draft: draftFromTemplate(template) })}
              >
                <span className="script-row-head">
                  <span className="script-row-title">{template.name}</span>
                  {template.campaign && <span className="type-chip">{template.campaign}</span>}
                  {template.retired && <span className="retired-chip">已停用</span>}
                </span>
                <span className="script-row-meta">
                  {template.width} × {template.height} · {template.layers.length} 个图层 · {formatShanghaiDateTime(template.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing ? (
        <PosterEditor key={editing.key} initial={editing.draft} onSaved={reload} onClose={() => setEditing(null)} />
      ) : (
        <section className="console-card editor-placeholder">
          <p className="muted">选择一个模板进行编辑，或点“新建模板”。</p>
        </section>
      )}
    </div>
  );
}
