import type { Customer360 } from '@zhike/shared/customers';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { formatShanghaiDateTime } from '@zhike/shared/time';
import { useState } from 'react';
import { NoteComposer } from './NoteComposer';
import { groupTimelineByDay, isLongNote, timeOf, withTimelineEntry } from './timeline-format';
import { TimelineIcon } from './TimelineIcon';

/** The server keeps this many latest entries in the 360. */
const TIMELINE_LIMIT = 30;

interface CustomerTimelineProps {
  data: Customer360;
  /** Followers may write notes; the server refuses anyone else. */
  canWrite: boolean;
  /** Shows a change the server confirmed (see useCustomer360's `update`). */
  onUpdate: (change: (data: Customer360) => Customer360) => void;
}

/** 动态: a note box on top, then what happened, newest first, one group per Beijing day. */
export function CustomerTimeline({ data, canWrite, onUpdate }: CustomerTimelineProps) {
  const days = groupTimelineByDay(data.timeline);
  return (
    <section className="card" aria-label="动态">
      <div className="c360-section-head">
        <h3 className="card-title">动态</h3>
      </div>
      {canWrite ? (
        <NoteComposer externalUserId={data.customer.externalUserId} onSaved={(entry) => onUpdate((current) => withTimelineEntry(current, entry))} />
      ) : (
        <p className="c360-hint">只有跟进这位客户的同事可以写备注</p>
      )}
      {days.length === 0 && (
        <p className="c360-empty" data-testid="customer-timeline-empty">
          还没有动态
        </p>
      )}
      {days.map((day) => (
        <div key={day.day} className="c360-tl-day" data-testid="timeline-day">
          <h4 className="c360-tl-day-label" title={day.day}>
            {day.label}
          </h4>
          <ol className="c360-tl">
            {day.entries.map((entry) => (
              <TimelineItem key={entry.id} entry={entry} />
            ))}
          </ol>
        </div>
      ))}
      {data.timeline.length >= TIMELINE_LIMIT && <p className="c360-hint">只显示最近 {TIMELINE_LIMIT} 条动态</p>}
    </section>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  return (
    <li className={`c360-tl-entry c360-tl-kind-${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind}>
      <TimelineIcon kind={entry.kind} />
      <div className="c360-tl-body">
        <div className="c360-tl-line">
          <p className="c360-tl-summary">{entry.summary}</p>
          <time className="c360-tl-time" dateTime={entry.at} title={formatShanghaiDateTime(entry.at)}>
            {timeOf(entry.at)}
          </time>
        </div>
        {entry.text && <NoteText text={entry.text} />}
      </div>
    </li>
  );
}

/** The note as written (line breaks kept); a long one starts clamped to four lines, with 展开. */
function NoteText({ text }: { text: string }) {
  const long = isLongNote(text);
  const [expanded, setExpanded] = useState(false);
  const clamped = long && !expanded;
  return (
    <div className="c360-tl-notebox">
      <p className={clamped ? 'c360-tl-note-text c360-tl-note-clamped' : 'c360-tl-note-text'} data-testid="timeline-note">
        {text}
      </p>
      {long && (
        <button type="button" className="c360-link" aria-expanded={expanded} onClick={() => setExpanded((open) => !open)}>
          {expanded ? '收起' : '展开'}
        </button>
      )}
    </div>
  );
}
