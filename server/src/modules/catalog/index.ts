export { CatalogRepository, type ArticleRecord, type ProductRecord, type SkuRecord } from './catalog.repository';
export { CatalogService } from './catalog.service';
export { registerCatalogRoutes } from './catalog.routes';
export { ProductAdminService } from './product-admin.service';
export type { AdminProductView } from './product-view';
