import type { SaveProductRequest } from '@zhike/shared/catalog';
import type { ErrorDetail } from '@zhike/shared/errors';
import { fenToYuanInput, parseYuan } from '../../lib/yuan-input';
import { assetRefFromId, type AssetRef } from '../console-content/assets/asset-ref';
import type { AdminProduct } from './products.api';

/** One SKU row as typed: price in 元 and stock as text until saving. `key` keeps React rows stable. */
export interface SkuDraft {
  key: string;
  id?: string;
  name: string;
  price: string;
  stock: string;
  onSale: boolean;
}

/** The editor's form. Badges and paragraphs are edited as text; money in 元. */
export interface ProductDraft {
  id: string | null;
  name: string;
  subtitle: string;
  cover: AssetRef | null;
  images: AssetRef[];
  originalPrice: string;
  badges: string;
  description: string;
  featuredRank: string;
  onSale: boolean;
  skus: SkuDraft[];
}

let nextKey = 0;
const newKey = () => `sku-${++nextKey}`;

export function emptySku(): SkuDraft {
  return { key: newKey(), name: '', price: '', stock: '0', onSale: true };
}

export function emptyProductDraft(): ProductDraft {
  return { id: null, name: '', subtitle: '', cover: null, images: [], originalPrice: '', badges: '', description: '', featuredRank: '0', onSale: true, skus: [emptySku()] };
}

export function draftFromProduct(product: AdminProduct): ProductDraft {
  return {
    id: product.id,
    name: product.name,
    subtitle: product.subtitle,
    // The addresses the server gave: public file URLs load without the /api/assets redirect.
    cover: product.coverUrl ? { id: product.coverAssetId, url: product.coverUrl } : assetRefFromId(product.coverAssetId),
    images: product.imageAssetIds.map((id, index) => ({ id, url: product.imageUrls[index] || assetRefFromId(id)!.url })),
    originalPrice: product.originalPriceFen === undefined ? '' : fenToYuanInput(product.originalPriceFen),
    badges: product.badges.join(' '),
    description: product.description.join('\n'),
    featuredRank: String(product.featuredRank),
    onSale: product.onSale,
    skus: (product.skus ?? []).map((sku) => ({ key: newKey(), id: sku.id, name: sku.name, price: fenToYuanInput(sku.priceFen), stock: String(sku.stock), onSale: sku.onSale })),
  };
}

/** Chips separated by spaces or commas: 「热卖 新品」. */
export function splitBadges(text: string): string[] {
  return text.split(/[\s,，、]+/).filter(Boolean);
}

/** One paragraph per line; blank lines do not make empty paragraphs. */
export function splitParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The request to save, or the issues the form can see itself (amounts that are not amounts), named by the
 * paths the server would use so they show in the same places. Everything else the server checks.
 */
export function toSaveRequest(draft: ProductDraft): { request: SaveProductRequest } | { issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  if (!draft.cover) issues.push({ field: 'body.coverAssetId', issue: '请上传封面图' });
  const originalPriceFen = draft.originalPrice.trim() === '' ? undefined : parseYuan(draft.originalPrice);
  if (originalPriceFen === null) issues.push({ field: 'body.originalPriceFen', issue: '请填写金额，如 99 或 99.90' });
  const featuredRank = wholeNumber(draft.featuredRank);
  if (featuredRank === null) issues.push({ field: 'body.featuredRank', issue: '请填写 0–999 的整数' });
  const skus = draft.skus.map((sku, index) => {
    const priceFen = parseYuan(sku.price);
    const stock = wholeNumber(sku.stock);
    if (priceFen === null) issues.push({ field: `body.skus.${index}.priceFen`, issue: '请填写价格，如 99 或 99.90' });
    if (stock === null) issues.push({ field: `body.skus.${index}.stock`, issue: '库存请填写整数' });
    return { ...(sku.id ? { id: sku.id } : {}), name: sku.name.trim(), priceFen: priceFen ?? 0, stock: stock ?? 0, onSale: sku.onSale };
  });
  if (issues.length) return { issues };
  return {
    request: {
      name: draft.name.trim(),
      subtitle: draft.subtitle.trim(),
      coverAssetId: draft.cover!.id,
      imageAssetIds: draft.images.map((image) => image.id),
      ...(originalPriceFen !== undefined && originalPriceFen !== null ? { originalPriceFen } : {}),
      badges: splitBadges(draft.badges),
      description: splitParagraphs(draft.description),
      onSale: draft.onSale,
      featuredRank: featuredRank ?? 0,
      skus,
    },
  };
}

function wholeNumber(text: string): number | null {
  return /^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null;
}
