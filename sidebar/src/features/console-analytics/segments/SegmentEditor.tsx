import type { SegmentView } from '@zhike/shared/analytics';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import { fetchStagePipeline, fetchTagLibrary } from '../analytics.api';
import { useReport } from '../use-report';
import { SegmentForm } from './SegmentForm';

interface SegmentEditorProps {
  segment: SegmentView | null;
  onSaved: (segment: SegmentView) => void;
  onCancel: () => void;
}

/** The segment form once the tag library and the stage pipeline (its choices) have arrived. */
export function SegmentEditor({ segment, onSaved, onCancel }: SegmentEditorProps) {
  const choices = useReport(() => Promise.all([fetchTagLibrary(), fetchStagePipeline()]), 'choices');
  if (choices.state.kind !== 'ready') {
    return (
      <LoadStatus loading={choices.state.kind === 'loading'} error={choices.state.kind === 'failed' ? choices.state.message : undefined} onRetry={choices.retry} />
    );
  }
  const [tags, stages] = choices.state.value;
  return <SegmentForm segment={segment} tags={tags} stages={stages} onSaved={onSaved} onCancel={onCancel} />;
}
