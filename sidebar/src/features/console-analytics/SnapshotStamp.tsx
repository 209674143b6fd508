import { useState } from 'react';
import { toFormError } from '../console-content/form/form-error';
import { formatDateTime } from './analytics-format';
import { recomputeSnapshot } from './analytics.api';

interface SnapshotStampProps {
  asOf: string | null;
  /** Admins may recompute now instead of waiting for the periodic run. */
  canRecompute: boolean;
  onRecomputed: () => void;
}

/** When the snapshot behind RFM, coverage and churn risk was computed, and (admin) 立即更新. */
export function SnapshotStamp({ asOf, canRecompute, onRecomputed }: SnapshotStampProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const recompute = async () => {
    setBusy(true);
    setError(null);
    try {
      await recomputeSnapshot();
      onRecomputed();
    } catch (failure) {
      setError(toFormError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="snapshot-stamp">
      <span className="muted">{asOf === null ? '还没有计算过' : `数据更新于 ${formatDateTime(asOf)}`}</span>
      {canRecompute && (
        <button type="button" className="link-button" data-testid="recompute-snapshot" disabled={busy} onClick={() => void recompute()}>
          {busy ? '正在更新…' : '立即更新'}
        </button>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
