import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { tracker } from './taro-tracker';
import type { TrackTarget } from './types';

/** At least this share of a card must be on screen for it to count as seen. */
const VISIBLE_RATIO = 0.5;

interface Watched {
  target: TrackTarget;
  elementId: string;
}

/** The id a list gives each card's root element so the observer can find it. */
export function exposureElementId(listKey: string, itemId: string): string {
  return `exp-${listKey}-${itemId}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** weapp: one Taro IntersectionObserver per card (WeChat observers report no dataset for id lookups on H5). */
function observeInWeapp(watched: readonly Watched[], expose: (target: TrackTarget) => void): () => void {
  const page = Taro.getCurrentInstance().page;
  if (!page) return exposeAll(watched, expose);
  const observers: Taro.IntersectionObserver[] = [];
  // The cards must exist in the view layer before a selector can match them.
  Taro.nextTick(() => {
    for (const { target, elementId } of watched) {
      const observer = Taro.createIntersectionObserver(page, { thresholds: [VISIBLE_RATIO] });
      observers.push(observer);
      observer.relativeToViewport().observe(`#${elementId}`, (result) => {
        if ((result.intersectionRatio ?? 0) < VISIBLE_RATIO) return;
        expose(target);
        observer.disconnect();
      });
    }
  });
  return () => observers.forEach((observer) => observer.disconnect());
}

/**
 * H5: the browser's own IntersectionObserver on the card elements. Taro's H5 observer measures against
 * the first `.taro_page` in the document, which is a hidden page once the user has navigated.
 */
function observeInBrowser(watched: readonly Watched[], expose: (target: TrackTarget) => void): () => void {
  const byElement = new Map<Element, TrackTarget>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const target = byElement.get(entry.target);
        if (!target || entry.intersectionRatio < VISIBLE_RATIO) continue;
        expose(target);
        observer.unobserve(entry.target);
      }
    },
    { threshold: [VISIBLE_RATIO] },
  );
  for (const { target, elementId } of watched) {
    const element = document.getElementById(elementId);
    if (!element) continue;
    byElement.set(element, target);
    observer.observe(element);
  }
  return () => observer.disconnect();
}

/** Without an observer (tests, old runtimes) a rendered card counts as exposed. */
function exposeAll(watched: readonly Watched[], expose: (target: TrackTarget) => void): () => void {
  for (const { target } of watched) expose(target);
  return () => undefined;
}

/**
 * Reports each card of a list (products, articles) as an `exposure` event when at least half of it
 * is on screen, once per page view. Cards carry `id={exposureElementId(listKey, item.id)}`.
 */
export function useExposure(listKey: string, targets: readonly TrackTarget[]): void {
  useEffect(() => {
    if (targets.length === 0) return undefined;
    const watched = targets.map((target) => ({ target, elementId: exposureElementId(listKey, target.id) }));
    const expose = (target: TrackTarget) => tracker().exposure(target);
    try {
      if (process.env.TARO_ENV === 'weapp') return observeInWeapp(watched, expose);
      if (typeof IntersectionObserver === 'function' && typeof document !== 'undefined') return observeInBrowser(watched, expose);
      return exposeAll(watched, expose);
    } catch {
      return exposeAll(watched, expose);
    }
  }, [listKey, targets]);
}
