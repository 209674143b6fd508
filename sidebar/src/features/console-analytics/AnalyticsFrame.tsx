import type { ReactNode } from 'react';
import { rangeSearch, type AnalyticsFilter } from './analytics-filter';
import type { AnalyticsRoute } from './analytics-routes';
import { DrillDownProvider } from './drill-down/drill-down-context';
import { FilterBar } from './FilterBar';
import { useAnalyticsFilter } from './use-analytics-filter';

/** What a screen's reports are read for; `key` changes whenever they must be read again, `reloads` on each 刷新. */
export interface AnalyticsView {
  filter: AnalyticsFilter;
  key: string;
  reloads: number;
  refresh: () => void;
}

interface AnalyticsFrameProps {
  route: AnalyticsRoute;
  showRange?: boolean;
  children: (view: AnalyticsView) => ReactNode;
}

/** Every analytics screen: the shared filter bar on top, the screen's figures, and the customer list they open. */
export function AnalyticsFrame({ route, showRange = true, children }: AnalyticsFrameProps) {
  const { filter, setFilter, reloads, refresh } = useAnalyticsFilter(route);
  return (
    <DrillDownProvider>
      <div className="analytics-screen">
        <FilterBar filter={filter} onChange={setFilter} onRefresh={refresh} showRange={showRange} />
        {children({ filter, key: `${rangeSearch(filter)}#${reloads}`, reloads, refresh })}
      </div>
    </DrillDownProvider>
  );
}

/** What an empty range shows instead of blank charts and rows of zeros. */
export function NoData() {
  return (
    <p className="analytics-empty" data-testid="analytics-empty">
      所选时间内暂无数据
    </p>
  );
}
