import type { LiveViewing } from '@zhike/shared/events';
import { timeOf } from '../customer-360/timeline-format';

/** "正在浏览《精华护肤套装》" at the top of the 360 while the customer is in the mini-program. */
export function LiveViewingBanner({ viewing }: { viewing: LiveViewing | null }) {
  if (!viewing) return null;
  return (
    <p
      className="card"
      role="status"
      data-testid="live-viewing"
      style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '8px 12px', color: '#0b7a3e', background: '#ecfaf1', fontSize: 13, margin: 0 }}
    >
      <span aria-hidden="true" style={{ width: 8, height: 8, borderRadius: 4, background: '#19be6b', flex: 'none' }} />
      <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>正在浏览《{viewing.title}》</span>
      <span style={{ color: '#5c8f70', fontSize: 12 }}>{timeOf(viewing.at)}</span>
    </p>
  );
}
