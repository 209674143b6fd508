import { FUNNEL_STEP_LABELS, type FunnelStepFigures, type OverviewReport, type RfmReport } from '@zhike/shared/analytics';
import { shortDay } from '../analytics-format';
import type { ChartOption } from './echarts-runtime';

const FONT = "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * The funnel in step order. Not sorted by size: a WeCom contact need not have visited the mini-program first,
 * so a later step can be wider, and the chart shows that instead of hiding it.
 */
export function funnelOption(steps: readonly FunnelStepFigures[]): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '8%',
        width: '84%',
        top: 8,
        bottom: 8,
        minSize: '12%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}  {c}' },
        data: steps.map((step) => ({ name: FUNNEL_STEP_LABELS[step.step], value: step.reached })),
      },
    ],
  };
}

/** New and lost contacts per day (left axis, 人) and net revenue (right axis, 元). Straight segments: a spline
 * between daily counts draws bumps and dips that no day had. */
export function trendOption(daily: OverviewReport['daily']): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 64, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: daily.map((day) => shortDay(day.day)) },
    yAxis: [
      { type: 'value', name: '人', minInterval: 1 },
      { type: 'value', name: '元', splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: '新增客户', data: daily.map((day) => day.newContacts), smooth: false, showSymbol: daily.length <= 31 },
      { type: 'line', name: '流失客户', data: daily.map((day) => day.lostContacts), smooth: false, showSymbol: daily.length <= 31 },
      { type: 'bar', name: '净营收', yAxisIndex: 1, data: daily.map((day) => day.netRevenueFen / 100), barMaxWidth: 16, itemStyle: { opacity: 0.45 } },
    ],
  };
}

/** Customers per RFM cell, in the cells' standard order (重要价值 first). */
export function rfmOption(cells: RfmReport['cells']): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    grid: { left: 72, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: cells.map((cell) => cell.label) },
    series: [{ type: 'bar', name: '客户数', data: cells.map((cell) => cell.customers), barMaxWidth: 18 }],
  };
}
