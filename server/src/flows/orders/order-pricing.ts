import type { ErrorDetail } from '@zhike/shared/errors';
import type { OrderLine, OrderLineRequest } from '@zhike/shared/orders';
import { AppError } from '../../platform/http/app-error';
import type { ProductRecord, SkuRecord } from '../../modules/catalog';

/**
 * Prices requested lines from the catalogue as it is now (a client never sets a price) and checks the
 * discount: within the admin's limit, and never to zero (WeChat Pay takes at least 1 fen).
 */
export function priceOrder(
  lines: OrderLineRequest[],
  catalogue: { products: Map<string, ProductRecord>; skus: Map<string, SkuRecord> },
  discount: { fen: number; maxPercent: number },
): { items: OrderLine[]; subtotalFen: number; discountFen: number; totalFen: number } {
  const problems: ErrorDetail[] = [];
  const items: OrderLine[] = [];
  lines.forEach((line, index) => {
    const product = catalogue.products.get(line.productId);
    const sku = catalogue.skus.get(line.skuId);
    if (!product || !product.onSale) return problems.push({ field: `body.items.${index}.productId`, issue: '商品不存在或已下架' });
    if (!sku || sku.productId !== product.id || !sku.onSale) return problems.push({ field: `body.items.${index}.skuId`, issue: '规格不存在或已下架' });
    items.push({ productId: product.id, skuId: sku.id, name: product.name, skuName: sku.name, priceFen: sku.priceFen, quantity: line.quantity, amountFen: sku.priceFen * line.quantity });
  });
  const duplicates = lines.map((line) => line.skuId).filter((skuId, index, all) => all.indexOf(skuId) !== index);
  if (duplicates.length) problems.push({ field: 'body.items', issue: '同一规格请合并为一行' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', '订单里有无法购买的商品', problems);
  const subtotalFen = items.reduce((sum, item) => sum + item.amountFen, 0);
  const limitFen = Math.floor((subtotalFen * discount.maxPercent) / 100);
  if (discount.fen > limitFen) {
    throw new AppError('VALIDATION_FAILED', `优惠超出上限：最多优惠订单金额的 ${discount.maxPercent}%`, [{ field: 'body.discountFen', issue: `最多 ${limitFen} 分` }]);
  }
  if (subtotalFen - discount.fen < 1) throw new AppError('VALIDATION_FAILED', '优惠后金额至少 1 分', [{ field: 'body.discountFen', issue: '优惠过多' }]);
  return { items, subtotalFen, discountFen: discount.fen, totalFen: subtotalFen - discount.fen };
}
