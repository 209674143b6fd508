export { TimelineRepository, type TimelineRecord } from './timeline.repository';
export { toTimelineEntry, type TimelineNames } from './timeline-summary';
