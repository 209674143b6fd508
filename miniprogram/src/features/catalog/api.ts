import {
  ArticleListResponse,
  ArticleResponse,
  ProductListResponse,
  ProductResponse,
  type ArticleView,
  type ProductView,
} from '@zhike/shared/catalog';
import { request } from '../../lib/request';

// The catalogue is public: pages render before (and without) login.

export async function fetchProducts(): Promise<ProductView[]> {
  return (await request({ method: 'GET', path: '/api/catalog/products', schema: ProductListResponse })).items;
}

export async function fetchProduct(productId: string): Promise<ProductView> {
  return (await request({ method: 'GET', path: `/api/catalog/products/${encodeURIComponent(productId)}`, schema: ProductResponse })).product;
}

export async function fetchArticles(): Promise<ArticleView[]> {
  return (await request({ method: 'GET', path: '/api/catalog/articles', schema: ArticleListResponse })).items;
}

export async function fetchArticle(articleId: string): Promise<ArticleView> {
  return (await request({ method: 'GET', path: `/api/catalog/articles/${encodeURIComponent(articleId)}`, schema: ArticleResponse })).article;
}

export function productTarget(product: Pick<ProductView, 'id' | 'name'>) {
  return { kind: 'product', id: product.id, title: product.name } as const;
}

export function articleTarget(article: Pick<ArticleView, 'id' | 'title'>) {
  return { kind: 'article', id: article.id, title: article.title } as const;
}
