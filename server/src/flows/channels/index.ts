export { ChannelAdminFlow, type ContactWayApi } from './channel-admin.flow';
export { ChannelWelcomeFlow, WELCOME_WINDOW_MS, type ContactAdded, type GreetResult } from './channel-welcome.flow';
export { ChannelContactFlow } from './channel-contact.flow';
export { ChannelRotationFlow } from './channel-rotation.flow';
export { ChannelStatsFlow } from './channel-stats.flow';
export { ChannelCodesFlow } from './channel-codes.flow';
export { registerChannelRoutes, type ChannelRouteDeps } from './channels.routes';
