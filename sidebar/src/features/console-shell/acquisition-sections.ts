import { lazy } from 'react';
import type { ConsoleSection } from './console-section';

/** 获客: channel codes (渠道活码); their screens load as one chunk of their own. */
export const ACQUISITION_SECTIONS: readonly ConsoleSection[] = [
  { id: 'channels', label: '渠道活码', group: '获客', minRole: 'admin', screen: lazy(() => import('../console-channels/channel-screens').then((m) => ({ default: m.ChannelsScreen }))) },
];
