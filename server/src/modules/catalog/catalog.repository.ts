import { isValidObjectId, type Connection } from 'mongoose';
import { withStringId, type WithId } from '../../platform/db/records';
import { catalogModels, type ArticleDocument, type ProductDocument, type SkuDocument } from './catalog.model';

export type ProductRecord = WithId<ProductDocument>;
export type ArticleRecord = WithId<ArticleDocument>;
export type SkuRecord = WithId<SkuDocument>;

export class CatalogRepository {
  private readonly models: ReturnType<typeof catalogModels>;

  constructor(connection: Connection) {
    this.models = catalogModels(connection);
  }

  async createProduct(product: ProductDocument): Promise<ProductRecord> {
    return withStringId((await this.models.products.create(product)).toObject());
  }

  async createArticle(article: ArticleDocument): Promise<ArticleRecord> {
    return withStringId((await this.models.articles.create(article)).toObject());
  }

  async listProductsOnSale(corpId: string): Promise<ProductRecord[]> {
    return (await this.models.products.find({ corpId, onSale: true }).sort({ featuredRank: -1, createdAt: -1 }).lean()).map(withStringId);
  }

  /** Every product of the corp, off sale too, in the store's order: the console's list. */
  async listAllProducts(corpId: string): Promise<ProductRecord[]> {
    return (await this.models.products.find({ corpId }).sort({ featuredRank: -1, createdAt: -1 }).lean()).map(withStringId);
  }

  /** `clear` names optional fields to remove (mongoose drops `undefined` from an update rather than unsetting). */
  async updateProduct(corpId: string, id: string, fields: Partial<Omit<ProductDocument, 'corpId' | 'createdAt'>>, clear: 'originalPriceFen'[] = []): Promise<ProductRecord | null> {
    if (!isValidObjectId(id)) return null;
    const update = clear.length ? { $set: fields, $unset: Object.fromEntries(clear.map((key) => [key, 1])) } : { $set: fields };
    const updated = await this.models.products.findOneAndUpdate({ _id: id, corpId }, update, { returnDocument: 'after' }).lean();
    return updated && withStringId(updated);
  }

  async findProduct(corpId: string, id: string): Promise<ProductRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.models.products.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async listArticles(corpId: string): Promise<ArticleRecord[]> {
    return (await this.models.articles.find({ corpId }).sort({ publishedAt: -1 }).lean()).map(withStringId);
  }

  async findArticle(corpId: string, id: string): Promise<ArticleRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.models.articles.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async createSku(sku: SkuDocument): Promise<SkuRecord> {
    return withStringId((await this.models.skus.create(sku)).toObject());
  }

  async skusOf(corpId: string, productIds: string[]): Promise<SkuRecord[]> {
    return (await this.models.skus.find({ corpId, productId: { $in: productIds } }).sort({ priceFen: 1 }).lean()).map(withStringId);
  }

  /**
   * An admin's correction of one SKU. Stock is set outright, so a sale that takes stock between the admin's
   * read and this write is overwritten; a later version should record adjustments (+n/−n) instead.
   */
  async updateSku(corpId: string, productId: string, skuId: string, fields: Pick<SkuDocument, 'name' | 'priceFen' | 'stock' | 'onSale'>): Promise<void> {
    await this.models.skus.updateOne({ _id: skuId, corpId, productId }, { $set: fields });
  }

  /** SKUs an order may name are never deleted: the ones an edit left out go off sale. */
  async takeSkusOffSaleExcept(corpId: string, productId: string, keepIds: string[]): Promise<void> {
    await this.models.skus.updateMany({ corpId, productId, _id: { $nin: keepIds } }, { $set: { onSale: false } });
  }

  async findSku(corpId: string, skuId: string): Promise<SkuRecord | null> {
    if (!isValidObjectId(skuId)) return null;
    const found = await this.models.skus.findOne({ _id: skuId, corpId }).lean();
    return found && withStringId(found);
  }

  /** Takes `quantity` from stock only if that many are left; false otherwise (nothing changed). */
  async takeStock(skuId: string, quantity: number): Promise<boolean> {
    const taken = await this.models.skus.updateOne({ _id: skuId, stock: { $gte: quantity } }, { $inc: { stock: -quantity } });
    return taken.modifiedCount === 1;
  }

  async returnStock(skuId: string, quantity: number): Promise<void> {
    await this.models.skus.updateOne({ _id: skuId }, { $inc: { stock: quantity } });
  }

  async countProducts(corpId: string): Promise<number> {
    return this.models.products.countDocuments({ corpId });
  }
}
