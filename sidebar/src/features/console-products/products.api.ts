import { AdminProductListResponse, AdminProductResponse, type SaveProductRequest } from '@zhike/shared/catalog';
import { getJson } from '../../lib/http';
import { sendJson } from '../../lib/http-write';

/** A product as the console edits it: the store's view plus its image asset ids and rank. */
export type AdminProduct = AdminProductListResponse['items'][number];

/** Every product, off sale too, in the store's order (featured first). */
export async function listAdminProducts(): Promise<AdminProduct[]> {
  return (await getJson('/api/admin/products', AdminProductListResponse)).items;
}

export async function createProduct(request: SaveProductRequest): Promise<AdminProduct> {
  return (await sendJson('POST', '/api/admin/products', request, AdminProductResponse)).product;
}

/** SKUs with an id are updated, new ones added, and a SKU left out goes off sale (orders may name it). */
export async function updateProduct(productId: string, request: SaveProductRequest): Promise<AdminProduct> {
  return (await sendJson('PUT', `/api/admin/products/${encodeURIComponent(productId)}`, request, AdminProductResponse)).product;
}

/** Only the flag: stock taken by orders since the list loaded is left alone. */
export async function setProductOnSale(productId: string, onSale: boolean): Promise<AdminProduct> {
  return (await sendJson('PUT', `/api/admin/products/${encodeURIComponent(productId)}/on-sale`, { onSale }, AdminProductResponse)).product;
}
