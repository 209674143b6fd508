import type { Kpi } from '@zhike/shared/analytics';
import type { ReactNode } from 'react';
import { formatChange } from '../analytics-format';

interface KpiCardProps {
  id: string;
  label: string;
  kpi: Kpi;
  format: (value: number) => string;
  /** The value, already wrapped in what it opens (its customer list, or the screen that breaks it down). */
  renderValue: (text: string) => ReactNode;
  /** Whether a rise is good news (more orders) or bad (more customers lost): colours the change. */
  riseIsGood?: boolean;
}

/** One top figure with its change against the period of equal length just before. */
export function KpiCard({ id, label, kpi, format, renderValue, riseIsGood = true }: KpiCardProps) {
  const change = formatChange(kpi);
  const tone = change.direction === 'up' || change.direction === 'down' ? ((change.direction === 'up') === riseIsGood ? 'good' : 'bad') : 'neutral';
  return (
    <section className="kpi-card" aria-label={label} data-testid={`kpi-${id}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{renderValue(format(kpi.value))}</span>
      <span className="kpi-foot">
        <span className={`kpi-change kpi-change-${tone}`} data-testid={`kpi-${id}-change`}>
          {change.text}
        </span>
        <span className="muted">上期 {format(kpi.previous)}</span>
      </span>
    </section>
  );
}
