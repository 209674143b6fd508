import type { TimelineKind } from '@zhike/shared/timeline';
import type { ReactNode } from 'react';
import { TIMELINE_KINDS } from './timeline-format';

/**
 * Line drawings on a 24 px grid, stroked in the kind's colour. Inline SVG rather than emoji: emoji fonts are
 * missing or monochrome on some WeCom desktop clients, and an icon library would cost the first load.
 */
const DRAWINGS: Record<TimelineKind, ReactNode> = {
  contact_added: (
    <>
      <circle cx="9" cy="8" r="4" />
      <path d="M2 21a7 7 0 0 1 14 0M19 8v6M16 11h6" />
    </>
  ),
  contact_removed: (
    <>
      <circle cx="9" cy="8" r="4" />
      <path d="M2 21a7 7 0 0 1 14 0M16 11h6" />
    </>
  ),
  tags_changed: (
    <>
      <path d="M20.6 13.4l-7.2 7.2a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z" />
      <circle cx="8" cy="8" r="1.5" />
    </>
  ),
  stage_changed: <path d="M5 21V4M5 4h13l-2.5 4.5L18 13H5" />,
  note: <path d="M4 20h4L19 9l-4-4L4 16zM13 7l4 4" />,
  content_sent: <path d="M22 2L11 13M22 2l-7 20-4-9-9-4z" />,
  content_opened: (
    <>
      <path d="M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  poster_scanned: <path d="M3 7V3h4M17 3h4v4M21 17v4h-4M7 21H3v-4M7 12h10" />,
  // A form: a card with lines, for custom fields filled in.
  fields_changed: <path d="M5 3h14v18H5zM9 8h6M9 12h6M9 16h3" />,
  // Two people and an arrow between them: a customer handed from one salesperson to another.
  customer_reassigned: (
    <>
      <circle cx="6" cy="7" r="3" />
      <circle cx="18" cy="7" r="3" />
      <path d="M2 20a4 4 0 0 1 8 0M14 20a4 4 0 0 1 8 0M9 13h6M13 11l2 2-2 2" />
    </>
  ),
  // A page with an eye-like fold: something in the mini-program looked at.
  page_viewed: <path d="M6 2h9l5 5v15H6zM14 2v6h6M9 14s1.5-3 4-3 4 3 4 3-1.5 3-4 3-4-3-4-3z" />,
  // Three linked dots, the usual share glyph.
  content_shared: (
    <>
      <circle cx="18" cy="5" r="3" />
      <circle cx="6" cy="12" r="3" />
      <circle cx="18" cy="19" r="3" />
      <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4" />
    </>
  ),
  // A person with an arrow coming in: brought by someone else.
  referred_by: (
    <>
      <circle cx="14" cy="8" r="4" />
      <path d="M7 21a7 7 0 0 1 14 0M1 12h6M4 9l3 3-3 3" />
    </>
  ),
  // A person with a tick: someone they invited came.
  invited_customer: (
    <>
      <circle cx="9" cy="8" r="4" />
      <path d="M2 21a7 7 0 0 1 14 0M17 8l2 2 4-4" />
    </>
  ),
  // A bag: an order paid.
  order_paid: <path d="M5 8h14l-1 13H6zM9 8V6a3 3 0 0 1 6 0v2" />,
  // A bag with an arrow back: money returned.
  order_refunded: <path d="M5 8h14l-1 13H6zM9 8V6a3 3 0 0 1 6 0v2M14 15H9m2-2l-2 2 2 2" />,
};

export function TimelineIcon({ kind }: { kind: TimelineKind }) {
  const { label } = TIMELINE_KINDS[kind];
  return (
    <span className="c360-tl-icon" role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {DRAWINGS[kind]}
      </svg>
    </span>
  );
}
