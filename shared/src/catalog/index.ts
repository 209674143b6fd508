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
