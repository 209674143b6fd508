export { CorpTagRepository, type CorpTagRecord } from './corp-tag.repository';
export { TagLibraryService } from './tag-library.service';
