import { useEffect, useRef } from 'react';
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { Route } from '../../routes';
import { assetUrl } from '../../lib/asset-url';
import { tracker, type TrackTarget } from '../../lib/tracking';
import { knownInviteCode, prefetchInviteCode } from '../referral/invite-code';
import { shareQuery, sharePath } from './share-path';

export interface ShareContent {
  title: string;
  route: Route;
  /** The page's own query, e.g. `{ id }` of a product. */
  query?: Record<string, string>;
  imageUrl?: string;
  target: TrackTarget;
}

const FALLBACK_TITLE = '知客优选 · 甄选好物';

/**
 * The page's share menu (chat and, where WeChat offers it, Moments): the path carries the customer's
 * invite code, so whoever opens it is referred by them; each share is tracked. The page config must set
 * `enableShareAppMessage` / `enableShareTimeline`. `content` may be undefined while the page loads.
 */
export function usePageShare(content: ShareContent | undefined): void {
  const latest = useRef(content);
  latest.current = content;

  useEffect(prefetchInviteCode, []);

  useShareAppMessage(() => {
    const shared = latest.current;
    if (!shared) return { title: FALLBACK_TITLE };
    tracker().share(shared.target, 'chat');
    return {
      title: shared.title,
      path: sharePath(shared.route, shared.query ?? {}, knownInviteCode()),
      ...(shared.imageUrl ? { imageUrl: assetUrl(shared.imageUrl) } : {}),
    };
  });

  useShareTimeline(() => {
    const shared = latest.current;
    if (!shared) return { title: FALLBACK_TITLE };
    tracker().share(shared.target, 'timeline');
    return {
      title: shared.title,
      query: shareQuery(shared.query ?? {}, knownInviteCode()),
      ...(shared.imageUrl ? { imageUrl: assetUrl(shared.imageUrl) } : {}),
    };
  });
}

/**
 * The H5 build has no WeChat share sheet: the share button copies the page's link (with the invite
 * code) instead, which the demo console can open as another customer.
 */
export function shareInBrowser(content: ShareContent): void {
  tracker().share(content.target, 'chat');
  const path = sharePath(content.route, content.query ?? {}, knownInviteCode());
  const link = typeof window === 'undefined' ? path : `${window.location.origin}${window.location.pathname}#${path}`;
  Taro.setClipboardData({ data: link }).then(
    () => Taro.showToast({ title: '链接已复制，发给好友吧', icon: 'none' }),
    () => Taro.showToast({ title: '请点击右上角分享', icon: 'none' }),
  );
}
