import type { Loaded } from '../../lib/use-loaded';
import type { AdminProduct } from './products.api';
import { priceRange, stockTotal } from './product-summary';
import { LoadStatus } from '../../lib/ui/LoadStatus';

interface ProductListProps {
  state: Loaded<AdminProduct[]>;
  selectedId: string | null;
  /** Products whose on/off-sale switch is on its way, and the last switch that failed. */
  switching: ReadonlySet<string>;
  switchError: { productId: string; message: string } | null;
  onOpen: (product: AdminProduct) => void;
  onCreate: () => void;
  onToggleSale: (product: AdminProduct) => void;
  onRetry: () => void;
}

/** The store's products, off sale ones too: cover, name, price range, stock on sale, and the 上架 switch. */
export function ProductList({ state, selectedId, switching, switchError, onOpen, onCreate, onToggleSale, onRetry }: ProductListProps) {
  return (
    <section className="console-card product-list" aria-label="商品列表">
      <div className="panel-head">
        <h2>商品</h2>
        <button type="button" className="button button-primary button-small" data-testid="new-product" onClick={onCreate}>
          新建商品
        </button>
      </div>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={onRetry} />
      {state.kind === 'ready' && state.value.length === 0 && <p className="muted">还没有商品，点“新建商品”添加第一个。</p>}
      {state.kind === 'ready' && state.value.length > 0 && (
        <div className="table-scroll">
          <table className="stats-table product-table">
            <thead>
              <tr>
                <th>封面</th>
                <th>商品</th>
                <th className="num">价格</th>
                <th className="num">库存</th>
                <th>上架</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((product) => (
                <tr key={product.id} data-testid="product-row" data-product-id={product.id} aria-selected={product.id === selectedId}>
                  <td>{product.coverUrl ? <img className="product-cover" src={product.coverUrl} alt="" /> : <span className="product-cover" />}</td>
                  <td>
                    <button type="button" className="link-button product-name" onClick={() => onOpen(product)}>
                      {product.name}
                    </button>
                    {switchError?.productId === product.id && (
                      <p className="field-error" role="alert">
                        {switchError.message}
                      </p>
                    )}
                  </td>
                  <td className="num">{priceRange(product)}</td>
                  <td className="num">{stockTotal(product)}</td>
                  <td>
                    <label className="checkbox">
                      <input type="checkbox" role="switch" data-testid="product-on-sale" checked={product.onSale} disabled={switching.has(product.id)} onChange={() => onToggleSale(product)} />
                      {product.onSale ? '在售' : '已下架'}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
