import type { StageDefinition } from '@zhike/shared/stages';
import { Fragment } from 'react';
import type { StageEditor } from './use-stage-editor';

/** A stage's label in the corp's pipeline; a key the pipeline no longer has reads as itself. */
const labelOf = (stages: StageDefinition[], key: string) => stages.find((stage) => stage.key === key)?.label ?? key;

/**
 * The stage beside the name. For a follower it is a button that opens the selector; for anyone else (a
 * manager looking in) it only reads, since the server lets only followers move the customer.
 */
export function StageChip({ editor, editable, stages }: { editor: StageEditor; editable: boolean; stages: StageDefinition[] }) {
  const className = `c360-chip c360-stage c360-stage-${editor.shown}`;
  if (!editable) {
    return (
      <span className={className} data-testid="customer-stage" title="客户阶段（只有跟进这位客户的同事可以修改）">
        {labelOf(stages, editor.shown)}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`${className} c360-stage-button${editor.saving ? ' c360-stage-saving' : ''}`}
      data-testid="customer-stage"
      aria-expanded={editor.open}
      aria-busy={editor.saving}
      title={editor.saving ? '正在保存阶段…' : '客户阶段，点按修改'}
      disabled={editor.saving}
      onClick={editor.toggle}
    >
      {labelOf(stages, editor.shown)}
    </button>
  );
}

/** Inline under the name (a dialog would cover the chat): the corp's stages in pipeline order, the current one pressed. */
export function StageSelector({ editor, stages }: { editor: StageEditor; stages: StageDefinition[] }) {
  return (
    <div
      className="c360-stage-options"
      role="group"
      aria-label="修改客户阶段"
      data-testid="stage-selector"
      onKeyDown={(event) => event.key === 'Escape' && editor.close()}
    >
      {stages.map(({ key, label }, index) => (
        <Fragment key={key}>
          {index > 0 && (
            <span className="c360-stage-arrow" aria-hidden="true">
              ›
            </span>
          )}
          <button type="button" className="c360-option" data-testid="stage-option" aria-pressed={key === editor.shown} onClick={() => void editor.choose(key)}>
            {label}
          </button>
        </Fragment>
      ))}
    </div>
  );
}
