import type { ProductView } from '@zhike/shared/catalog';
import type { ErrorDetail } from '@zhike/shared/errors';
import { formatFen } from '@zhike/shared/money';
import { buyableSkus, toggleProduct, type OrderDraft, type OrderLineDraft } from './order-draft';
import { OrderFieldError } from './OrderFieldError';

interface OrderProductPickerProps {
  products: readonly ProductView[];
  draft: OrderDraft;
  onChange: (draft: OrderDraft) => void;
  details: readonly ErrorDetail[];
  disabled: boolean;
}

/** Products on sale; a chosen one opens its SKU choice and quantity. Out-of-stock SKUs cannot be chosen. */
export function OrderProductPicker({ products, draft, onChange, details, disabled }: OrderProductPickerProps) {
  const updateLine = (productId: string, change: Partial<OrderLineDraft>) =>
    onChange({ ...draft, lines: draft.lines.map((line) => (line.productId === productId ? { ...line, ...change } : line)) });

  return (
    <ul className="order-products">
      {products.map((product) => {
        const index = draft.lines.findIndex((line) => line.productId === product.id);
        const line = draft.lines[index];
        const soldOut = buyableSkus(product).length === 0;
        return (
          <li key={product.id} className="order-product" data-testid="order-product" data-product-id={product.id} aria-selected={line !== undefined}>
            <label className="order-product-head">
              <input type="checkbox" checked={line !== undefined} disabled={disabled || (soldOut && !line)} onChange={() => onChange(toggleProduct(draft, product))} />
              {product.coverUrl && <img className="order-product-cover" src={product.coverUrl} alt="" />}
              <span className="order-product-name">{product.name}</span>
              <span className="order-product-price">{soldOut ? '缺货' : formatFen(product.priceFen)}</span>
            </label>
            {line && (
              <div className="order-line">
                <select aria-label={`${product.name} 规格`} data-testid="order-sku" value={line.skuId} disabled={disabled} onChange={(event) => updateLine(product.id, { skuId: event.target.value })}>
                  {(product.skus ?? [])
                    .filter((sku) => sku.onSale)
                    .map((sku) => (
                      <option key={sku.id} value={sku.id} disabled={sku.stock === 0}>
                        {sku.name} {formatFen(sku.priceFen)}
                        {sku.stock === 0 ? '（缺货）' : sku.stock < 10 ? `（仅剩 ${sku.stock}）` : ''}
                      </option>
                    ))}
                </select>
                <label className="order-quantity">
                  数量
                  <input type="number" inputMode="numeric" min={1} max={99} data-testid="order-quantity" value={line.quantity} disabled={disabled} onChange={(event) => updateLine(product.id, { quantity: event.target.value })} />
                </label>
                <OrderFieldError details={details} field={`body.items.${index}`} nested />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
