export { FanActivityFlow, IngestionRateLimited, LIVE_VIEW_WINDOW_MS, type FanActivityDeps } from './fan-activity.flow';
export { CustomerIntentFlow, fitFactsOf, type CustomerIntentDeps } from './customer-intent.flow';
export { registerFanActivityRoutes } from './fan-activity.routes';
export { BROWSE_ENTRY_WINDOW_MS, fanTimelineEntries } from './fan-timeline';
export { seedDemoFanActivity, type DemoFanActivityDeps } from './demo-fan-activity.seed';
