import { FUNNEL_STEP_LABELS, FUNNEL_STEP_RULES, type FunnelReport, type FunnelStepFigures } from '@zhike/shared/analytics';
import { useMemo } from 'react';
import type { AnalyticsFilter } from '../analytics-filter';
import { formatCount, formatMedianHours, formatRate } from '../analytics-format';
import { funnelOption } from '../charts/chart-options';
import { EChart } from '../charts/EChart';
import { DrillNumber, useOpenDrill } from '../drill-down/drill-down-context';
import { funnelDrill } from './funnel-drill';

/** The funnel: chart, the steps with their conversion and speed, the same per channel, and how it is counted. */
export function FunnelPanel({ report, filter }: { report: FunnelReport; filter: AnalyticsFilter }) {
  const open = useOpenDrill();
  const option = useMemo(() => funnelOption(report.steps), [report.steps]);
  const openStep = (index: number) => {
    const step = report.steps[index];
    if (step) open({ query: funnelDrill(filter, step.step), label: FUNNEL_STEP_LABELS[step.step] });
  };

  return (
    <>
      <div className="funnel-layout">
        <EChart option={option} label="转化漏斗图" onItemClick={openStep} height={300} testId="funnel-chart" />
        <div className="table-scroll">
          <table className="stats-table analytics-table" aria-label="漏斗各步" data-testid="funnel-table">
            <thead>
              <tr>
                <th>步骤</th>
                <th className="num">到达人数</th>
                <th className="num">较上一步转化</th>
                <th className="num">中位用时</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((step) => (
                <tr key={step.step} data-testid="funnel-step-row">
                  <td title={FUNNEL_STEP_RULES[step.step]}>{FUNNEL_STEP_LABELS[step.step]}</td>
                  <td className="num">
                    <DrillNumber query={funnelDrill(filter, step.step)} label={FUNNEL_STEP_LABELS[step.step]} testId={`drill-funnel-${step.step}`}>
                      {formatCount(step.reached)}
                    </DrillNumber>
                  </td>
                  <td className="num">{formatRate(step.conversionRate)}</td>
                  <td className="num">{formatMedianHours(step.medianHoursFromPrevious)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <details className="analytics-rule" data-testid="funnel-rule">
        <summary>口径说明</summary>
        <p>{report.rule}</p>
        <dl>
          {report.steps.map((step) => (
            <div key={step.step}>
              <dt>{FUNNEL_STEP_LABELS[step.step]}</dt>
              <dd>{FUNNEL_STEP_RULES[step.step]}</dd>
            </div>
          ))}
        </dl>
      </details>

      {report.byChannel.length > 0 && (
        <>
          <h3 className="analytics-subtitle">按渠道</h3>
          <div className="table-scroll">
            <table className="stats-table analytics-table" aria-label="按渠道的漏斗" data-testid="funnel-channel-table">
              <thead>
                <tr>
                  <th>渠道</th>
                  {report.steps.map((step) => (
                    <th key={step.step} className="num">
                      {FUNNEL_STEP_LABELS[step.step]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.byChannel.map((channel) => (
                  <tr key={channel.channelKey} data-testid="funnel-channel-row">
                    <td>{channel.label}</td>
                    {channel.steps.map((step) => (
                      <td key={step.step} className="num">
                        <ChannelStepCell figures={step} label={`${channel.label} · ${FUNNEL_STEP_LABELS[step.step]}`} query={funnelDrill(filter, step.step, channel.channelKey)} testId={`drill-funnel-${channel.channelKey}-${step.step}`} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function ChannelStepCell({ figures, label, query, testId }: { figures: FunnelStepFigures; label: string; query: ReturnType<typeof funnelDrill>; testId: string }) {
  return (
    <span className="channel-step">
      <DrillNumber query={query} label={label} testId={testId}>
        {formatCount(figures.reached)}
      </DrillNumber>
      {figures.conversionRate !== null && <span className="muted channel-step-rate">{formatRate(figures.conversionRate)}</span>}
    </span>
  );
}
