export { CatalogRepository, type ArticleRecord, type ProductRecord } from './catalog.repository';
export { CatalogService } from './catalog.service';
export { registerCatalogRoutes } from './catalog.routes';
