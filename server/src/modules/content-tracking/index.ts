export { ContentTrackingRepository, type ContentSendRecord, type ContentStatsCounters } from './content-tracking.repository';
export type { ContentTouchDocument, ContentTouchKind } from './content-tracking.model';
