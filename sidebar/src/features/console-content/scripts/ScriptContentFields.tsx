import type { ErrorDetail } from '@zhike/shared/errors';
import { AssetUpload } from '../assets/AssetUpload';
import { FieldError } from '../form/FieldError';
import { TextWithVariables } from '../form/TextWithVariables';
import type { ScriptDraft } from './script-draft';

interface ScriptContentFieldsProps {
  draft: ScriptDraft;
  onChange: (change: Partial<ScriptDraft>) => void;
  details: readonly ErrorDetail[];
  disabled: boolean;
}

/** The fields of the chosen type; the server's paths are `body.content.<field>`. */
export function ScriptContentFields({ draft, onChange, details, disabled }: ScriptContentFieldsProps) {
  switch (draft.type) {
    case 'text':
      return <TextWithVariables label="内容" multiline maxLength={2000} value={draft.text} onChange={(text) => onChange({ text })} field="body.content.text" details={details} placeholder="{{客户称呼}}您好，…" />;
    case 'image':
      return <AssetUpload label="图片" kind="image" value={draft.image} onChange={(image) => onChange({ image })} field="body.content.assetId" details={details} hint="PNG 或 JPEG，不超过 2 MB" disabled={disabled} />;
    case 'file':
      return <AssetUpload label="文件" kind="file" value={draft.file} onChange={(file) => onChange({ file })} field="body.content.assetId" details={details} hint="PDF，不超过 20 MB" disabled={disabled} />;
    case 'link': {
      const link = draft.link;
      const set = (change: Partial<ScriptDraft['link']>) => onChange({ link: { ...link, ...change } });
      return (
        <>
          <label className="form-field">
            <span className="form-label">链接地址</span>
            <input className="form-input" type="url" value={link.url} placeholder="https://" onChange={(event) => set({ url: event.target.value })} />
            <FieldError details={details} field="body.content.url" />
          </label>
          <TextWithVariables label="卡片标题" maxLength={64} value={link.title} onChange={(title) => set({ title })} field="body.content.title" details={details} />
          <TextWithVariables label="卡片摘要" maxLength={128} value={link.desc} onChange={(desc) => set({ desc })} field="body.content.desc" details={details} />
          <AssetUpload label="卡片缩略图（可选）" kind="image" optional value={link.image} onChange={(image) => set({ image })} field="body.content.imageAssetId" details={details} disabled={disabled} />
        </>
      );
    }
    case 'miniprogram': {
      const card = draft.miniprogram;
      const set = (change: Partial<ScriptDraft['miniprogram']>) => onChange({ miniprogram: { ...card, ...change } });
      return (
        <>
          <TextWithVariables label="卡片标题" maxLength={64} value={card.title} onChange={(title) => set({ title })} field="body.content.title" details={details} />
          <label className="form-field">
            <span className="form-label">小程序页面</span>
            <input className="form-input" value={card.page} placeholder="pages/index/index" onChange={(event) => set({ page: event.target.value })} />
            <span className="form-hint">我们小程序中的页面路径，不带开头的 / 和参数。</span>
            <FieldError details={details} field="body.content.page" />
          </label>
          <AssetUpload label="卡片封面" kind="image" value={card.image} onChange={(image) => set({ image })} field="body.content.imageAssetId" details={details} hint="建议 5:4，PNG 或 JPEG，不超过 2 MB" disabled={disabled} />
        </>
      );
    }
  }
}

/** Where the content fields above show issues; the rest go to the banner on top. */
export const CONTENT_FIELDS = ['text', 'assetId', 'url', 'title', 'desc', 'imageAssetId', 'page'].map((key) => ({ field: `body.content.${key}` }));
