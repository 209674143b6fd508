import { z } from 'zod';

/** A product as the mini-program shows it. Prices in integer fen. */
export const ProductView = z
  .object({
    id: z.string(),
    name: z.string(),
    subtitle: z.string(),
    coverUrl: z.string(),
    imageUrls: z.array(z.string()),
    priceFen: z.number().int(),
    /** The crossed-out price, when on offer. */
    originalPriceFen: z.number().int().optional(),
    /** Short selling points shown as chips (「热卖」「新品」). */
    badges: z.array(z.string()),
    /** Paragraphs of the detail page. */
    description: z.array(z.string()),
    onSale: z.boolean(),
    /** Variants to choose from (规格), each with its price and what is left in stock. */
    skus: z.array(z.object({ id: z.string(), name: z.string(), priceFen: z.number().int(), stock: z.number().int(), onSale: z.boolean() })).optional(),
  })
  .meta({ id: 'Product' });
export type ProductView = z.infer<typeof ProductView>;

export const ArticleView = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    coverUrl: z.string(),
    /** Paragraphs. */
    body: z.array(z.string()),
    /** Products the article talks about, by id. */
    productIds: z.array(z.string()),
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'Article' });
export type ArticleView = z.infer<typeof ArticleView>;

export const ProductListResponse = z.object({ items: z.array(ProductView) }).meta({ id: 'ProductListResponse' });
export type ProductListResponse = z.infer<typeof ProductListResponse>;
export const ProductResponse = z.object({ product: ProductView }).meta({ id: 'ProductResponse' });
export type ProductResponse = z.infer<typeof ProductResponse>;
export const ArticleListResponse = z.object({ items: z.array(ArticleView) }).meta({ id: 'ArticleListResponse' });
export type ArticleListResponse = z.infer<typeof ArticleListResponse>;
export const ArticleResponse = z.object({ article: ArticleView }).meta({ id: 'ArticleResponse' });
export type ArticleResponse = z.infer<typeof ArticleResponse>;

export const ProductIdParams = z.strictObject({ productId: z.string().regex(/^[a-f0-9]{24}$/, '商品 ID 格式不正确') });
export const ArticleIdParams = z.strictObject({ articleId: z.string().regex(/^[a-f0-9]{24}$/, '文章 ID 格式不正确') });

/** Admin: a product with its SKUs, as the console edits it (images as asset ids). */
export const SaveProductRequest = z.strictObject({
  name: z.string().trim().min(1, '请填写商品名称').max(40, '商品名称最多 40 字'),
  subtitle: z.string().trim().max(60, '副标题最多 60 字').default(''),
  coverAssetId: z.string().regex(/^[a-f0-9]{24}$/, '请上传封面图'),
  imageAssetIds: z.array(z.string().regex(/^[a-f0-9]{24}$/)).max(9, '详情图最多 9 张').default([]),
  originalPriceFen: z.number().int().min(1).optional(),
  badges: z.array(z.string().trim().min(1).max(6)).max(3, '标签最多 3 个').default([]),
  description: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
  onSale: z.boolean().default(true),
  featuredRank: z.number().int().min(0).max(999).default(0),
  skus: z
    .array(
      z.strictObject({
        /** Absent for a new SKU; an existing SKU keeps its id (orders refer to it). */
        id: z.string().regex(/^[a-f0-9]{24}$/).optional(),
        name: z.string().trim().min(1, '请填写规格名称').max(20, '规格名称最多 20 字'),
        priceFen: z.number().int().min(1, '价格至少 1 分').max(100_000_000),
        stock: z.number().int().min(0, '库存不能为负').max(1_000_000),
        onSale: z.boolean().default(true),
      }),
    )
    .min(1, '至少需要一个规格')
    .max(20, '规格最多 20 个'),
});
export type SaveProductRequest = z.input<typeof SaveProductRequest>;

export const AdminProductListResponse = z.object({ items: z.array(ProductView.extend({ coverAssetId: z.string(), imageAssetIds: z.array(z.string()), featuredRank: z.number().int() })) }).meta({ id: 'AdminProductListResponse' });
export type AdminProductListResponse = z.infer<typeof AdminProductListResponse>;

/** Admin: the console edits what it saved, so the answer carries asset ids and rank along with the store's view. */
export const AdminProductResponse = z.object({ product: AdminProductListResponse.shape.items.element }).meta({ id: 'AdminProductResponse' });
export type AdminProductResponse = z.infer<typeof AdminProductResponse>;

/** Admin: on or off sale alone, so the list's switch never overwrites stock that orders took meanwhile. */
export const SetProductOnSaleRequest = z.strictObject({ onSale: z.boolean() });
