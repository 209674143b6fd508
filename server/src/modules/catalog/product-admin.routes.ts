import { AdminProductListResponse, AdminProductResponse, ProductIdParams, SaveProductRequest, SetProductOnSaleRequest } from '@zhike/shared/catalog';
import type { ApiRouter } from '../../platform/http/api-router';
import type { ProductAdminService } from './product-admin.service';

/** 商品管理: admins only; products are never deleted (orders name them), only taken off sale. */
export function registerProductAdminRoutes(api: ApiRouter, admin: ProductAdminService): void {
  api.add({
    method: 'GET',
    path: '/api/admin/products',
    access: 'admin',
    tag: 'catalog',
    summary: 'Every product, off sale too, with its SKUs and image asset ids, in the store’s order',
    response: AdminProductListResponse,
    handler: async () => ({ items: await admin.list() }),
  });

  api.add({
    method: 'POST',
    path: '/api/admin/products',
    access: 'admin',
    tag: 'catalog',
    summary: 'Creates a product with its SKUs; images are uploaded assets; the shown price is the cheapest SKU on sale',
    body: SaveProductRequest,
    response: AdminProductResponse,
    successStatus: 201,
    handler: async ({ body }) => ({ product: await admin.create(body) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/admin/products/:productId',
    access: 'admin',
    tag: 'catalog',
    summary: 'Saves a product: SKUs with an id are updated (stock set as given), new ones added, missing ones taken off sale',
    params: ProductIdParams,
    body: SaveProductRequest,
    response: AdminProductResponse,
    handler: async ({ params, body }) => ({ product: await admin.update(params.productId, body) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/admin/products/:productId/on-sale',
    access: 'admin',
    tag: 'catalog',
    summary: 'Puts a product on or off sale without touching anything else (stock included)',
    params: ProductIdParams,
    body: SetProductOnSaleRequest,
    response: AdminProductResponse,
    handler: async ({ params, body }) => ({ product: await admin.setOnSale(params.productId, body.onSale) }),
  });
}
