import Taro from '@tarojs/taro';
import { describeEntry } from './entry';
import { tracker } from './taro-tracker';

type AppShowOptions = { query?: Record<string, string | undefined> };

/**
 * App-wide hooks, installed once at launch: the entry of the session (share path, poster scene) and the
 * app going to and coming back from the background (which flushes, and may start a new session).
 */
export function installAppTracking(launchQuery: Record<string, string | undefined> | undefined): void {
  tracker().setEntry(describeEntry(launchQuery));
  Taro.onAppShow((options?: AppShowOptions) => {
    // A warm start from a shared card brings a new entry with it.
    const entry = describeEntry(options?.query);
    if (entry) tracker().setEntry(entry);
    tracker().appShow();
  });
  Taro.onAppHide(() => tracker().appHide());
}
