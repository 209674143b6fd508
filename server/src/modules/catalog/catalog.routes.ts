import { ArticleIdParams, ArticleListResponse, ArticleResponse, ProductIdParams, ProductListResponse, ProductResponse } from '@zhike/shared/catalog';
import type { ApiRouter } from '../../platform/http/api-router';
import type { CatalogService } from './catalog.service';
import { registerProductAdminRoutes } from './product-admin.routes';

/** Anonymous: the store is browsable before the customer has logged in. 商品管理 (admins) registers with it. */
export function registerCatalogRoutes(api: ApiRouter, catalog: CatalogService): void {
  registerProductAdminRoutes(api, catalog.admin);
  api.add({
    method: 'GET',
    path: '/api/catalog/products',
    access: 'anonymous',
    tag: 'catalog',
    summary: 'Products on sale, featured first',
    response: ProductListResponse,
    handler: async () => ({ items: await catalog.listProducts() }),
  });

  api.add({
    method: 'GET',
    path: '/api/catalog/products/:productId',
    access: 'anonymous',
    tag: 'catalog',
    summary: 'One product (also when off sale, so shared links still open)',
    params: ProductIdParams,
    response: ProductResponse,
    handler: async ({ params }) => ({ product: await catalog.product(params.productId) }),
  });

  api.add({
    method: 'GET',
    path: '/api/catalog/articles',
    access: 'anonymous',
    tag: 'catalog',
    summary: 'Articles, newest first',
    response: ArticleListResponse,
    handler: async () => ({ items: await catalog.listArticles() }),
  });

  api.add({
    method: 'GET',
    path: '/api/catalog/articles/:articleId',
    access: 'anonymous',
    tag: 'catalog',
    summary: 'One article',
    params: ArticleIdParams,
    response: ArticleResponse,
    handler: async ({ params }) => ({ article: await catalog.article(params.articleId) }),
  });
}
