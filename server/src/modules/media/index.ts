export { WeComMediaRepository } from './wecom-media.repository';
export { WeComMediaCache, REFRESH_MARGIN_MS, type TemporaryMediaUploader } from './wecom-media-cache';
