import { isValidObjectId, type Connection } from 'mongoose';
import { withStringId, type WithId } from '../../platform/db/records';
import { catalogModels, type ArticleDocument, type ProductDocument } from './catalog.model';

export type ProductRecord = WithId<ProductDocument>;
export type ArticleRecord = WithId<ArticleDocument>;

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

  async countProducts(corpId: string): Promise<number> {
    return this.models.products.countDocuments({ corpId });
  }
}
