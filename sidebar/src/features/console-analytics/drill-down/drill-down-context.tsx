import type { DrillDownQuery } from '@zhike/shared/analytics';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { DrillDownDrawer } from './DrillDownDrawer';
import { drillDownPath } from './drill-down-path';

/** A figure's customer list: which customers, and what to call the list until the server's title arrives. */
export interface DrillTarget {
  query: DrillDownQuery;
  label: string;
}

const OpenDrill = createContext<((target: DrillTarget) => void) | null>(null);

/** Holds the open customer list of one analytics screen; every figure inside may open it. */
export function DrillDownProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  // Focus goes back to the figure that opened the list, so a keyboard user continues where they were.
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((next: DrillTarget) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTarget(next);
  }, []);
  const close = useCallback(() => {
    setTarget(null);
    opener.current?.focus();
  }, []);
  return (
    <OpenDrill.Provider value={open}>
      {children}
      {target && <DrillDownDrawer key={drillDownPath(target.query, { format: 'csv' })} target={target} onClose={close} />}
    </OpenDrill.Provider>
  );
}

export function useOpenDrill(): (target: DrillTarget) => void {
  const open = useContext(OpenDrill);
  if (!open) throw new Error('useOpenDrill outside DrillDownProvider');
  return open;
}

interface DrillNumberProps {
  query: DrillDownQuery;
  /** What the figure counts ("已下单"), for the list's provisional title and the button's accessible name. */
  label: string;
  /** Stable handle for browser tests: `drill-funnel-ordered`, `drill-sales-lilei-newContacts`. */
  testId: string;
  children: ReactNode;
}

/** A figure that opens the customers behind it. */
export function DrillNumber({ query, label, testId, children }: DrillNumberProps) {
  const open = useOpenDrill();
  return (
    <button type="button" className="drill-number" data-testid={testId} title={`查看「${label}」的客户名单`} onClick={() => open({ query, label })}>
      {children}
    </button>
  );
}
