export { ChannelRepository, type ChannelRecord, type ChannelSettingsRecord } from './channel.repository';
export { ChannelActivityRepository, type ChannelAddRecord, type ChannelFirstTouchRecord, type ChannelWelcomeRecord } from './channel-activity.repository';
export type { ChannelDocument, WelcomeOutcome } from './channel.model';
export { eligibleUsers, assignedUserids, isWithinWorkingHours, shanghaiClock } from './rotation';
export { newChannelState, isChannelState } from './channel-state';
