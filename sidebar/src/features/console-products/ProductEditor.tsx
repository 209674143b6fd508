import { AssetUpload } from '../console-content/assets/AssetUpload';
import { FieldError } from '../console-content/form/FieldError';
import { FormErrorBanner } from '../console-content/form/FormErrorBanner';
import type { PlacedField } from '../console-content/form/field-issues';
import { ImageListField } from './ImageListField';
import type { AdminProduct } from './products.api';
import type { ProductDraft } from './product-draft';
import { SkuTable } from './SkuTable';
import { useProductEditor } from './use-product-editor';

const PLACED: PlacedField[] = [
  { field: 'body.name' },
  { field: 'body.subtitle' },
  { field: 'body.coverAssetId' },
  { field: 'body.imageAssetIds', nested: true },
  { field: 'body.originalPriceFen' },
  { field: 'body.badges', nested: true },
  { field: 'body.description', nested: true },
  { field: 'body.featuredRank' },
  { field: 'body.skus', nested: true },
];

interface ProductEditorProps {
  initial: ProductDraft;
  onSaved: (product: AdminProduct) => void;
  onClose: () => void;
}

/** Create or edit one product: texts, images (uploaded at once), badges, paragraphs, rank and SKUs. */
export function ProductEditor({ initial, onSaved, onClose }: ProductEditorProps) {
  const editor = useProductEditor({ initial, onSaved });
  const { draft, error, saving } = editor;
  const details = error?.details ?? [];
  const change = (next: Partial<ProductDraft>) => editor.setDraft((current) => ({ ...current, ...next }));

  return (
    <section className="console-card product-editor" data-testid="product-editor" aria-label="商品编辑">
      <div className="panel-head">
        <h2>{draft.id ? '编辑商品' : '新建商品'}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      <FormErrorBanner error={error} placed={PLACED} />
      {editor.saved && !error && (
        <p className="toast toast-ok" role="status">
          已保存
        </p>
      )}
      <form
        className="editor-form"
        onSubmit={(event) => {
          event.preventDefault();
          void editor.save();
        }}
      >
        <fieldset className="editor-fieldset" disabled={saving}>
          <div className="field-row">
            <label className="form-field">
              <span className="form-label">商品名称</span>
              <input className="form-input" aria-label="商品名称" data-testid="product-name-input" maxLength={40} value={draft.name} onChange={(event) => change({ name: event.target.value })} />
              <FieldError details={details} field="body.name" />
            </label>
            <label className="form-field">
              <span className="form-label">副标题</span>
              <input aria-label="副标题" className="form-input" maxLength={60} value={draft.subtitle} onChange={(event) => change({ subtitle: event.target.value })} />
              <FieldError details={details} field="body.subtitle" />
            </label>
          </div>
          <AssetUpload label="封面图" kind="image" value={draft.cover} onChange={(cover) => change({ cover })} field="body.coverAssetId" details={details} hint="正方形效果最好，也用作代客下单卡片的封面" />
          <ImageListField images={draft.images} onChange={(images) => change({ images })} details={details} />
          <div className="field-row">
            <label className="form-field">
              <span className="form-label">划线价（元，可不填）</span>
              <input aria-label="划线价（元，可不填）" className="form-input" inputMode="decimal" value={draft.originalPrice} onChange={(event) => change({ originalPrice: event.target.value })} />
              <FieldError details={details} field="body.originalPriceFen" />
            </label>
            <label className="form-field">
              <span className="form-label">推荐排序（越大越靠前）</span>
              <input aria-label="推荐排序（越大越靠前）" className="form-input" inputMode="numeric" value={draft.featuredRank} onChange={(event) => change({ featuredRank: event.target.value })} />
              <FieldError details={details} field="body.featuredRank" />
            </label>
          </div>
          <label className="form-field">
            <span className="form-label">标签（空格分隔，最多 3 个）</span>
            <input aria-label="标签（空格分隔，最多 3 个）" className="form-input" placeholder="热卖 新品" value={draft.badges} onChange={(event) => change({ badges: event.target.value })} />
            <FieldError details={details} field="body.badges" nested />
          </label>
          <label className="form-field">
            <span className="form-label">商品介绍（每行一段）</span>
            <textarea aria-label="商品介绍（每行一段）" className="form-input" rows={5} value={draft.description} onChange={(event) => change({ description: event.target.value })} />
            <FieldError details={details} field="body.description" nested />
          </label>
          <SkuTable skus={draft.skus} onChange={(skus) => change({ skus })} details={details} />
          <label className="checkbox">
            <input type="checkbox" checked={draft.onSale} onChange={(event) => change({ onSale: event.target.checked })} />
            上架销售
          </label>
        </fieldset>
        <div className="editor-actions">
          <button type="submit" className="button button-primary" data-testid="save-product" disabled={saving}>
            {saving ? '保存中…' : '保存'}
          </button>
        </div>
      </form>
    </section>
  );
}
