import type { SegmentView } from '@zhike/shared/analytics';
import { useState } from 'react';
import { toFormError } from '../../console-content/form/form-error';
import { deleteSegment } from '../analytics.api';
import { formatCount, formatDateTime } from '../analytics-format';
import { DrillNumber } from '../drill-down/drill-down-context';
import { drillDownPath } from '../drill-down/drill-down-path';

interface SegmentListProps {
  segments: readonly SegmentView[];
  canEdit: boolean;
  onEdit: (segment: SegmentView) => void;
  onDeleted: (id: string) => void;
}

/** The rule-based segments with how many customers match now; each opens as a list and exports as CSV. */
export function SegmentList({ segments, canEdit, onEdit, onDeleted }: SegmentListProps) {
  if (segments.length === 0) return <p className="muted">{canEdit ? '还没有规则分群。点击“新建分群”，按标签、阶段、意向分或活跃情况圈出一群客户。' : '还没有规则分群，可请管理员创建。'}</p>;
  return (
    <div className="table-scroll">
      <table className="stats-table analytics-table" aria-label="规则分群" data-testid="segments-table">
        <thead>
          <tr>
            <th>分群</th>
            <th>条件</th>
            <th className="num">客户数</th>
            <th>更新于</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <SegmentRow key={segment.id} segment={segment} canEdit={canEdit} onEdit={() => onEdit(segment)} onDeleted={() => onDeleted(segment.id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SegmentRow({ segment, canEdit, onEdit, onDeleted }: { segment: SegmentView; canEdit: boolean; onEdit: () => void; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = { population: 'segment', segmentId: segment.id } as const;

  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      await deleteSegment(segment.id);
      onDeleted();
    } catch (failure) {
      setError(toFormError(failure).message);
      setDeleting(false);
    }
  };

  return (
    <tr data-testid="segment-row">
      <td>{segment.name}</td>
      <td className="segment-summary">{segment.summary}</td>
      <td className="num">
        <DrillNumber query={query} label={segment.name} testId={`drill-segment-${segment.id}`}>
          {formatCount(segment.customers)}
        </DrillNumber>
      </td>
      <td>{formatDateTime(segment.updatedAt)}</td>
      <td>
        <span className="inline-confirm">
          <a className="link-button" href={drillDownPath(query, { format: 'csv' })} download data-testid={`export-segment-${segment.id}`}>
            导出 CSV
          </a>
          {canEdit && !confirming && (
            <>
              <button type="button" className="link-button" data-testid={`edit-segment-${segment.id}`} onClick={onEdit}>
                编辑
              </button>
              <button type="button" className="link-button link-danger" data-testid={`delete-segment-${segment.id}`} onClick={() => setConfirming(true)}>
                删除
              </button>
            </>
          )}
          {canEdit && confirming && (
            <>
              确定删除「{segment.name}」？
              <button type="button" className="button button-small button-danger" data-testid={`confirm-delete-segment-${segment.id}`} disabled={deleting} onClick={() => void remove()}>
                删除
              </button>
              <button type="button" className="button button-small" disabled={deleting} onClick={() => setConfirming(false)}>
                取消
              </button>
            </>
          )}
        </span>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
