import { Schema, type Connection, type Model } from 'mongoose';

/** A product of the brand's store. Prices in integer fen; SKUs and stock arrive with the orders issue. */
export interface ProductDocument {
  corpId: string;
  name: string;
  subtitle: string;
  coverAssetId: string;
  imageAssetIds: string[];
  priceFen: number;
  originalPriceFen?: number;
  badges: string[];
  description: string[];
  onSale: boolean;
  /** Higher first on the home page. */
  featuredRank: number;
  createdAt: Date;
  updatedAt: Date;
}

const ProductSchema = new Schema<ProductDocument>(
  {
    corpId: { type: String, required: true },
    name: { type: String, required: true },
    subtitle: { type: String, default: '' },
    coverAssetId: { type: String, required: true },
    imageAssetIds: { type: [String], default: [] },
    priceFen: { type: Number, required: true, min: 0 },
    originalPriceFen: Number,
    badges: { type: [String], default: [] },
    description: { type: [String], default: [] },
    onSale: { type: Boolean, default: true },
    featuredRank: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'products', versionKey: false },
);
ProductSchema.index({ corpId: 1, onSale: 1, featuredRank: -1 });

export interface ArticleDocument {
  corpId: string;
  title: string;
  summary: string;
  coverAssetId: string;
  body: string[];
  productIds: string[];
  publishedAt: Date;
}

const ArticleSchema = new Schema<ArticleDocument>(
  {
    corpId: { type: String, required: true },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    coverAssetId: { type: String, required: true },
    body: { type: [String], default: [] },
    productIds: { type: [String], default: [] },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'articles', versionKey: false },
);
ArticleSchema.index({ corpId: 1, publishedAt: -1 });

/**
 * A sellable variant of a product with its own price and stock. Its own document, so stock is reserved
 * with one conditional `$inc` (the embedded engine has no positional updates into arrays).
 */
export interface SkuDocument {
  corpId: string;
  productId: string;
  name: string;
  priceFen: number;
  stock: number;
  onSale: boolean;
}

const SkuSchema = new Schema<SkuDocument>(
  {
    corpId: { type: String, required: true },
    productId: { type: String, required: true },
    name: { type: String, required: true },
    priceFen: { type: Number, required: true, min: 0 },
    stock: { type: Number, required: true, min: 0 },
    onSale: { type: Boolean, default: true },
  },
  { collection: 'product_skus', versionKey: false },
);
SkuSchema.index({ corpId: 1, productId: 1 });

export function catalogModels(connection: Connection) {
  return {
    products: (connection.models.Product ?? connection.model<ProductDocument>('Product', ProductSchema)) as Model<ProductDocument>,
    skus: (connection.models.Sku ?? connection.model<SkuDocument>('Sku', SkuSchema)) as Model<SkuDocument>,
    articles: (connection.models.Article ?? connection.model<ArticleDocument>('Article', ArticleSchema)) as Model<ArticleDocument>,
  };
}
