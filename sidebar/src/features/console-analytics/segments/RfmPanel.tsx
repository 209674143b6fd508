import { RFM_CELL_RULE, type RfmReport } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { useMemo } from 'react';
import { formatCount } from '../analytics-format';
import { rfmOption } from '../charts/chart-options';
import { EChart } from '../charts/EChart';
import { DrillNumber, useOpenDrill } from '../drill-down/drill-down-context';
import { SnapshotStamp } from '../SnapshotStamp';

/** The eight RFM cells: how many buyers each holds and what they spent, with the averages they are split by. */
export function RfmPanel({ report, canRecompute, onRecomputed }: { report: RfmReport; canRecompute: boolean; onRecomputed: () => void }) {
  const open = useOpenDrill();
  const option = useMemo(() => rfmOption(report.cells), [report.cells]);
  const openCell = (index: number) => {
    const cell = report.cells[index];
    if (cell) open({ query: { population: 'rfm', cell: cell.cell }, label: cell.label });
  };

  return (
    <section className="console-card" aria-label="RFM 分群">
      <div className="panel-head">
        <h2>RFM 分群</h2>
        <SnapshotStamp asOf={report.asOf} canRecompute={canRecompute} onRecomputed={onRecomputed} />
      </div>
      {report.buyers === 0 ? (
        <p className="analytics-empty" data-testid="analytics-empty">
          还没有支付过订单的客户，暂无 RFM 分群
        </p>
      ) : (
        <>
          <p className="rfm-averages" data-testid="rfm-averages">
            购买客户 {formatCount(report.buyers)} 人；平均距最近一次购买 {report.averages.recencyDays.toFixed(1)} 天，平均购买 {report.averages.frequency.toFixed(1)} 次，平均净消费 {formatFen(Math.round(report.averages.monetaryFen))}
          </p>
          <div className="rfm-layout">
            <EChart option={option} label="各 RFM 分群的客户数" onItemClick={openCell} height={260} testId="rfm-chart" />
            <div className="rfm-grid">
              {report.cells.map((cell) => {
                const rule = RFM_CELL_RULE[cell.cell];
                return (
                  <div key={cell.cell} className="rfm-cell" data-testid={`rfm-cell-${cell.cell}`}>
                    <span className="rfm-cell-label">{cell.label}</span>
                    <span className="rfm-cell-rule">
                      R{rule.r ? '近' : '远'} · F{rule.f ? '高' : '低'} · M{rule.m ? '高' : '低'}
                    </span>
                    <span className="rfm-cell-count">
                      <DrillNumber query={{ population: 'rfm', cell: cell.cell }} label={cell.label} testId={`drill-rfm-${cell.cell}`}>
                        {formatCount(cell.customers)}
                      </DrillNumber>{' '}
                      人
                    </span>
                    <span className="muted">{formatFen(cell.netRevenueFen)}</span>
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
      <details className="analytics-rule">
        <summary>口径说明</summary>
        <p>{report.rule}</p>
      </details>
    </section>
  );
}
