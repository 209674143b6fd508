import { useEffect, useRef, useState } from 'react';
import type { ChartHandle, ChartOption } from './echarts-runtime';

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the figures themselves are in the table beside it). */
  label: string;
  /** A click on a bar, point or funnel layer, by its index in the data. */
  onItemClick?: (dataIndex: number) => void;
  height?: number;
  testId?: string;
}

/** One ECharts chart. The library arrives as its own chunk; until then (or if it cannot) the box says so. */
export function EChart({ option, label, onItemClick, height = 280, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartHandle | null>(null);
  const latest = useRef({ option, onItemClick });
  latest.current = { option, onItemClick };
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('./echarts-runtime').then(
      ({ mountChart }) => {
        if (!live || !box.current) return;
        chart.current = mountChart(box.current, latest.current.option, (index) => latest.current.onItemClick?.(index));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.update(option);
  }, [option]);

  return (
    <div className="analytics-chart-wrap" style={{ height }}>
      <div ref={box} className="analytics-chart" role="img" aria-label={label} data-testid={testId} />
      {/* Shown by CSS while the box is still empty: ECharts fills it, so success needs no re-render. */}
      {failed ? <p className="analytics-chart-note field-error">图表没有加载成功，请刷新页面；表格中的数字不受影响。</p> : <p className="analytics-chart-note analytics-chart-waiting muted">图表加载中…</p>}
    </div>
  );
}
