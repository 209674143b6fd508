import type { SaveProductRequest } from '@zhike/shared/catalog';
import type { ErrorDetail } from '@zhike/shared/errors';
import type { z } from 'zod';

export type SaveProduct = z.output<typeof SaveProductRequest>;
type SkuInput = Pick<SaveProduct['skus'][number], 'priceFen' | 'onSale'>;

/**
 * The "from" price the store shows: the cheapest SKU a customer can buy, or the cheapest of all when every
 * SKU is off sale (the product page still opens and needs a price).
 */
export function listPriceFen(skus: readonly SkuInput[]): number {
  const buyable = skus.filter((sku) => sku.onSale);
  return Math.min(...(buyable.length ? buyable : skus).map((sku) => sku.priceFen));
}

/**
 * What the schema cannot see: the crossed-out price is not below the price shown, SKU ids are this product's
 * own (an id from elsewhere would move another product's SKU), and no SKU appears twice.
 * `existingSkuIds` is null for a new product, whose SKUs cannot have ids yet.
 */
export function productIssues(request: SaveProduct, existingSkuIds: ReadonlySet<string> | null): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const lowest = listPriceFen(request.skus);
  if (request.originalPriceFen !== undefined && request.originalPriceFen < lowest) {
    issues.push({ field: 'body.originalPriceFen', issue: `划线价不能低于最低售价 ${(lowest / 100).toFixed(2)} 元` });
  }
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  request.skus.forEach((sku, index) => {
    if (sku.id !== undefined) {
      if (!existingSkuIds?.has(sku.id)) issues.push({ field: `body.skus.${index}.id`, issue: '规格不属于这个商品，请刷新后重试' });
      else if (seenIds.has(sku.id)) issues.push({ field: `body.skus.${index}.id`, issue: '同一规格出现了两次' });
      seenIds.add(sku.id);
    }
    if (seenNames.has(sku.name)) issues.push({ field: `body.skus.${index}.name`, issue: '规格名称重复' });
    seenNames.add(sku.name);
  });
  return issues;
}
