import type { ProductView } from '@zhike/shared/catalog';
import type { ErrorDetail } from '@zhike/shared/errors';
import type { OrderLineRequest } from '@zhike/shared/orders';
import { parseYuan } from '../../lib/yuan-input';

/** One chosen product: which SKU and how many (as typed). */
export interface OrderLineDraft {
  productId: string;
  skuId: string;
  quantity: string;
}

export interface OrderDraft {
  lines: OrderLineDraft[];
  /** 元, '' for none. */
  discount: string;
  note: string;
}

export const EMPTY_ORDER: OrderDraft = { lines: [], discount: '', note: '' };

type Sku = NonNullable<ProductView['skus']>[number];

/** SKUs a customer can buy now: on sale and in stock. */
export function buyableSkus(product: ProductView): Sku[] {
  return (product.skus ?? []).filter((sku) => sku.onSale && sku.stock > 0);
}

/** Adds the product with its first buyable SKU, or removes it when already chosen. */
export function toggleProduct(draft: OrderDraft, product: ProductView): OrderDraft {
  if (draft.lines.some((line) => line.productId === product.id)) return { ...draft, lines: draft.lines.filter((line) => line.productId !== product.id) };
  const sku = buyableSkus(product)[0];
  if (!sku) return draft;
  return { ...draft, lines: [...draft.lines, { productId: product.id, skuId: sku.id, quantity: '1' }] };
}

/** The subtotal at the prices on screen; the server prices the order again from the catalogue. */
export function subtotalFen(draft: OrderDraft, products: readonly ProductView[]): number {
  return draft.lines.reduce((sum, line) => {
    const sku = products.find((product) => product.id === line.productId)?.skus?.find((candidate) => candidate.id === line.skuId);
    const quantity = Number(line.quantity);
    return sku && Number.isInteger(quantity) && quantity > 0 ? sum + sku.priceFen * quantity : sum;
  }, 0);
}

/** The request's parts, or the issues the form sees itself, at the paths the server would name. */
export function toOrderRequest(draft: OrderDraft): { items: OrderLineRequest[]; discountFen: number; note: string } | { issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  if (draft.lines.length === 0) issues.push({ field: 'body.items', issue: '请选择商品' });
  const items = draft.lines.map((line, index) => {
    const quantity = /^\d{1,2}$/.test(line.quantity.trim()) ? Number(line.quantity) : 0;
    if (quantity < 1) issues.push({ field: `body.items.${index}.quantity`, issue: '数量请填写 1–99' });
    return { productId: line.productId, skuId: line.skuId, quantity };
  });
  const discountFen = draft.discount.trim() === '' ? 0 : parseYuan(draft.discount);
  if (discountFen === null) issues.push({ field: 'body.discountFen', issue: '请填写金额，如 10 或 9.90' });
  if (issues.length) return { issues };
  return { items, discountFen: discountFen ?? 0, note: draft.note.trim() };
}
