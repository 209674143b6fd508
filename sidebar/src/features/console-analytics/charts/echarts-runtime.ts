import { BarChart, FunnelChart, LineChart, type BarSeriesOption, type FunnelSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * The only module that imports ECharts, loaded on demand by EChart.tsx: its own chunk, fetched after the
 * analytics screen (tables first, charts a moment later), and only the three chart kinds the console draws.
 */
use([FunnelChart, BarChart, LineChart, TooltipComponent, GridComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<FunnelSeriesOption | BarSeriesOption | LineSeriesOption | TooltipComponentOption | GridComponentOption | LegendComponentOption>;

export interface ChartHandle {
  update(option: ChartOption): void;
  dispose(): void;
}

/** Draws into `element`, follows its size (the nav folds above the screen on a tablet), and reports clicks on data items by index. */
export function mountChart(element: HTMLElement, option: ChartOption, onItemClick: (dataIndex: number) => void): ChartHandle {
  const chart = init(element, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  chart.on('click', (params) => {
    if (typeof params.dataIndex === 'number') onItemClick(params.dataIndex);
  });
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(element);
  return {
    update: (next) => chart.setOption(next, { notMerge: true }),
    dispose: () => {
      resize.disconnect();
      chart.dispose();
    },
  };
}
