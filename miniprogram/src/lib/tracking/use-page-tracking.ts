import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import type { Route } from '../../routes';
import { tracker } from './taro-tracker';
import type { TrackTarget } from './types';

/** The page's subject is still loading: its view is reported once the title is known. */
export const TARGET_PENDING = 'pending';

/**
 * Page views with dwell time: a page_view when the page shows, a page_leave with the time it was
 * visible when it hides or unloads (navigateBack unloads without hiding). A detail page passes
 * TARGET_PENDING until its data arrives, so the salesperson sees "正在浏览《…》" with the title; the
 * view keeps the time the page actually showed.
 */
export function usePageTracking(route: Route, target?: TrackTarget | typeof TARGET_PENDING): void {
  const [visible, setVisible] = useState(false);
  const shownAt = useRef(0);
  const reported = useRef(false);

  useDidShow(() => {
    shownAt.current = Date.now();
    reported.current = false;
    setVisible(true);
  });
  useDidHide(() => {
    setVisible(false);
    tracker().pageHide(route);
  });
  useUnload(() => tracker().pageHide(route));

  useEffect(() => {
    if (!visible || reported.current || target === TARGET_PENDING) return;
    reported.current = true;
    tracker().pageShow(route, { target, shownAt: shownAt.current });
  }, [visible, target, route]);
}

/** A tap on something worth knowing about (a buy button, a banner): `onClick={() => trackTap(…)}`. */
export function trackTap(target: TrackTarget): void {
  tracker().tap(target);
}
