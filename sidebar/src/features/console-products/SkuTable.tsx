import type { ErrorDetail } from '@zhike/shared/errors';
import { FieldError } from '../console-content/form/FieldError';
import { emptySku, type SkuDraft } from './product-draft';

interface SkuTableProps {
  skus: SkuDraft[];
  onChange: (skus: SkuDraft[]) => void;
  details: readonly ErrorDetail[];
}

/**
 * 规格: name, price in 元, stock, on sale. A saved SKU has no delete: orders refer to it, so it is taken off
 * sale instead; a row added in this edit can be removed before saving.
 */
export function SkuTable({ skus, onChange, details }: SkuTableProps) {
  const update = (key: string, change: Partial<SkuDraft>) => onChange(skus.map((sku) => (sku.key === key ? { ...sku, ...change } : sku)));
  return (
    <div className="form-field" role="group" aria-label="规格">
      <span className="form-label">规格</span>
      <div className="table-scroll">
        <table className="stats-table sku-table">
          <thead>
            <tr>
              <th>名称</th>
              <th>价格（元）</th>
              <th>库存</th>
              <th>在售</th>
              <th aria-label="操作" />
            </tr>
          </thead>
          <tbody>
            {skus.map((sku, index) => {
              const at = (name: string) => `body.skus.${index}.${name}`;
              return (
                <tr key={sku.key} data-testid="sku-row">
                  <td>
                    <input className="form-input" aria-label={`规格 ${index + 1} 名称`} maxLength={20} value={sku.name} onChange={(event) => update(sku.key, { name: event.target.value })} />
                    <FieldError details={details} field={at('name')} />
                    <FieldError details={details} field={at('id')} />
                  </td>
                  <td>
                    <input className="form-input sku-number" aria-label={`规格 ${index + 1} 价格`} inputMode="decimal" placeholder="99.00" value={sku.price} onChange={(event) => update(sku.key, { price: event.target.value })} />
                    <FieldError details={details} field={at('priceFen')} />
                  </td>
                  <td>
                    <input className="form-input sku-number" aria-label={`规格 ${index + 1} 库存`} inputMode="numeric" value={sku.stock} onChange={(event) => update(sku.key, { stock: event.target.value })} />
                    <FieldError details={details} field={at('stock')} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`规格 ${index + 1} 在售`} checked={sku.onSale} onChange={(event) => update(sku.key, { onSale: event.target.checked })} />
                  </td>
                  <td>
                    {!sku.id && skus.length > 1 && (
                      <button type="button" className="link-button link-danger" onClick={() => onChange(skus.filter((other) => other.key !== sku.key))}>
                        移除
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" className="button button-small sku-add" data-testid="add-sku" disabled={skus.length >= 20} onClick={() => onChange([...skus, emptySku()])}>
        添加规格
      </button>
      <span className="form-hint">库存按填写的数字直接覆盖；保存前如有新订单，会以这里的数字为准。已保存的规格不能删除，可取消“在售”。</span>
      <FieldError details={details} field="body.skus" />
    </div>
  );
}
