export { ContentTrackingRepository, type ContentSendRecord, type ContentStatsCounters, type ContentTouchListener } from './content-tracking.repository';
export type { ContentTouchDocument, ContentTouchKind } from './content-tracking.model';
