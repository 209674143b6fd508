import type { TimelineEntry } from '@zhike/shared/timeline';
import { useState } from 'react';
import { NOTE_COUNTER_FROM, useNoteComposer } from './use-note-composer';

/**
 * One line saying 写备注… until tapped, then a textarea with 保存 (Ctrl/⌘+Enter too). It is the same
 * element throughout, so focus and the half-written text survive the expansion.
 */
export function NoteComposer({ externalUserId, onSaved }: { externalUserId: string; onSaved: (entry: TimelineEntry) => void }) {
  const note = useNoteComposer({ externalUserId, onSaved });
  const [focused, setFocused] = useState(false);
  const expanded = focused || note.text.length > 0 || note.error !== null;

  return (
    <div className={expanded ? 'c360-note c360-note-open' : 'c360-note'}>
      <textarea
        className="c360-note-input"
        data-testid="note-input"
        aria-label="写备注"
        placeholder="写备注…"
        rows={expanded ? 4 : 1}
        value={note.text}
        readOnly={note.saving}
        onChange={(event) => note.setText(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void note.submit();
          }
        }}
      />
      {note.error && (
        <p className="toast toast-error" role="alert" data-testid="note-error">
          备注没有保存：{note.error}
        </p>
      )}
      {expanded && (
        <div className="c360-note-actions">
          {note.remaining <= NOTE_COUNTER_FROM && (
            <span className={note.remaining < 0 ? 'c360-note-count c360-note-over' : 'c360-note-count'} data-testid="note-remaining" aria-live="polite">
              {note.remaining < 0 ? `超出 ${-note.remaining} 字` : `还可输入 ${note.remaining} 字`}
            </span>
          )}
          <button
            type="button"
            className="button button-small button-primary"
            data-testid="save-note"
            onClick={() => void note.submit()}
            disabled={!note.canSave}
          >
            {note.saving ? '保存中…' : '保存'}
          </button>
        </div>
      )}
    </div>
  );
}
