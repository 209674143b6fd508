export { CorpTagRepository, type CorpTagRecord } from './corp-tag.repository';
export { TagLibraryService } from './tag-library.service';
export { LocalTagService } from './local-tag.service';
export { registerLocalTagRoutes } from './local-tag.routes';
