export { WeComMediaRepository } from './wecom-media.repository';
export { WeComMediaCache, REFRESH_MARGIN_MS, TEMPORARY_MEDIA_LIFETIME_MS, type TemporaryMediaUploader } from './wecom-media-cache';
