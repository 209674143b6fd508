export { TimelineRepository, type TimelineRecord } from './timeline.repository';
export { toTimelineEntry } from './timeline-summary';
