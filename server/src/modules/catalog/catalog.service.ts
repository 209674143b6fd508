import type { ArticleView, ProductView } from '@zhike/shared/catalog';
import { AppError } from '../../platform/http/app-error';
import type { ArticleRecord, CatalogRepository, ProductRecord, SkuRecord } from './catalog.repository';
import { ProductAdminService, type ProductAdminAssets } from './product-admin.service';
import { toProductView } from './product-view';

/** What the mini-program's store shows: products on sale and articles, with their images' public addresses. */
export class CatalogService {
  /** 商品管理 for admins, over the same collections. */
  readonly admin: ProductAdminService;

  constructor(
    private readonly corpId: string,
    private readonly catalog: CatalogRepository,
    private readonly assets: ProductAdminAssets,
  ) {
    this.admin = new ProductAdminService(corpId, catalog, assets);
  }

  async listProducts(): Promise<ProductView[]> {
    const products = await this.catalog.listProductsOnSale(this.corpId);
    const skus = await this.catalog.skusOf(this.corpId, products.map((product) => product.id));
    return Promise.all(products.map((product) => this.toProductView(product, skus)));
  }

  /** The products and SKUs an order names, as they are now, for pricing it. */
  async forPricing(productIds: string[]): Promise<{ products: Map<string, ProductRecord>; skus: Map<string, SkuRecord> }> {
    const products = (await Promise.all([...new Set(productIds)].map((id) => this.catalog.findProduct(this.corpId, id)))).filter((product) => product !== null);
    const skus = await this.catalog.skusOf(this.corpId, products.map((product) => product.id));
    return { products: new Map(products.map((product) => [product.id, product])), skus: new Map(skus.map((sku) => [sku.id, sku])) };
  }

  takeStock(skuId: string, quantity: number): Promise<boolean> {
    return this.catalog.takeStock(skuId, quantity);
  }

  returnStock(skuId: string, quantity: number): Promise<void> {
    return this.catalog.returnStock(skuId, quantity);
  }

  /** A product that is off sale still opens (a shared link must not break), marked as such. */
  async product(productId: string): Promise<ProductView> {
    const product = await this.catalog.findProduct(this.corpId, productId);
    if (!product) throw new AppError('NOT_FOUND', '商品不存在或已下架');
    return this.toProductView(product, await this.catalog.skusOf(this.corpId, [product.id]));
  }

  /** The cover's public address, for cards that show the product (代客下单's mini-program card); '' if unknown. */
  async coverUrlOf(productId: string): Promise<string> {
    const product = await this.catalog.findProduct(this.corpId, productId);
    return product ? this.urlOf(product.coverAssetId) : '';
  }

  async listArticles(): Promise<ArticleView[]> {
    return Promise.all((await this.catalog.listArticles(this.corpId)).map((article) => this.toArticleView(article)));
  }

  async article(articleId: string): Promise<ArticleView> {
    const article = await this.catalog.findArticle(this.corpId, articleId);
    if (!article) throw new AppError('NOT_FOUND', '文章不存在');
    return this.toArticleView(article);
  }

  private async urlOf(assetId: string): Promise<string> {
    const asset = await this.assets.findById(this.corpId, assetId);
    return asset ? this.assets.publicUrlOf(asset) : '';
  }

  private toProductView(product: ProductRecord, skus: SkuRecord[]): Promise<ProductView> {
    return toProductView(product, skus, (id) => this.urlOf(id));
  }

  private async toArticleView(article: ArticleRecord): Promise<ArticleView> {
    return {
      id: article.id,
      title: article.title,
      summary: article.summary,
      coverUrl: await this.urlOf(article.coverAssetId),
      body: article.body,
      productIds: article.productIds,
      publishedAt: article.publishedAt.toISOString(),
    };
  }
}
