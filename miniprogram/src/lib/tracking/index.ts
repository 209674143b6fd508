/** The mini-program's fan-action tracking: the pure core (tracker.ts) and its Taro wiring. */
export { installAppTracking } from './app-tracking';
export { tracker } from './taro-tracker';
export { TARGET_PENDING, trackTap, usePageTracking } from './use-page-tracking';
export { exposureElementId, useExposure } from './use-exposure';
export type { TrackTarget } from './types';
