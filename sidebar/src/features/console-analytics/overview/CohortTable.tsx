import { FUNNEL_STEP_LABELS, FUNNEL_STEPS, type FunnelReport } from '@zhike/shared/analytics';
import { addDays, type AnalyticsFilter } from '../analytics-filter';
import { formatCount, formatRate } from '../analytics-format';
import { DrillNumber } from '../drill-down/drill-down-context';
import { funnelDrill } from './funnel-drill';

/** Cell shading: the share of the week's cohort that reached the step, as the strength of the blue. */
export function heatStyle(share: number): { background: string; color?: string } {
  const alpha = Math.round(Math.min(1, Math.max(0, share)) * 70) / 100;
  return alpha >= 0.45 ? { background: `rgba(22, 119, 255, ${alpha})`, color: '#fff' } : { background: `rgba(22, 119, 255, ${alpha})` };
}

/** By first-touch week: how many entered, and how far each week's customers have got by now. */
export function CohortTable({ cohorts, filter }: { cohorts: FunnelReport['cohorts']; filter: AnalyticsFilter }) {
  return (
    <div className="table-scroll">
      <table className="stats-table analytics-table cohort-table" aria-label="按首次接触周的同期群" data-testid="cohort-table">
        <thead>
          <tr>
            <th>首次接触周</th>
            <th className="num">首次接触</th>
            {FUNNEL_STEPS.map((step) => (
              <th key={step} className="num">
                {FUNNEL_STEP_LABELS[step]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => {
            // The whole week: the cohort counts everyone whose first touch fell in it.
            const week = { from: cohort.week, to: addDays(cohort.week, 6), department: filter.department };
            return (
              <tr key={cohort.week} data-testid="cohort-row">
                <td>
                  {cohort.week.slice(5)} 起一周
                </td>
                <td className="num">{formatCount(cohort.entered)}</td>
                {FUNNEL_STEPS.map((step) => {
                  const reached = cohort.reached[step];
                  const share = cohort.entered === 0 ? 0 : reached / cohort.entered;
                  return (
                    <td key={step} className="num cohort-cell" style={heatStyle(share)} title={`占本周首次接触的 ${formatRate(share)}`}>
                      <DrillNumber query={funnelDrill(week, step)} label={`${cohort.week} 起一周 · ${FUNNEL_STEP_LABELS[step]}`} testId={`drill-cohort-${cohort.week}-${step}`}>
                        {formatCount(reached)}
                      </DrillNumber>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
