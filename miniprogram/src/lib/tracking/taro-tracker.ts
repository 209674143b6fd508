import Taro from '@tarojs/taro';
import { clearSession, onLogin, readSession, warmUpSession } from '../auth';
import { userScopedKey } from '../platform';
import { randomId } from '../random-id';
import { taroTransport } from './taro-transport';
import { Tracker } from './tracker';
import type { TrackEvent } from './types';

const QUEUE_KEY = 'zhike.trackingQueue';

let instance: Tracker | undefined;
let listeningForLogin = false;

function createTracker(): Tracker {
  const queueKey = userScopedKey(QUEUE_KEY);
  return new Tracker({
    transport: taroTransport,
    storage: {
      load: () => Taro.getStorageSync(queueKey),
      save: (events: readonly TrackEvent[]) => {
        if (events.length > 0) Taro.setStorageSync(queueKey, events);
        else Taro.removeStorageSync(queueKey);
      },
    },
    timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    now: () => Date.now(),
    token: () => readSession()?.token,
    newId: () => randomId(),
    onUnauthorized: () => {
      clearSession();
      warmUpSession();
    },
    report: (problem) => {
      if (process.env.NODE_ENV !== 'production') console.warn('[tracking]', problem);
    },
  });
}

/** The app's one tracker (created on first use, so tests can reset it). */
export function tracker(): Tracker {
  instance ??= createTracker();
  if (!listeningForLogin) {
    listeningForLogin = true;
    // Events held before login go out as soon as there is a token.
    onLogin(() => void instance?.flush());
  }
  return instance;
}

/** Tests only: the next tracker() starts afresh (its queue restored from storage). */
export function resetTrackerForTests(): void {
  instance = undefined;
}
