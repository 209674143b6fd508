/** The 获客 screens in one lazily loaded chunk (the console's first load stays the shell). */
export { default as ChannelsScreen } from './ChannelsScreen';
