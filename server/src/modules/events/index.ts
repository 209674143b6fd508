export { FanEventRepository, type InsertOutcome } from './fan-event.repository';
export type { FanEventDocument } from './fan-event.model';
export { checkEvents, MAX_CLOCK_SKEW_MS, MAX_EVENT_AGE_MS, type CheckedBatch, type ValidEvent } from './event-validation';
export { TokenBucketLimiter, type TokenBucketOptions } from './token-bucket';
