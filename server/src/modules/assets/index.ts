export { AssetRepository, type AssetRecord } from './asset.repository';
export { AssetService } from './asset.service';
export { registerAssetRoutes } from './asset.routes';
