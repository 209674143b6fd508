import { LiveViewing } from '@zhike/shared/events';
import { TimelineEntry } from '@zhike/shared/timeline';
import { useEffect, useRef, useState } from 'react';

/** The banner stays this long after the last view: a customer still on the page keeps sending views. */
export const VIEWING_SHOWN_MS = 60_000;

export const liveSignalPath = (externalUserId: string) => `/api/live/customers/by-external-userid/${encodeURIComponent(externalUserId)}`;

/**
 * The open customer's live signal over SSE: what they are viewing now, and new timeline entries as they
 * are written. EventSource reconnects by itself (the server asks for 3 s); the stream is closed on unmount
 * or when the chat changes. Same origin, so the staff session cookie goes along.
 */
export function useLiveSignal(externalUserId: string, onEntry: (entry: TimelineEntry) => void): { viewing: LiveViewing | null } {
  const [viewing, setViewing] = useState<LiveViewing | null>(null);
  // The latest callback without reopening the stream each render.
  const entryHandler = useRef(onEntry);
  entryHandler.current = onEntry;

  useEffect(() => {
    setViewing(null);
    if (typeof EventSource === 'undefined') return; // an old WebView: the 360 still loads, just not live
    const source = new EventSource(liveSignalPath(externalUserId));
    let hide: ReturnType<typeof setTimeout> | undefined;
    const onViewing = (message: MessageEvent<string>) => {
      const parsed = LiveViewing.safeParse(safeJson(message.data));
      if (!parsed.success) return;
      setViewing(parsed.data);
      clearTimeout(hide);
      hide = setTimeout(() => setViewing(null), VIEWING_SHOWN_MS);
    };
    const onTimeline = (message: MessageEvent<string>) => {
      const parsed = TimelineEntry.safeParse((safeJson(message.data) as { entry?: unknown } | undefined)?.entry);
      if (parsed.success) entryHandler.current(parsed.data);
    };
    source.addEventListener('viewing', onViewing as EventListener);
    source.addEventListener('timeline', onTimeline as EventListener);
    return () => {
      clearTimeout(hide);
      source.close();
    };
  }, [externalUserId]);

  return { viewing };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
