import type { SegmentView } from '@zhike/shared/analytics';
import { useState } from 'react';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import type { ConsoleScreenProps } from '../../console-shell/console-section';
import { hasRole } from '../../console-shell/role-access';
import { fetchRfm, fetchSegments } from '../analytics.api';
import { ANALYTICS_ROUTES } from '../analytics-routes';
import { AnalyticsFrame, type AnalyticsView } from '../AnalyticsFrame';
import { useReport } from '../use-report';
import { RfmPanel } from './RfmPanel';
import { SegmentEditor } from './SegmentEditor';
import { SegmentList } from './SegmentList';

/** 客户分群: RFM cells, and the admin's rule-based segments; each opens as a customer list and exports as CSV. */
export default function SegmentsScreen({ staff }: ConsoleScreenProps) {
  return (
    <AnalyticsFrame route={ANALYTICS_ROUTES.segments} showRange={false}>
      {(view) => <Segments view={view} canEdit={hasRole(staff.role, 'admin')} />}
    </AnalyticsFrame>
  );
}

/** null: no form; 'new'; or the segment being edited. */
type Editing = null | 'new' | SegmentView;

function Segments({ view, canEdit }: { view: AnalyticsView; canEdit: boolean }) {
  const rfm = useReport(() => fetchRfm(view.filter.department), view.key);
  // Segments are counted within the viewer's scope, not a department: only 刷新 reads them again.
  const segments = useReport(fetchSegments, String(view.reloads));
  // Saved and deleted segments show at once: reading the list again would recount every segment.
  const [edits, setEdits] = useState<SegmentEdits>({});
  const [editing, setEditing] = useState<Editing>(null);
  const list = segments.state.kind === 'ready' ? applyEdits(segments.state.value, edits) : [];

  return (
    <>
      <LoadStatus loading={rfm.state.kind === 'loading'} error={rfm.state.kind === 'failed' ? rfm.state.message : undefined} onRetry={rfm.retry} />
      {rfm.state.kind === 'ready' && <RfmPanel report={rfm.state.value} canRecompute={canEdit} onRecomputed={view.refresh} />}

      <section className="console-card" aria-label="规则分群">
        <div className="panel-head">
          <h2>规则分群</h2>
          {canEdit && (
            <button type="button" className="button button-primary button-small" data-testid="new-segment" onClick={() => setEditing('new')}>
              新建分群
            </button>
          )}
        </div>
        <p className="form-hint">客户数为当前符合条件、且你有权查看的客户；点击数字查看名单。</p>
        {canEdit && editing !== null && (
          <SegmentEditor
            key={editing === 'new' ? 'new' : editing.id}
            segment={editing === 'new' ? null : editing}
            onSaved={(saved) => {
              setEdits((current) => ({ ...current, [saved.id]: saved }));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        <LoadStatus loading={segments.state.kind === 'loading'} error={segments.state.kind === 'failed' ? segments.state.message : undefined} onRetry={segments.retry} />
        {segments.state.kind === 'ready' && (
          <SegmentList
            segments={list}
            canEdit={canEdit}
            onEdit={setEditing}
            onDeleted={(id) => setEdits((current) => ({ ...current, [id]: 'deleted' }))}
          />
        )}
      </section>
    </>
  );
}

/** What was saved or deleted here since the list was read, by segment id. */
type SegmentEdits = Record<string, SegmentView | 'deleted'>;

/** The list as read, with this session's edits: saved ones replace theirs (new ones first), deleted ones go. */
function applyEdits(loaded: readonly SegmentView[], edits: SegmentEdits): SegmentView[] {
  const created = Object.values(edits).filter((edit): edit is SegmentView => edit !== 'deleted' && !loaded.some((segment) => segment.id === edit.id));
  return [...created.reverse(), ...loaded.map((segment) => edits[segment.id] ?? segment)].filter((segment): segment is SegmentView => segment !== 'deleted');
}
