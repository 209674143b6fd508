import { DEFAULT_STAGE_PIPELINE, StagePipelineResponse, type StageDefinition } from '@zhike/shared/stages';
import { useEffect, useState } from 'react';
import { getJson } from '../../../lib/http';

/**
 * The corp's pipeline for the 适用阶段 choices. The default pipeline shows at once and stays if the corp's own
 * cannot be read: the choice is a hint for recommendations, not worth blocking the editor for.
 */
export function useStagePipeline(): StageDefinition[] {
  const [stages, setStages] = useState(DEFAULT_STAGE_PIPELINE);
  useEffect(() => {
    let live = true;
    getJson('/api/stages', StagePipelineResponse).then(
      (answer) => live && answer.stages.length > 0 && setStages(answer.stages),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return stages;
}
