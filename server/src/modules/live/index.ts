export { InProcessLiveBus, type LiveBus, type LiveListener, type LiveMessage, type LiveTimelineRecord } from './live-bus';
export { EventStream, HEARTBEAT_MS } from './event-stream';
