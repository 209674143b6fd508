import type { AdminProductListResponse, ProductView } from '@zhike/shared/catalog';
import type { ProductRecord, SkuRecord } from './catalog.repository';

/** A product as the console edits it: the store's view plus the asset ids and rank behind it. */
export type AdminProductView = AdminProductListResponse['items'][number];

/** Resolves an asset id to the address anyone can load it from ('' when it is gone). */
export type AssetUrlOf = (assetId: string) => Promise<string>;

export async function toProductView(product: ProductRecord, skus: readonly SkuRecord[], urlOf: AssetUrlOf): Promise<ProductView> {
  return {
    id: product.id,
    name: product.name,
    subtitle: product.subtitle,
    coverUrl: await urlOf(product.coverAssetId),
    imageUrls: await Promise.all(product.imageAssetIds.map((id) => urlOf(id))),
    priceFen: product.priceFen,
    ...(product.originalPriceFen ? { originalPriceFen: product.originalPriceFen } : {}),
    badges: product.badges,
    description: product.description,
    onSale: product.onSale,
    skus: skus.filter((sku) => sku.productId === product.id).map((sku) => ({ id: sku.id, name: sku.name, priceFen: sku.priceFen, stock: sku.stock, onSale: sku.onSale })),
  };
}

export async function toAdminProductView(product: ProductRecord, skus: readonly SkuRecord[], urlOf: AssetUrlOf): Promise<AdminProductView> {
  return {
    ...(await toProductView(product, skus, urlOf)),
    coverAssetId: product.coverAssetId,
    imageAssetIds: product.imageAssetIds,
    featuredRank: product.featuredRank,
  };
}
