import { useCallback, useEffect, useState } from 'react';
import { readHashRoute } from '../console-shell/use-hash-route';
import { beijingToday, defaultFilter, filterHash, rangeSearch, readFilterFromHash, type AnalyticsFilter } from './analytics-filter';
import type { AnalyticsRoute } from './analytics-routes';

// The filter last used on any analytics screen of this tab: the nav links carry no query, and moving from 概览
// to 销售业绩 should not snap the range back to the default.
const LAST_FILTER_KEY = 'zhike.analytics.filter';

function lastFilter(): AnalyticsFilter | null {
  const stored = window.sessionStorage.getItem(LAST_FILTER_KEY);
  return stored === null ? null : readFilterFromHash(`?${stored}`);
}

/**
 * The analytics screen's filter, kept in the hash (`#/analytics?from=…&to=…&department=…`) so a reload, the
 * back button and a pasted link show the same range. Written with replaceState: changing the range is not a
 * new page, and no hashchange fires to reload the screen.
 */
export function useAnalyticsFilter(route: AnalyticsRoute) {
  const [filter, setFilter] = useState<AnalyticsFilter>(() => readFilterFromHash(window.location.hash) ?? lastFilter() ?? defaultFilter(beijingToday()));
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    window.sessionStorage.setItem(LAST_FILTER_KEY, rangeSearch(filter));
    // The user may have left for another section before this screen (lazily loaded) rendered: keep their choice.
    // An empty hash is the console's landing on this screen.
    const current = readHashRoute();
    if (current !== route && current !== '') return;
    const hash = filterHash(route, filter);
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  }, [route, filter]);

  useEffect(() => {
    // A link with another range pasted while this screen is open: same route, so the shell keeps the screen.
    const onChange = () => {
      const next = readFilterFromHash(window.location.hash);
      if (next && readHashRoute() === route) setFilter((current) => (sameFilter(current, next) ? current : next));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [route]);

  return { filter, setFilter, reloads, refresh: useCallback(() => setReloads((n) => n + 1), []) };
}

function sameFilter(a: AnalyticsFilter, b: AnalyticsFilter): boolean {
  return a.from === b.from && a.to === b.to && a.department === b.department;
}
