export { TimelineRepository, type TimelineListener, type TimelineRecord } from './timeline.repository';
export { toTimelineEntry, type TimelineNames } from './timeline-summary';
