import { useState } from 'react';
import { NeedsPermission } from '../../lib/ui/NeedsPermission';
import type { ConsoleScreenProps } from '../console-shell/console-section';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import type { AdminProduct } from './products.api';
import { draftFromProduct, emptyProductDraft, type ProductDraft } from './product-draft';
import { useAdminProducts } from './use-admin-products';

/** 商品管理: the product list beside the editor of the one opened (or a new one). */
export default function ProductsScreen(_props: ConsoleScreenProps) {
  const products = useAdminProducts();
  // `key` gives every opened product a fresh editor, so one product's unsaved edits never leak into another's.
  const [editing, setEditing] = useState<{ key: string; draft: ProductDraft } | null>(null);

  if (products.state.kind === 'failed' && products.state.forbidden) return <NeedsPermission minRole="admin" screen="商品管理" />;

  const open = (product: AdminProduct) => setEditing({ key: product.id, draft: draftFromProduct(product) });

  return (
    <div className="products-screen">
      <ProductList
        state={products.state}
        selectedId={editing?.draft.id ?? null}
        switching={products.switching}
        switchError={products.switchError}
        onOpen={open}
        onCreate={() => setEditing({ key: `new-${Date.now()}`, draft: emptyProductDraft() })}
        onToggleSale={(product) => void products.toggleSale(product)}
        onRetry={products.retry}
      />
      {editing ? (
        <ProductEditor key={editing.key} initial={editing.draft} onSaved={products.replace} onClose={() => setEditing(null)} />
      ) : (
        <section className="console-card editor-placeholder">
          <p className="muted">在列表中选择一个商品进行编辑，或点“新建商品”。</p>
        </section>
      )}
    </div>
  );
}
