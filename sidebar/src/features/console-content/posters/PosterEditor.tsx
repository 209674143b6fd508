import type { PosterTemplateView } from '@zhike/shared/posters';
import { useState } from 'react';
import { AssetUpload } from '../assets/AssetUpload';
import { FieldError } from '../form/FieldError';
import { FormErrorBanner } from '../form/FormErrorBanner';
import { NumberField } from '../form/NumberField';
import type { PlacedField } from '../form/field-issues';
import { layerFieldPaths } from './LayerFields';
import { LayerList } from './LayerList';
import type { PosterDraft } from './poster-draft';
import { PosterSketch } from './PosterSketch';
import { usePosterEditor } from './use-poster-editor';

const SIZE_PRESETS = [
  { label: '手机海报 750 × 1334', width: 750, height: 1334 },
  { label: '长图 750 × 1624', width: 750, height: 1624 },
  { label: '方形 1080 × 1080', width: 1080, height: 1080 },
];

const TOP_FIELDS = ['name', 'campaign', 'width', 'height', 'backgroundAssetId', 'qrPage', 'scanValidDays', 'layers'].map((key) => `body.${key}`);

function placedFields(layerCount: number): PlacedField[] {
  const layers = Array.from({ length: layerCount }, (_, index) => layerFieldPaths(`body.layers.${index}`)).flat();
  return [...TOP_FIELDS, ...layers].map((field) => ({ field }));
}

/** Create or edit one poster template; 预览 renders it on the server with sample data. */
export function PosterEditor({ initial, onSaved, onClose }: { initial: PosterDraft; onSaved: (template: PosterTemplateView | null) => void; onClose: () => void }) {
  const editor = usePosterEditor({ initial, onSaved });
  const { draft, error, busy } = editor;
  const [confirmRetire, setConfirmRetire] = useState(false);
  const details = error?.details ?? [];
  const change = (next: Partial<PosterDraft>) => editor.setDraft((current) => ({ ...current, ...next }));
  const canvas = { width: Number(draft.width), height: Number(draft.height) };
  const preset = SIZE_PRESETS.findIndex((size) => String(size.width) === draft.width && String(size.height) === draft.height);

  return (
    <section className="console-card poster-editor" data-testid="poster-editor" aria-label="海报模板编辑">
      <div className="panel-head">
        <h2>{draft.id ? '编辑海报模板' : '新建海报模板'}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      <FormErrorBanner error={error} placed={placedFields(draft.layers.length)}>
        {error?.conflict && (
          <div className="banner-actions">
            <span>在你编辑期间，有同事保存了这个模板。重新加载会显示最新内容，你未保存的修改将丢失。</span>
            <button type="button" className="button button-small button-primary" data-testid="reload-poster" disabled={busy !== null} onClick={editor.reloadLatest}>
              {busy === 'reloading' ? '加载中…' : '重新加载'}
            </button>
          </div>
        )}
      </FormErrorBanner>
      {draft.retired && <p className="notice">这个模板已停用，销售不能再用它生成海报；内容仅供查看。</p>}
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
            editor.save();
          }}
        >
          <fieldset className="editor-fieldset" disabled={draft.retired}>
            <div className="field-row">
              <label className="form-field">
                <span className="form-label">名称</span>
                <input className="form-input" data-testid="poster-name-input" value={draft.name} maxLength={30} onChange={(event) => change({ name: event.target.value })} />
                <FieldError details={details} field="body.name" />
              </label>
              <label className="form-field">
                <span className="form-label">活动（可选）</span>
                <input className="form-input" value={draft.campaign} maxLength={30} placeholder="如 双11" onChange={(event) => change({ campaign: event.target.value })} />
                <FieldError details={details} field="body.campaign" />
              </label>
            </div>
            <div className="field-row">
              <label className="form-field">
                <span className="form-label">尺寸</span>
                <select
                  className="form-input"
                  value={preset}
                  onChange={(event) => {
                    const size = SIZE_PRESETS[Number(event.target.value)];
                    if (size) change({ width: String(size.width), height: String(size.height) });
                  }}
                >
                  {SIZE_PRESETS.map((size, index) => (
                    <option key={size.label} value={index}>
                      {size.label}
                    </option>
                  ))}
                  <option value={-1}>自定义</option>
                </select>
              </label>
              <NumberField label="宽" unit="px" min={200} max={1500} value={draft.width} onChange={(width) => change({ width })} field="body.width" details={details} />
              <NumberField label="高" unit="px" min={200} max={2500} value={draft.height} onChange={(height) => change({ height })} field="body.height" details={details} />
            </div>
            <AssetUpload label="背景图" kind="image" value={draft.background} onChange={(background) => change({ background })} field="body.backgroundAssetId" details={details} hint="与海报同尺寸的 PNG 或 JPEG，不超过 2 MB" />
            <div className="field-row">
              <label className="form-field">
                <span className="form-label">扫码进入的小程序页面</span>
                <input className="form-input" value={draft.qrPage} onChange={(event) => change({ qrPage: event.target.value })} />
                <FieldError details={details} field="body.qrPage" />
              </label>
              <NumberField label="二维码有效期" unit="天" min={1} max={365} value={draft.scanValidDays} onChange={(scanValidDays) => change({ scanValidDays })} field="body.scanValidDays" details={details} />
            </div>
            <LayerList layers={draft.layers} canvas={canvas} details={details} onChange={(layers) => change({ layers })} />
          </fieldset>
          <div className="editor-actions">
            <button type="button" className="button" data-testid="preview-poster" disabled={busy !== null} onClick={editor.renderPreview}>
              {busy === 'previewing' ? '生成中…' : '预览'}
            </button>
            {!draft.retired && (
              <button type="submit" className="button button-primary" data-testid="save-poster" disabled={busy !== null}>
                {busy === 'saving' ? '保存中…' : '保存'}
              </button>
            )}
            {draft.id && !draft.retired && !confirmRetire && (
              <button type="button" className="button button-danger-outline" onClick={() => setConfirmRetire(true)}>
                停用
              </button>
            )}
            {draft.id && !draft.retired && confirmRetire && (
              <span className="inline-confirm" role="alert">
                停用后销售不能再用它生成海报，已发出的海报仍可扫码。
                <button type="button" className="button button-small button-danger" disabled={busy !== null} onClick={editor.retire}>
                  确定停用
                </button>
                <button type="button" className="button button-small" onClick={() => setConfirmRetire(false)}>
                  取消
                </button>
              </span>
            )}
          </div>
        </form>
        <aside className="poster-preview" aria-label="海报预览">
          {editor.previewUrl ? (
            <img className="poster-preview-image" data-testid="poster-preview-image" src={editor.previewUrl} alt="海报预览（示例数据：你作为销售，王小明作为客户）" />
          ) : (
            <PosterSketch draft={draft} />
          )}
          <p className="form-hint">{editor.previewUrl ? '预览使用示例数据：你作为销售，王小明作为客户。修改后请再次点“预览”。' : '图层位置示意；点“预览”查看服务器生成的真实海报。'}</p>
          {editor.previewUrl && (
            <button type="button" className="link-button" onClick={() => editor.clearPreview()}>
              返回位置示意
            </button>
          )}
        </aside>
      </div>
    </section>
  );
}
