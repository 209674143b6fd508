import type { StaffProfile } from '@zhike/shared/auth';
import { SCRIPT_TYPE_LABELS, ScriptType, type ScriptCategory, type ScriptView } from '@zhike/shared/scripts';
import { useState } from 'react';
import { FieldError } from '../form/FieldError';
import { FormErrorBanner } from '../form/FormErrorBanner';
import type { PlacedField } from '../form/field-issues';
import { KeywordsField } from './KeywordsField';
import { MessagePreview } from './MessagePreview';
import { CONTENT_FIELDS, ScriptContentFields } from './ScriptContentFields';
import type { ScriptDraft } from './script-draft';
import { StagesField } from './StagesField';
import { useScriptEditor } from './use-script-editor';
import { useStagePipeline } from './use-stage-pipeline';

const PLACED: PlacedField[] = [
  { field: 'body.title' },
  { field: 'body.categoryId' },
  { field: 'body.content' },
  { field: 'body.content.type' },
  ...CONTENT_FIELDS,
  { field: 'body.keywords', nested: true },
  { field: 'body.stages', nested: true },
];

interface ScriptEditorProps {
  initial: ScriptDraft;
  categories: readonly ScriptCategory[];
  staff: StaffProfile;
  onSaved: (script: ScriptView) => void;
  onClose: () => void;
}

/** Create or edit one shared script, with the message's preview beside the form. */
export function ScriptEditor({ initial, categories, staff, onSaved, onClose }: ScriptEditorProps) {
  const editor = useScriptEditor({ initial, onSaved });
  const { draft, error, busy } = editor;
  const [confirmRetire, setConfirmRetire] = useState(false);
  const stages = useStagePipeline();
  const details = error?.details ?? [];
  const change = (next: Partial<ScriptDraft>) => editor.setDraft((current) => ({ ...current, ...next }));
  const readOnly = draft.retired;

  return (
    <section className="console-card script-editor" data-testid="script-editor" aria-label="话术编辑">
      <div className="panel-head">
        <h2>{draft.id ? '编辑话术' : '新建话术'}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      <FormErrorBanner error={error} placed={PLACED}>
        {error?.conflict && (
          <div className="banner-actions">
            <span>在你编辑期间，有同事保存了这条话术。重新加载会显示最新内容，你未保存的修改将丢失。</span>
            <button type="button" className="button button-small button-primary" data-testid="reload-script" disabled={busy !== null} onClick={() => void editor.reloadLatest()}>
              {busy === 'reloading' ? '加载中…' : '重新加载'}
            </button>
          </div>
        )}
      </FormErrorBanner>
      {readOnly && <p className="notice">这条话术已停用，销售在侧边栏看不到它；内容仅供查看。</p>}
      {editor.savedAt && !error && (
        <p className="toast toast-ok" role="status">
          已保存
        </p>
      )}
      <div className="editor-columns">
        <form
          className="editor-form"
          onSubmit={(event) => {
            event.preventDefault();
            void editor.save();
          }}
        >
          <fieldset className="editor-fieldset" disabled={readOnly}>
            <label className="form-field">
              <span className="form-label">标题</span>
              <input className="form-input" data-testid="script-title-input" value={draft.title} maxLength={64} onChange={(event) => change({ title: event.target.value })} />
              <FieldError details={details} field="body.title" />
            </label>
            <label className="form-field">
              <span className="form-label">分类</span>
              <select className="form-input" value={draft.categoryId} onChange={(event) => change({ categoryId: event.target.value })}>
                <option value="">请选择分类</option>
                {categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.parentId ? `　└ ${category.name}` : category.name}
                  </option>
                ))}
              </select>
              <FieldError details={details} field="body.categoryId" />
            </label>
            <div className="form-field" role="radiogroup" aria-label="类型">
              <span className="form-label">类型</span>
              <span className="segmented">
                {ScriptType.options.map((type) => (
                  <button key={type} type="button" role="radio" aria-checked={draft.type === type} className="segment" onClick={() => change({ type })}>
                    {SCRIPT_TYPE_LABELS[type]}
                  </button>
                ))}
              </span>
              <FieldError details={details} field="body.content" />
              <FieldError details={details} field="body.content.type" />
            </div>
            <ScriptContentFields draft={draft} onChange={change} details={details} disabled={readOnly || busy !== null} />
            <KeywordsField value={draft.keywords} onChange={(keywords) => change({ keywords })} details={details} />
            <StagesField value={draft.stages} stages={stages} onChange={(next) => change({ stages: next })} details={details} />
          </fieldset>
          {!readOnly && (
            <div className="editor-actions">
              <button type="submit" className="button button-primary" data-testid="save-script" disabled={busy !== null}>
                {busy === 'saving' ? '保存中…' : '保存'}
              </button>
              {draft.id && !confirmRetire && (
                <button type="button" className="button button-danger-outline" onClick={() => setConfirmRetire(true)}>
                  停用
                </button>
              )}
              {draft.id && confirmRetire && (
                <span className="inline-confirm" role="alert">
                  停用后销售在侧边栏看不到这条话术，已发出的消息不受影响。
                  <button type="button" className="button button-small button-danger" data-testid="confirm-retire-script" disabled={busy !== null} onClick={() => void editor.retire().then(() => setConfirmRetire(false))}>
                    确定停用
                  </button>
                  <button type="button" className="button button-small" onClick={() => setConfirmRetire(false)}>
                    取消
                  </button>
                </span>
              )}
            </div>
          )}
        </form>
        <MessagePreview draft={draft} staff={staff} />
      </div>
    </section>
  );
}
