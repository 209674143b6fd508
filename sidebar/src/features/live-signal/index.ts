export { useLiveSignal, liveSignalPath, VIEWING_SHOWN_MS } from './use-live-signal';
export { LiveViewingBanner } from './LiveViewingBanner';
