import crypto from 'node:crypto';
import { CHANNEL_STATE_PREFIX, ChannelState } from '@zhike/shared/channels';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 10 base62 characters: about 59 bits, so a guessed or altered state does not name another channel. */
const RANDOM_CHARS = 10;

/** A fresh state: `ch_` + 10 random base62 characters, 13 in all (WeCom allows 30). */
export function newChannelState(): string {
  let random = '';
  for (let i = 0; i < RANDOM_CHARS; i++) random += BASE62[crypto.randomInt(BASE62.length)];
  return CHANNEL_STATE_PREFIX + random;
}

/** Whether a state WeCom returned could be one of ours; anything else (other tools' states, tampering) is not looked up. */
export function isChannelState(state: string | undefined): state is string {
  return state !== undefined && ChannelState.safeParse(state).success;
}
