export { ContentSendingFlow } from './content-sending.flow';
export { ContentEngagementFlow, ATTRIBUTION_WINDOW_MS } from './content-engagement.flow';
export { registerContentRoutes } from './content.routes';
export { ScriptRecommendationsFlow } from './script-recommendations.flow';
