import type { ErrorDetail } from '@zhike/shared/errors';
import { AppError } from '../../platform/http/app-error';
import type { AssetService } from '../assets';
import type { CatalogRepository, ProductRecord } from './catalog.repository';
import { listPriceFen, productIssues, type SaveProduct } from './product-rules';
import { toAdminProductView, type AdminProductView } from './product-view';

export type ProductAdminAssets = Pick<AssetService, 'requireAsset' | 'findById' | 'publicUrlOf'>;

/**
 * 商品管理: the admin's view of every product (off sale too) and its edits. Products carry no version: two
 * admins saving the same product at once keep the last save. Stock is set as typed, which races with orders
 * taking stock between the admin's read and the save (see `CatalogRepository.updateSku`).
 */
export class ProductAdminService {
  constructor(
    private readonly corpId: string,
    private readonly catalog: CatalogRepository,
    private readonly assets: ProductAdminAssets,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<AdminProductView[]> {
    const products = await this.catalog.listAllProducts(this.corpId);
    const skus = await this.catalog.skusOf(this.corpId, products.map((product) => product.id));
    return Promise.all(products.map((product) => toAdminProductView(product, skus, (id) => this.urlOf(id))));
  }

  async create(request: SaveProduct): Promise<AdminProductView> {
    await this.check(request, null);
    const now = this.now();
    const product = await this.catalog.createProduct({ corpId: this.corpId, ...this.productFields(request), createdAt: now, updatedAt: now });
    for (const sku of request.skus) {
      await this.catalog.createSku({ corpId: this.corpId, productId: product.id, name: sku.name, priceFen: sku.priceFen, stock: sku.stock, onSale: sku.onSale });
    }
    return this.view(product);
  }

  /** Updates the product and its SKUs in place; a SKU left out goes off sale, never away (orders name it). */
  async update(productId: string, request: SaveProduct): Promise<AdminProductView> {
    const existing = await this.requireProduct(productId);
    const existingSkus = await this.catalog.skusOf(this.corpId, [existing.id]);
    await this.check(request, new Set(existingSkus.map((sku) => sku.id)));
    const product = await this.catalog.updateProduct(this.corpId, existing.id, { ...this.productFields(request), updatedAt: this.now() }, request.originalPriceFen === undefined ? ['originalPriceFen'] : []);
    if (!product) throw new AppError('NOT_FOUND', '商品不存在');
    const kept: string[] = [];
    for (const sku of request.skus) {
      const fields = { name: sku.name, priceFen: sku.priceFen, stock: sku.stock, onSale: sku.onSale };
      if (sku.id) {
        await this.catalog.updateSku(this.corpId, product.id, sku.id, fields);
        kept.push(sku.id);
      } else {
        kept.push((await this.catalog.createSku({ corpId: this.corpId, productId: product.id, ...fields })).id);
      }
    }
    await this.catalog.takeSkusOffSaleExcept(this.corpId, product.id, kept);
    return this.view(product);
  }

  /** The list's 上架/下架 switch: only the flag, so it never overwrites stock that orders took meanwhile. */
  async setOnSale(productId: string, onSale: boolean): Promise<AdminProductView> {
    await this.requireProduct(productId);
    const product = await this.catalog.updateProduct(this.corpId, productId, { onSale, updatedAt: this.now() });
    if (!product) throw new AppError('NOT_FOUND', '商品不存在');
    return this.view(product);
  }

  private productFields(request: SaveProduct) {
    return {
      name: request.name,
      subtitle: request.subtitle,
      coverAssetId: request.coverAssetId,
      imageAssetIds: request.imageAssetIds,
      priceFen: listPriceFen(request.skus),
      ...(request.originalPriceFen !== undefined ? { originalPriceFen: request.originalPriceFen } : {}),
      badges: request.badges,
      description: request.description,
      onSale: request.onSale,
      featuredRank: request.featuredRank,
    };
  }

  /** Every problem at once, each naming its field, before anything is written. */
  private async check(request: SaveProduct, existingSkuIds: ReadonlySet<string> | null): Promise<void> {
    const issues = productIssues(request, existingSkuIds);
    const images: [string, string][] = [['body.coverAssetId', request.coverAssetId], ...request.imageAssetIds.map((id, index): [string, string] => [`body.imageAssetIds.${index}`, id])];
    for (const [field, id] of images) issues.push(...(await this.assetIssues(field, id)));
    if (issues.length) throw new AppError('VALIDATION_FAILED', '请修改标出的字段后再保存', issues);
  }

  private async assetIssues(field: string, assetId: string): Promise<ErrorDetail[]> {
    try {
      await this.assets.requireAsset(this.corpId, assetId, field, 'image');
      return [];
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return error.details;
      throw error;
    }
  }

  private async requireProduct(productId: string): Promise<ProductRecord> {
    const product = await this.catalog.findProduct(this.corpId, productId);
    if (!product) throw new AppError('NOT_FOUND', '商品不存在');
    return product;
  }

  private async view(product: ProductRecord): Promise<AdminProductView> {
    return toAdminProductView(product, await this.catalog.skusOf(this.corpId, [product.id]), (id) => this.urlOf(id));
  }

  private async urlOf(assetId: string): Promise<string> {
    const asset = await this.assets.findById(this.corpId, assetId);
    return asset ? this.assets.publicUrlOf(asset) : '';
  }
}
