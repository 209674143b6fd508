import { formatFen } from '@zhike/shared/money';
import type { AdminProduct } from './products.api';

type Sku = NonNullable<AdminProduct['skus']>[number];

/** "¥99.00" or "¥99.00–¥159.00" over the SKUs on sale; the product's own price when none is. */
export function priceRange(product: Pick<AdminProduct, 'priceFen' | 'skus'>): string {
  const prices = onSaleSkus(product.skus).map((sku) => sku.priceFen);
  if (prices.length === 0) return formatFen(product.priceFen);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? formatFen(low) : `${formatFen(low)}–${formatFen(high)}`;
}

/** What customers can still buy: stock of the SKUs on sale. */
export function stockTotal(product: Pick<AdminProduct, 'skus'>): number {
  return onSaleSkus(product.skus).reduce((sum, sku) => sum + sku.stock, 0);
}

function onSaleSkus(skus: readonly Sku[] | undefined): Sku[] {
  return (skus ?? []).filter((sku) => sku.onSale);
}
